// What the routine pages show, without React: example marks, search by title or ICPC-2 code, the checklist order, version and list states (and their words), who is authorised, the print file name, and reason texts in the UI language.
import type { ApiOutput } from '../../../../backend/api-types';
import type { LocalDate } from '../../../../domain/calendar/dates';
import { authorisedNurses } from '../../../../domain/routines/authorisations';
import { EXAMPLE_MARK } from '../../../../domain/routines/examples';
import type { Reason } from '../../../../domain/routines/reasons';
import type { Routine } from '../../../../domain/routines/types';
import { routineInactiveReasons } from '../../../../domain/routines/versions';
import type { MessageKey, Translator } from '../../i18n';
import { formatDate } from '../../format/dates';

export { isExampleRoutine } from '../../../../domain/routines/examples';

/** The title without the leading "EKSEMPEL – ikke klinisk godkjent: " (the screens show the mark as its own label). */
export function shortTitle(title: string): string {
  const prefix = `${EXAMPLE_MARK}:`;
  return title.startsWith(prefix) ? title.slice(prefix.length).trim() : title;
}

export interface Searchable {
  title: string;
  icpc2Codes: readonly string[];
}

function words(query: string): string[] {
  return query
    .toLocaleLowerCase('nb')
    .split(/[\s,;]+/)
    .filter(Boolean);
}

/**
 * Routines whose title contains every typed word or whose ICPC-2 code starts with it ("U71", "u7", "blære", "blære u71").
 * Exact code matches come first, then by title. An empty query lists every routine.
 */
export function matchRoutines<T>(items: readonly T[], query: string, get: (item: T) => Searchable): T[] {
  const typed = words(query);
  const collator = new Intl.Collator('nb');
  const byTitle = (a: T, b: T) => collator.compare(shortTitle(get(a).title), shortTitle(get(b).title));
  if (typed.length === 0) return [...items].sort(byTitle);
  const matches = items.filter((item) => {
    const { title, icpc2Codes } = get(item);
    const text = title.toLocaleLowerCase('nb');
    const codes = icpc2Codes.map((code) => code.toLocaleLowerCase('nb'));
    return typed.every((word) => text.includes(word) || codes.some((code) => code.startsWith(word)));
  });
  const exact = (item: T) => get(item).icpc2Codes.some((code) => typed.includes(code.toLocaleLowerCase('nb')));
  return matches.sort((a, b) => Number(exact(b)) - Number(exact(a)) || byTitle(a, b));
}

export interface ChecklistItem {
  list: 'inclusion' | 'exclusion';
  /** Position in the version's list (the answers are kept by position). */
  index: number;
  text: string;
  redFlag: boolean;
}

/** The checklist in the order a nurse goes through it: red flags first, then inclusion criteria, then other exclusions. */
export function checklist(routine: Pick<Routine, 'inclusionCriteria' | 'exclusionCriteria'>): {
  redFlags: ChecklistItem[];
  inclusion: ChecklistItem[];
  exclusion: ChecklistItem[];
} {
  const exclusion = routine.exclusionCriteria.map((criterion, index) => ({ list: 'exclusion' as const, index, text: criterion.text, redFlag: criterion.redFlag }));
  return {
    redFlags: exclusion.filter((item) => item.redFlag),
    inclusion: routine.inclusionCriteria.map((text, index) => ({ list: 'inclusion' as const, index, text, redFlag: false })),
    exclusion: exclusion.filter((item) => !item.redFlag),
  };
}

export interface Answers {
  inclusion: (boolean | null)[];
  exclusion: (boolean | null)[];
}

export function emptyAnswers(routine: Pick<Routine, 'inclusionCriteria' | 'exclusionCriteria'>): Answers {
  return { inclusion: routine.inclusionCriteria.map(() => null), exclusion: routine.exclusionCriteria.map(() => null) };
}

export function withAnswer(answers: Answers, item: Pick<ChecklistItem, 'list' | 'index'>, value: boolean | null): Answers {
  const list = [...answers[item.list]];
  list[item.index] = value;
  return { ...answers, [item.list]: list };
}

/** How one version stands on a date, for the version history. */
export type VersionState =
  | { kind: 'inForce' }
  | { kind: 'draft' }
  | { kind: 'superseded'; newVersion: number; date: LocalDate | null }
  | { kind: 'withdrawn'; date: LocalDate | null }
  | { kind: 'neverInForce' }
  | { kind: 'notYetValid'; date: LocalDate }
  | { kind: 'expired'; date: LocalDate };

export function versionState(routine: Routine, today: LocalDate): VersionState {
  const first = routineInactiveReasons(routine, today)[0];
  if (!first) return { kind: 'inForce' };
  switch (first.code) {
    case 'routineDraft':
      return { kind: 'draft' };
    case 'routineSuperseded':
      return { kind: 'superseded', newVersion: routine.supersededByVersion ?? routine.version + 1, date: routine.retiredFrom };
    case 'routineRetired':
      // A discarded draft, or a version withdrawn before its first day: it never applied.
      if (routine.retiredFrom !== null && routine.retiredFrom <= routine.validFrom) return { kind: 'neverInForce' };
      return { kind: 'withdrawn', date: routine.retiredFrom };
    case 'routineNotYetValid':
      return { kind: 'notYetValid', date: routine.validFrom };
    case 'routineExpired':
      return { kind: 'expired', date: routine.expiresOn };
  }
}

/** A version's state in words ("I kraft", "Erstattet av versjon 3 fra 01.02.2027" …), for labels, the version picker and the sheet. */
export function versionStateText(state: VersionState, translator: Pick<Translator, 't' | 'language'>): string {
  const { t, language } = translator;
  const date = (value: LocalDate | null) => formatDate(value, language);
  switch (state.kind) {
    case 'inForce':
      return t('routines.version.inForce');
    case 'draft':
      return t('routines.status.draft');
    case 'notYetValid':
      return t('routines.status.activeFrom', { date: date(state.date) });
    case 'superseded':
      return t('routines.version.superseded', { version: state.newVersion, date: date(state.date) });
    case 'withdrawn':
      return t('routines.version.withdrawn', { date: date(state.date) });
    case 'neverInForce':
      return t('routines.version.neverInForce');
    case 'expired':
      return t('routines.version.expired', { date: date(state.date) });
  }
}

/** The status a list shows for a routine: utkast / aktiv / utgått, from the version in force (not the stored status). */
export type ListStatus =
  | { kind: 'active'; version: number; pendingDraft: number | null; scheduled: { version: number; date: LocalDate } | null }
  | { kind: 'scheduled'; version: number; date: LocalDate }
  | { kind: 'draft'; version: number }
  | { kind: 'retired'; version: number };

export function listStatus(summary: { inForce: Routine | null; newest: Routine }, today: LocalDate): ListStatus {
  const { inForce, newest } = summary;
  const newer = inForce && newest.version > inForce.version ? newest : null;
  if (inForce) {
    return {
      kind: 'active',
      version: inForce.version,
      pendingDraft: newer?.status === 'draft' ? newer.version : null,
      scheduled: newer && versionState(newer, today).kind === 'notYetValid' && newer.status === 'active' ? { version: newer.version, date: newer.validFrom } : null,
    };
  }
  if (newest.status === 'draft') return { kind: 'draft', version: newest.version };
  if (newest.status === 'active' && newest.validFrom > today) return { kind: 'scheduled', version: newest.version, date: newest.validFrom };
  return { kind: 'retired', version: newest.version };
}

/** English (or other) texts for the domain's reason codes; Norwegian uses the domain's own message. */
const REASON_KEYS: Record<string, MessageKey> = {
  routineDraft: 'routines.reason.routineDraft',
  routineSuperseded: 'routines.reason.routineSuperseded',
  routineRetired: 'routines.reason.routineRetired',
  routineNotYetValid: 'routines.reason.routineNotYetValid',
  routineExpired: 'routines.reason.routineExpired',
  notAuthorised: 'routines.reason.notAuthorised',
  notConfirmed: 'routines.reason.notConfirmed',
  authorisationRevoked: 'routines.reason.authorisationRevoked',
  competenceExpired: 'routines.reason.competenceExpired',
  competenceMissing: 'routines.reason.competenceMissing',
  competenceUnknown: 'routines.reason.competenceUnknown',
  reviewOverdue: 'routines.reason.reviewOverdue',
  competenceExpiring: 'routines.reason.competenceExpiring',
  newVersionScheduled: 'routines.reason.newVersionScheduled',
  otherVersionInForce: 'routines.reason.otherVersionInForce',
};

/**
 * A reason or warning from the routine rules as text: in Norwegian exactly the domain's message (the same wording as
 * the backend and the printouts), in other languages built from its code and values.
 */
export function reasonText(reason: Reason, translator: Pick<Translator, 't' | 'language'>, competenceName: (typeId: string) => string | null): string {
  const { t, language } = translator;
  const key = REASON_KEYS[reason.code];
  if (language === 'nb' || !key) return reason.message;
  const p = reason.params;
  const date = typeof p.date === 'string' ? formatDate(p.date, language) : '';
  const typeId = typeof p.competenceTypeId === 'string' ? p.competenceTypeId : null;
  const text = t(key, {
    version: p.version ?? '',
    newVersion: p.newVersion ?? '',
    date,
    reason: p.reason ?? '',
    competence: (typeId && competenceName(typeId)) ?? '',
  });
  if (reason.code === 'notAuthorised' && p.authorisedVersions) return `${text} ${t('routines.reason.authorisedFor', { versions: String(p.authorisedVersions).replace(/,/g, ', ') })}`;
  if (reason.code === 'newVersionScheduled' && p.authorised === 0) return `${text}${t('routines.reason.notAuthorisedForIt')}`;
  if (reason.code === 'authorisationRevoked' && !p.reason) return text.replace(/:\s*$/, '');
  return text;
}

type RoutineDetail = ApiOutput<'routines.get'>;

/** A nurse authorised for a version on a day: since when and by whom (the detail page's tables and the printed sheet). */
export interface AuthorisedNurse {
  nurseId: string;
  nurseName: string;
  since: string;
  byDoctorName: string;
}

/** The versions the detail page acts on; the sheet version is the one in force, else the newest. */
export interface DetailVersions {
  sheetVersion: Routine;
  /** A newer version that is not withdrawn (a draft or a future version), and the day it would start. */
  pending: Routine | null;
  pendingDate: LocalDate;
  /** The newest version while it is a draft (to activate or discard). */
  draft: Routine | null;
  /** The version a doctor can withdraw: the one in force, else an active future one. */
  withdrawable: Routine | null;
  /** The versions a doctor may authorise nurses for. */
  grantVersions: Routine[];
}

export function detailVersions(detail: Pick<RoutineDetail, 'inForce' | 'newest' | 'today'>): DetailVersions {
  const { inForce, newest, today } = detail;
  const sheetVersion = inForce ?? newest;
  const pending = newest.version !== sheetVersion.version && newest.status !== 'retired' ? newest : null;
  return {
    sheetVersion,
    pending,
    pendingDate: pending && pending.validFrom > today ? pending.validFrom : today,
    draft: newest.status === 'draft' ? newest : null,
    withdrawable: inForce ?? (newest.status === 'active' ? newest : null),
    grantVersions: [sheetVersion, ...(pending ? [pending] : [])].filter((version) => version.status !== 'retired' || version === inForce),
  };
}

/**
 * Nurses authorised for a version on a date: the backend's list for the sheet version today, the same rule (the domain's
 * `authorisedNurses`) for another version or day. Names come from the events, else from `names` (staff by id).
 */
export function authorisedOn(
  detail: Pick<RoutineDetail, 'routineId' | 'inForce' | 'newest' | 'today' | 'events' | 'authorisedToday'>,
  version: Routine,
  onDate: LocalDate,
  names: ReadonlyMap<string, string>,
): AuthorisedNurse[] {
  const sheetVersion = detail.inForce ?? detail.newest;
  if (version.version === sheetVersion.version && onDate === detail.today) return detail.authorisedToday;
  const { events } = detail;
  const eventNames = new Map(events.map((event) => [event.nurseId, event.nurseName]));
  const doctorNames = new Map(events.map((event) => [event.byDoctorId, event.doctorName]));
  return authorisedNurses(events, detail.routineId, version.version, onDate).map(({ nurseId, granted }) => ({
    nurseId,
    nurseName: eventNames.get(nurseId) || names.get(nurseId) || '',
    since: granted.effectiveDate,
    byDoctorName: doctorNames.get(granted.byDoctorId) || names.get(granted.byDoctorId) || '',
  }));
}

/** The PDF name Electron suggests when printing a version: "rutine-<title words>-versjon-<n>.pdf". */
export function printFileName(routine: Pick<Routine, 'title' | 'version'>): string {
  const slug = shortTitle(routine.title)
    .toLocaleLowerCase('nb')
    .replace(/[^a-z0-9æøå]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50);
  return `rutine-${slug}-versjon-${routine.version}.pdf`;
}
