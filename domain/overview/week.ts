// The weekly overview as data: offices × days with generic rows, built from the rota so the screen and the printout show the same thing.
import { isoWeekday } from '../calendar/dates';
import type { LocalDate } from '../calendar/dates';
import type { PublicHoliday } from '../calendar/holidays';
import { isoWeekDates } from '../calendar/isoWeek';
import type { IsoWeek } from '../calendar/isoWeek';
import type { Office } from '../offices';
import type { VisibleAbsence } from '../rota/absence-privacy';
import type { Absence, Shift } from '../rota/types';
import type { RotaWarning } from '../rota/warnings';
import type { StaffMember } from '../staff';

/** One line in a cell: a person (or a figure) and an optional detail such as a time or "fra Grong". */
export interface OverviewEntry {
  text: string;
  detail: string | null;
  staffId: string | null;
  /** ★: the nurse holds emergency competence that day. */
  emergency?: boolean;
}

/**
 * A row of an office block. The built-in rows come from the rota; later areas add their own rows
 * (competence expiring, consultation counts) with a new key, without changing the layout.
 */
export interface OverviewRow {
  key: string;
  /** Norwegian label shown at the start of the row. */
  label: string;
  /** Seven cells, Monday first. */
  cells: OverviewEntry[][];
}

export interface OverviewOfficeBlock {
  officeId: string;
  officeName: string;
  /** Seven flags, Monday first: closed by opening hours or a public holiday. */
  closed: boolean[];
  rows: OverviewRow[];
}

export interface OverviewWeek {
  week: IsoWeek;
  dates: LocalDate[];
  /** Weekend columns are shown only when something is planned on them. */
  showWeekend: boolean;
  holidays: PublicHoliday[];
  offices: OverviewOfficeBlock[];
  warnings: RotaWarning[];
}

export interface OverviewInput {
  week: IsoWeek;
  offices: readonly Office[];
  staff: readonly StaffMember[];
  shifts: readonly Shift[];
  /** As the reader may see them: a null kind (a colleague's absence) shows only the name in the Fravær row. */
  absences: readonly VisibleAbsence[];
  holidays: readonly PublicHoliday[];
  warnings: readonly RotaWarning[];
  isEmergencyNurse?: (staffId: string, date: LocalDate) => boolean;
}

const ROW_LABELS = {
  doctors: 'Lege på kontoret',
  video: 'Video',
  nurses: 'Sykepleier',
  receptionists: 'Helsesekretær',
  legevakt: 'Legevakt',
  other: 'Adm./kurs',
  absences: 'Fravær',
} as const;
type RowKey = keyof typeof ROW_LABELS;

const ABSENCE_WORDS: Record<Absence['kind'], string> = {
  holiday: 'ferie',
  sick: 'syk',
  course: 'kurs',
  leave: 'permisjon',
  timeOff: 'avspasering',
};

function shortOfficeName(name: string): string {
  return name.replace(/\s+legekontor$/i, '');
}

function rowFor(shift: Shift, profession: StaffMember['profession'] | undefined): RowKey {
  if (shift.kind === 'video') return 'video';
  if (shift.kind === 'legevakt') return 'legevakt';
  if (shift.kind === 'admin' || shift.kind === 'course') return 'other';
  if (profession === 'doctor' || profession === 'doctorInTraining') return 'doctors';
  if (profession === 'nurse') return 'nurses';
  if (profession === 'secretary') return 'receptionists';
  return 'other';
}

/** Builds the overview for one ISO week; only offices in `offices` get a block. */
export function buildOverviewWeek(input: OverviewInput): OverviewWeek {
  const dates = isoWeekDates(input.week);
  const dayIndex = new Map(dates.map((date, index) => [date, index]));
  const staffById = new Map(input.staff.map((member) => [member.id, member]));
  const officeById = new Map(input.offices.map((office) => [office.id, office]));
  const holidayDates = new Set(input.holidays.map((holiday) => holiday.date));
  let weekendUsed = false;

  const blocks = new Map<string, Record<RowKey, OverviewEntry[][]>>();
  const emptyRows = () =>
    Object.fromEntries((Object.keys(ROW_LABELS) as RowKey[]).map((key) => [key, dates.map(() => [] as OverviewEntry[])])) as Record<RowKey, OverviewEntry[][]>;
  for (const office of input.offices) blocks.set(office.id, emptyRows());

  const sorted = [...input.shifts].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const shift of sorted) {
    const index = dayIndex.get(shift.date);
    const block = blocks.get(shift.officeId);
    if (index === undefined || !block) continue;
    if (index >= 5) weekendUsed = true;
    const member = staffById.get(shift.staffId);
    const key = rowFor(shift, member?.profession);
    const office = officeById.get(shift.officeId);
    // The week's dates are Monday first, so the ISO weekday is the column + 1 (no date parsing per shift).
    const hours = office?.openingHours[String(index + 1) as keyof Office['openingHours']];
    const time = hours && hours.open === shift.start && hours.close === shift.end ? null : `${shift.start}–${shift.end}`;
    let detail = time;
    if (shift.kind === 'video') {
      const base = member?.baseOfficeId ? officeById.get(member.baseOfficeId) : undefined;
      detail = [base ? `fra ${shortOfficeName(base.name)}` : null, time].filter(Boolean).join(', ') || null;
    }
    const entry: OverviewEntry = { text: member?.name ?? 'Ukjent', detail, staffId: shift.staffId };
    if (key === 'nurses' && input.isEmergencyNurse?.(shift.staffId, shift.date)) entry.emergency = true;
    block[key][index]!.push(entry);
  }

  for (const absence of input.absences) {
    const member = staffById.get(absence.staffId);
    const block = member?.baseOfficeId ? blocks.get(member.baseOfficeId) : undefined;
    if (!member || !block) continue;
    dates.forEach((date, index) => {
      if (date < absence.from || date > absence.to) return;
      if (index >= 5) return; // absences alone do not open the weekend columns
      block.absences[index]!.push({ text: member.name, detail: absence.kind === null ? null : ABSENCE_WORDS[absence.kind], staffId: member.id });
    });
  }

  const offices: OverviewOfficeBlock[] = input.offices.map((office) => {
    const rows = blocks.get(office.id)!;
    return {
      officeId: office.id,
      officeName: office.name,
      closed: dates.map((date) => holidayDates.has(date) || office.openingHours[String(isoWeekday(date)) as keyof Office['openingHours']] === null),
      rows: (Object.keys(ROW_LABELS) as RowKey[])
        // Optional rows appear only when they have something to show; the staffing rows always do, so gaps are visible.
        .filter((key) => !['other', 'absences', 'legevakt'].includes(key) || rows[key].some((cell) => cell.length > 0))
        .map((key) => ({ key, label: ROW_LABELS[key], cells: rows[key] })),
    };
  });

  return {
    week: input.week,
    dates,
    showWeekend: weekendUsed,
    holidays: [...input.holidays],
    offices,
    warnings: [...input.warnings],
  };
}
