// The weekly overview's freshness line and how much the printed sheet must shrink to fit one A4 page; pure, so it is unit-tested.
import type { LocalDate } from '../../../../domain/calendar/dates';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { formatStamp } from '../../format/dates';
import { mergeCellWarnings, warningsOn } from '../../format/warnings';
import type { Translator } from '../../i18n';

export interface Freshness {
  printedAt: string;
  dataAsOf: string | null;
  lastSyncedAt: string | null;
}

/** "Skrevet ut 23.11.2026 09:12 · data per 09:10 (ikke synkronisert ennå)": paper goes stale, so it says how fresh it was. */
export function freshnessText(t: Translator['t'], freshness: Freshness): string {
  const printed = formatStamp(freshness.printedAt);
  const data = freshness.dataAsOf ? formatStamp(freshness.dataAsOf, freshness.printedAt) : t('overview.noDataYet');
  const sync = freshness.lastSyncedAt
    ? t('overview.lastSynced', { time: formatStamp(freshness.lastSyncedAt, freshness.printedAt) })
    : t('overview.notSynced');
  return t('overview.freshness', { printed, data, sync });
}

/** On screen: "Data per 09:10 (ikke synkronisert ennå)". */
export function freshnessScreenText(t: Translator['t'], data: { generatedAt: string; dataAsOf: string | null; lastSyncedAt: string | null }): string {
  const stamp = data.dataAsOf ? formatStamp(data.dataAsOf, data.generatedAt) : t('overview.noDataYet');
  const sync = data.lastSyncedAt ? t('overview.lastSynced', { time: formatStamp(data.lastSyncedAt, data.generatedAt) }) : t('overview.notSynced');
  return t('overview.freshnessScreen', { data: stamp, sync });
}

/** What the line estimate needs from the overview. */
export interface PrintableOverview {
  showWeekend: boolean;
  offices: readonly { officeId: string; rows: readonly { cells: readonly (readonly { text: string; detail: string | null; emergency?: boolean }[])[] }[] }[];
  warnings: readonly RotaWarning[];
  dates: readonly LocalDate[];
}

/**
 * Lines (of normal print size) the sheet needs when printed at `zoom`: headings, names, details and names that wrap,
 * warning lines, the legend and the footer. A smaller zoom gives every column more characters, so less wraps.
 */
export function printLineEstimate(overview: PrintableOverview, zoom = 1): number {
  const days = overview.showWeekend ? 7 : 5;
  // Characters of a bold name that fit in a column at full size: weekday columns are wide, weekend columns narrow.
  const nameChars = (index: number) => ((index >= 5 ? 14 : 24) / zoom);
  const entryLines = (entry: { text: string; detail: string | null }, index: number) => {
    const name = Math.ceil(entry.text.length / nameChars(index));
    // "Gunn Jørsdal 08:00–12:30" fits on one line in a weekday column; longer details, or any in a weekend column, wrap.
    const detail = entry.detail && zoom > 0.85 && (entry.detail.length > 11 || index >= 5) ? 0.6 : 0;
    return name + detail;
  };
  // A short warning line holds about 32 characters at full size: the words plus about 18 per name.
  const warningChars = 32 / zoom;
  let lines = 1.5 + 1.5 + 1; // page heading, column headings, footer
  let emergency = false;
  for (const block of overview.offices) {
    lines += 1.3;
    for (const row of block.rows) {
      const cells = row.cells.slice(0, days);
      if (cells.some((cell) => cell.some((entry) => entry.emergency))) emergency = true;
      lines += Math.max(1, ...cells.map((cell, index) => cell.reduce((sum, entry) => sum + entryLines(entry, index), 0)));
    }
    const perDay = overview.dates
      .slice(0, days)
      .map((date) => mergeCellWarnings(warningsOn(overview.warnings, block.officeId, date)).reduce((sum, { warning }) => sum + 0.8 * Math.ceil((18 + 18 * warning.staffIds.length) / warningChars), 0));
    if (perDay.some((count) => count > 0)) lines += Math.max(...perDay);
  }
  return lines + (emergency ? 0.8 : 0);
}

/** Lines that fit on the A4 landscape sheet at normal size (calibrated by printing the example weeks and a dense 5-year week). */
export const PRINT_LINES_PER_PAGE = 41;

/**
 * The zoom steps. The smallest text on the sheet (times, warnings) is 9 pt, so 90 % keeps it at 8.1 pt, the least
 * that can be read on the wall (issue 16 B7); a week that needs more shrinking continues on a second sheet instead.
 */
export const PRINT_ZOOM_STEPS = [100, 95, 90] as const;
export type PrintZoomStep = (typeof PRINT_ZOOM_STEPS)[number];

/** The print zoom class for the sheet: 100 when it fits, else the largest step at which it fits, else 90 (two sheets). */
export function printZoomStep(overview: PrintableOverview): PrintZoomStep {
  for (const step of PRINT_ZOOM_STEPS) {
    if (printLineEstimate(overview, step / 100) * (step / 100) <= PRINT_LINES_PER_PAGE) return step;
  }
  return 90;
}

