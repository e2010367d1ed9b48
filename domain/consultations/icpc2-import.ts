// Checking the rows of an office's official ICPC-2 code file (code, text) before import: what is taken and what is rejected, and why.
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
}

export const ICPC2_REJECT_MESSAGES_NB: Readonly<Record<Icpc2RejectReason, string>> = {
  invalidCode: 'Koden er ikke en ICPC-2-kode (bokstav og to siffer, f.eks. R74)',
  missingText: 'Teksten mangler',
  textTooLong: `Teksten er lengre enn ${ICPC2_TEXT_MAX} tegn`,
  duplicate: 'Koden står tidligere i filen',
  tooFewColumns: 'Linjen har ikke to kolonner (kode og tekst)',
};

function looksLikeHeader(row: readonly string[]): boolean {
  const first = (row[0] ?? '').trim().toLowerCase();
  return !isIcpc2Code(first) && /kode|code|icpc/.test(first);
}

/** Checks every row; blank rows are ignored. The code is upper-cased; the text is trimmed. */
export function checkIcpc2Rows(rows: readonly (readonly string[])[]): Icpc2ImportCheck {
  const accepted: Icpc2ImportRow[] = [];
  const rejected: Icpc2ImportCheck['rejected'] = [];
  const seen = new Set<string>();
  const headerSkipped = rows.length > 0 && looksLikeHeader(rows[0] as readonly string[]);
  rows.forEach((row, index) => {
    if (index === 0 && headerSkipped) return;
    const cells = row.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) return;
    const line = index + 1;
    const content = cells.join(' | ').slice(0, 120);
    if (cells.length < 2) return rejected.push({ line, reason: 'tooFewColumns', content });
    const code = (cells[0] as string).toUpperCase();
    const text = cells.slice(1).filter((cell) => cell !== '')[0] ?? '';
    if (!isIcpc2Code(code)) return rejected.push({ line, reason: 'invalidCode', content });
    if (text === '') return rejected.push({ line, reason: 'missingText', content });
    if (text.length > ICPC2_TEXT_MAX) return rejected.push({ line, reason: 'textTooLong', content });
    if (seen.has(code)) return rejected.push({ line, reason: 'duplicate', content });
    seen.add(code);
    accepted.push({ code, text });
  });
  return { accepted, rejected, headerSkipped };
}
