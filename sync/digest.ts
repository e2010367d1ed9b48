// The agreement digest (docs/sync-protocol.md): the canonical line of one cell and the per-table sha256 both the service and a computer compute.
import { createHash } from 'node:crypto';
import type { SqlValue } from '../db/sync-tables';
import type { TableDigest } from './protocol';

/** One cell as the digest sees it: its row, column, the timestamp of its value and the value. */
export interface DigestCell {
  row: string;
  column: string;
  hlc: string;
  value: SqlValue;
}

/**
 * The canonical line of a cell: `${row}\t${column}\t${hlc}\t${valueJson}\n`, where valueJson is JSON.stringify of the
 * value exactly as a pull sends it (text as a JSON string, a number as JavaScript writes it, null as null).
 */
export function digestLine(cell: DigestCell): string {
  return `${cell.row}\t${cell.column}\t${cell.hlc}\t${JSON.stringify(cell.value)}\n`;
}

/** Compares two texts by Unicode code point, which is the byte order of their UTF-8 (SQLite's BINARY, PostgreSQL's "C"). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const x = a.codePointAt(index)!;
    const y = b.codePointAt(index)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) index++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The digest order: by row, then by column, both in byte order. */
export function compareDigestCells(a: DigestCell, b: DigestCell): number {
  return compareCodePoints(a.row, b.row) || compareCodePoints(a.column, b.column);
}

/** Hashes cells given already in digest order (one table); counts distinct rows as it goes. */
export class TableDigester {
  private readonly hash = createHash('sha256');
  private rows = 0;
  private lastRow: string | null = null;

  add(cell: DigestCell): void {
    if (cell.row !== this.lastRow) {
      this.rows += 1;
      this.lastRow = cell.row;
    }
    this.hash.update(digestLine(cell), 'utf8');
  }

  result(): TableDigest {
    return { rows: this.rows, digest: this.hash.digest('hex') };
  }
}

/** The digest of one table's cells in any order (sorted here). */
export function tableDigest(cells: readonly DigestCell[]): TableDigest {
  const digester = new TableDigester();
  for (const cell of [...cells].sort(compareDigestCells)) digester.add(cell);
  return digester.result();
}

/** The digest of a table with no cells (sha256 of nothing). */
export const EMPTY_TABLE_DIGEST: TableDigest = { rows: 0, digest: createHash('sha256').digest('hex') };
