// The state of the ICPC-2 code list: when an admin should be reminded to import the new yearly file, and which of a routine's codes the list lacks.
import type { LocalDate } from '../calendar/dates';

export type Icpc2ImportReminder = { kind: 'none' } | { kind: 'neverImported' } | { kind: 'outdated'; lastImportYear: number; year: number };

/**
 * The official file changes every 1 January. From 1 January of a year (Oslo date) until a file has been imported in
 * that year, the list is "outdated": an import made in December 2026 reminds from 1 January 2027, one made on
 * 2 January 2027 does not remind again until 1 January 2028. With no import at all the office uses the built-in list
 * only, which gets a milder hint (the office may not have the file).
 */
export function icpc2ImportReminder(lastImportDate: LocalDate | null, today: LocalDate): Icpc2ImportReminder {
  if (lastImportDate === null) return { kind: 'neverImported' };
  const lastImportYear = Number(lastImportDate.slice(0, 4));
  const year = Number(today.slice(0, 4));
  return lastImportYear < year ? { kind: 'outdated', lastImportYear, year } : { kind: 'none' };
}

/** The codes of a routine that are not in the code list (built-in plus imported), in the routine's order, without repeats. */
export function icpc2CodesMissing(codes: readonly string[], known: Iterable<string>): string[] {
  const list = new Set([...known].map((code) => code.toUpperCase()));
  return [...new Set(codes.map((code) => code.trim().toUpperCase()))].filter((code) => code !== '' && !list.has(code));
}
