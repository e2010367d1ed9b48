// The patient's access report as lines in words (who, role, when, what, why) for the screen, the printed sheet and the CSV file; pure.
import type { ApiOutput } from '../../../../backend/api-types';
import { toCsv } from '../../../../domain/files/csv';
import { formatDate, formatStamp } from '../../format/dates';
import type { Translator } from '../../i18n';
import { auditActionText, auditReasonText } from '../../i18n/audit-labels';
import { capitalise, roleNames } from '../../i18n/labels';

export type AccessReport = ApiOutput<'audit.accessReport'>;
type ReportRow = AccessReport['rows'][number];

export interface ReportLine {
  id: string;
  /** "14.03.2027 10:12" (Norwegian time). */
  when: string;
  who: string;
  role: string;
  /** The action in words, and the consultation's date and time when it concerned one. */
  what: string;
  why: string;
}

function entryTime(localDateTime: string): string {
  return `${formatDate(localDateTime.slice(0, 10))} ${localDateTime.slice(11, 16)}`;
}

export function reportLine(t: Translator['t'], row: ReportRow): ReportLine {
  const action = auditActionText(t, row.action);
  return {
    id: row.id,
    when: formatStamp(row.at),
    who: row.name,
    role: capitalise(roleNames(t, row.roles)),
    what: row.entryAt ? t('audit.report.entry', { action, at: entryTime(row.entryAt) }) : action,
    why: auditReasonText(t, row.action, row.reason),
  };
}

export function reportLines(t: Translator['t'], report: Pick<AccessReport, 'rows'>): ReportLine[] {
  return report.rows.map((row) => reportLine(t, row));
}

/** The CSV file: a header row (Når;Hvem;Rolle;Hva;Hvorfor) and one row per access, oldest first. */
export function reportCsv(t: Translator['t'], report: Pick<AccessReport, 'rows'>): string {
  const header = [t('audit.report.when'), t('audit.report.who'), t('audit.report.role'), t('audit.report.what'), t('audit.report.why')];
  return toCsv([header, ...reportLines(t, report).map((line) => [line.when, line.who, line.role, line.what, line.why])]);
}

/** "innsynsrapport-2027-01-01-2027-03-31" (without extension). */
export function reportFileName(t: Translator['t'], report: Pick<AccessReport, 'fromDate' | 'toDate'>): string {
  return t('audit.report.fileName', { from: report.fromDate, to: report.toDate });
}
