// Pure text for the routine check's supervising-doctor note: which sentence, and "until" as a time (or date and time when not today).
import type { ApiOutput } from '../../../../backend/api-types';
import { utcMsToOslo } from '../../../../domain/calendar/oslo';
import type { Language } from '../../stores/language';
import { formatDate } from '../../format/dates';

export type Supervising = NonNullable<ApiOutput<'routines.check'>['supervising']>;

/** "15:30" when the instant is on the same Oslo day as `nowIso`, else "04.12.2026 08:00". */
export function untilText(untilIso: string, nowIso: string, language: Language): string {
  const until = utcMsToOslo(Date.parse(untilIso));
  const now = utcMsToOslo(Date.parse(nowIso));
  return until.date === now.date ? until.time : `${formatDate(until.date, language)} ${until.time}`;
}

export interface SupervisorLine {
  kind: 'onSite' | 'video' | 'none';
  name: string;
  office: string;
  until: string;
  phone: string | null;
  /** For kind none: the legevakt doctor on duty, if any. */
  legevakt: { name: string; until: string; phone: string | null } | null;
}

/** The note's content for a check made at `nowIso`. */
export function supervisorLine(supervising: Supervising, nowIso: string, language: Language): SupervisorLine {
  const doctor = supervising.doctor;
  if (doctor.kind === 'none') {
    const duty = doctor.legevakt;
    return {
      kind: 'none',
      name: '',
      office: supervising.officeName,
      until: '',
      phone: null,
      legevakt: duty ? { name: duty.name, until: untilText(duty.until, nowIso, language), phone: duty.phone } : null,
    };
  }
  return { kind: doctor.kind, name: doctor.name, office: doctor.officeName, until: untilText(doctor.until, nowIso, language), phone: doctor.phone, legevakt: null };
}
