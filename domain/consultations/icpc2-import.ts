// Checking the rows of an office's official ICPC-2 code file (FinnKode's tab-separated export, or code + text in CSV/XLSX) before import: what is taken, skipped and rejected, and why.
import { isIcpc2Code } from './icpc2-starter';

export const ICPC2_TEXT_MAX = 200;

export type Icpc2RejectReason = 'invalidCode' | 'missingText' | 'textTooLong' | 'duplicate' | 'tooFewColumns';

export interface Icpc2ImportRow {
  code: string;
  text: string;
}

export interface Icpc2ImportCheck {
  accepted: Icpc2ImportRow[];
  /** line is the 1-based line or row number in the file, as the user sees it in Excel. */
  rejected: { line: number; reason: Icpc2RejectReason; content: string }[];
  /** True when the first line was a header (e.g. "Kode;Tekst") and was skipped. */
  headerSkipped: boolean;
  /**
   * Lines of the official file that are not reasons for encounter and are left out on purpose: process codes (-30),
   * chapter lines (A), ICPC-2B terms (another Kodeverk, or a code with a dot suffix) and codes whose Gyldig_til has passed.
   */
  skipped: number;
}

export const ICPC2_REJECT_MESSAGES_NB: Readonly<Record<Icpc2RejectReason, string>> = {
  invalidCode: 'Koden er ikke en ICPC-2-kode (bokstav og to siffer, f.eks. R74)',
  missingText: 'Teksten mangler',
  textTooLong: `Teksten er lengre enn ${ICPC2_TEXT_MAX} tegn`,
  duplicate: 'Koden står tidligere i filen',
  tooFewColumns: 'Linjen har ikke to kolonner (kode og tekst)',
};

/** Where the code and texts are: by the header's names when there is one, else code in the first column, text after it. */
interface Layout {
  code: number;
  /** Text columns in order of preference (the full text first, then the 60-character one). */
  texts: number[];
  codeSystem: number | null;
  validTo: number | null;
}

function looksLikeHeader(row: readonly string[]): boolean {
  const first = (row[0] ?? '').trim().toLowerCase();
  return !isIcpc2Code(first) && /kode|code|icpc/.test(first);
}

function headerLayout(header: readonly string[]): Layout {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const find = (test: (name: string) => boolean) => names.findIndex(test);
  const full = find((name) => name.startsWith('tekst_uten') || name === 'fulltekst');
  const short = find((name) => name.startsWith('tekst_med') || name.includes('60'));
  const anyText = find((name) => /tekst|text|tittel|title|beskrivelse/.test(name));
  const texts = [full, short, anyText].filter((index, position, all) => index >= 0 && all.indexOf(index) === position);
  const codeSystem = find((name) => name === 'kodeverk');
  const validTo = find((name) => name === 'gyldig_til');
  return {
    code: Math.max(0, find((name) => /kode|code|icpc/.test(name) && !name.startsWith('foreldre') && name !== 'kodeverk')),
    texts: texts.length > 0 ? texts : [1],
    codeSystem: codeSystem >= 0 ? codeSystem : null,
    validTo: validTo >= 0 ? validTo : null,
  };
}

/** `YYYY-MM-DD` from FinnKode's "2021-12-31T00:00:00" or "31.12.2021"; null when empty or unreadable. */
function dateIn(value: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return iso[1] as string;
  const nb = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(value);
  return nb ? `${nb[3]}-${nb[2]}-${nb[1]}` : null;
}

/** Not a reason-for-encounter code but a regular line of the official file: counted as skipped, not rejected. */
function isOtherOfficialLine(code: string, cells: readonly string[], layout: Layout | null, today: string | undefined): boolean {
  if (/^-\d{2}$/.test(code) || /^[A-Z]$/.test(code) || /^[A-Z]\d{2}\.\d+$/.test(code)) return true;
  if (layout === null) return false;
  const system = layout.codeSystem === null ? '' : (cells[layout.codeSystem] ?? '').toUpperCase().replace(/\s/g, '');
  if (system !== '' && system !== 'ICPC-2' && system !== 'ICPC2') return true;
  const validTo = layout.validTo === null ? null : dateIn(cells[layout.validTo] ?? '');
  return today !== undefined && validTo !== null && validTo < today;
}

/**
 * Checks every row; blank rows are ignored. The code is upper-cased; the text is trimmed. With a header the columns are
 * found by name (FinnKode: Kode, Tekst_uten_lengdebegrensning, Tekst_med_maksimalt_60_tegn, Gyldig_fra, Gyldig_til,
 * Kodeverk, …): the full text is taken, or the 60-character text when the full one is empty or too long. Without one,
 * the first column is the code and the first non-empty cell after it the text. `today` (YYYY-MM-DD) lets expired codes be skipped.
 */
export function checkIcpc2Rows(rows: readonly (readonly string[])[], today?: string): Icpc2ImportCheck {
  const accepted: Icpc2ImportRow[] = [];
  const rejected: Icpc2ImportCheck['rejected'] = [];
  const seen = new Set<string>();
  const headerSkipped = rows.length > 0 && looksLikeHeader(rows[0] as readonly string[]);
  const layout: Layout | null = headerSkipped ? headerLayout(rows[0] as readonly string[]) : null;
  let skipped = 0;
  rows.forEach((row, index) => {
    if (index === 0 && headerSkipped) return;
    const cells = row.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) return;
    const line = index + 1;
    const content = cells.join(' | ').slice(0, 120);
    if (cells.length < 2) return rejected.push({ line, reason: 'tooFewColumns', content });
    const code = (cells[layout?.code ?? 0] ?? '').toUpperCase();
    if (isOtherOfficialLine(code, cells, layout, today)) return (skipped += 1);
    const texts = layout ? layout.texts.map((column) => cells[column] ?? '').filter((text) => text !== '') : cells.slice(1).filter((cell) => cell !== '').slice(0, 1);
    const text = texts.find((candidate) => candidate.length <= ICPC2_TEXT_MAX) ?? texts[0] ?? '';
    if (!isIcpc2Code(code)) return rejected.push({ line, reason: 'invalidCode', content });
    if (text === '') return rejected.push({ line, reason: 'missingText', content });
    if (text.length > ICPC2_TEXT_MAX) return rejected.push({ line, reason: 'textTooLong', content });
    if (seen.has(code)) return rejected.push({ line, reason: 'duplicate', content });
    seen.add(code);
    accepted.push({ code, text });
  });
  return { accepted, rejected, headerSkipped, skipped };
}
