// CSV export for Norwegian Excel: `;`-separated, quoted where needed, optional UTF-8 BOM; rows for the competence matrix and the expiry list.
import { formatFullDateNb } from '../calendar/format';
import type { Profession } from '../staff';
import type { ExpiringCompetence } from './expiring';
import type { CompetenceMatrix, CompetenceMatrixCell } from './matrix';
import { COMPETENCE_STATE_NAMES_NB } from './state';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Field separator; default ';' (Norwegian Excel uses comma as decimal mark and expects ';'). */
  separator?: string;
  /** Start with a UTF-8 byte order mark (U+FEFF) so Excel reads æ, ø, å correctly. Default false. */
  bom?: boolean;
  /** Line ending; default CRLF as RFC 4180 and Excel expect. */
  lineEnding?: '\r\n' | '\n';
}

const BOM = '\uFEFF';
/** A text starting with one of these can be run as a formula by a spreadsheet (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text. Numbers use a decimal comma; null/undefined are empty; booleans are "ja"/"nei". Text that a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. A cell is quoted when it
 * contains the separator, a quote, a line break, or starts or ends with a space; quotes inside are doubled.
 */
export function csvCell(value: CsvCell, separator = ';'): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value).replace('.', ',') : '';
  else if (typeof value === 'boolean') text = value ? 'ja' : 'nei';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text; every line ends with the line ending. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const lineEnding = options.lineEnding ?? '\r\n';
  const body = rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator) + lineEnding).join('');
  return (options.bom ? BOM : '') + body;
}

const PROFESSION_NAMES_NB: Readonly<Record<Profession, string>> = {
  doctor: 'Lege',
  doctorInTraining: 'LIS/ALIS',
  nurse: 'Sykepleier',
  secretary: 'Helsesekretær',
  other: 'Annet',
};

/** 'Gyldig til 01.10.2026', 'Gyldig', 'Utløper 01.10.2026', 'Utløpt 01.10.2026', 'Mangler', 'Ikke aktuelt'. */
export function matrixCellText(cell: Pick<CompetenceMatrixCell, 'state' | 'expiresOn'>): string {
  const date = cell.expiresOn ? formatFullDateNb(cell.expiresOn) : null;
  switch (cell.state) {
    case 'valid':
      return date ? `Gyldig til ${date}` : 'Gyldig';
    case 'expiring':
      return `Utløper ${date ?? ''}`.trim();
    case 'expired':
      return `Utløpt ${date ?? ''}`.trim();
    default:
      return COMPETENCE_STATE_NAMES_NB[cell.state];
  }
}

/** Header 'Navn; Yrke; <type names…>' and one row per person, for toCsv. */
export function matrixCsvRows(matrix: CompetenceMatrix): string[][] {
  return [
    ['Navn', 'Yrke', ...matrix.types.map((type) => type.name)],
    ...matrix.rows.map((row) => [row.staffName, PROFESSION_NAMES_NB[row.profession], ...row.cells.map(matrixCellText)]),
  ];
}

/** Header 'Navn; Kompetanse; Status; Utløpsdato; Dager igjen' and one row per entry, for toCsv. */
export function expiringCsvRows(list: readonly ExpiringCompetence[]): CsvCell[][] {
  return [
    ['Navn', 'Kompetanse', 'Status', 'Utløpsdato', 'Dager igjen'],
    ...list.map((entry) => [entry.staffName, entry.competenceName, COMPETENCE_STATE_NAMES_NB[entry.state], formatFullDateNb(entry.expiresOn), entry.daysLeft]),
  ];
}
