// The de-identified figures of one consultation entry (consultation_facts): only what the cooperation-wide statistics and overview count.
import type { ContactKind, Outcome } from './entry';
import { icpc2Chapter } from './icpc2-starter';

/**
 * What the figures need of an entry's current values and nothing more: the office, the Oslo day (not the time), the
 * outcome and whether a doctor was involved ("resolved without a doctor"), the contact, the ICPC-2 chapter letter ('?'
 * when the code has none; the statistics count chapters, never codes) and whether it was cancelled. No identity, birth
 * year, sex, note, nurse, routine, medicine or full code.
 */
export interface ConsultationFacts {
  officeId: string;
  day: string;
  outcome: Outcome;
  withDoctor: boolean;
  contact: ContactKind;
  chapter: string;
  cancelled: boolean;
}

/** The chapter the statistics count an ICPC-2 code under ('?' for a code outside the chapters). */
export function chapterOfCode(code: string): string {
  return icpc2Chapter(code)?.letter ?? '?';
}

/** The facts of an entry with its amendments and cancellation applied. */
export function consultationFacts(entry: {
  officeId: string;
  at: string;
  outcome: Outcome;
  doctorId: string | null;
  contact: ContactKind;
  icpc2Code: string;
  cancelled: unknown;
}): ConsultationFacts {
  return {
    officeId: entry.officeId,
    day: entry.at.slice(0, 10),
    outcome: entry.outcome,
    withDoctor: entry.doctorId !== null,
    contact: entry.contact,
    chapter: chapterOfCode(entry.icpc2Code),
    cancelled: Boolean(entry.cancelled),
  };
}
