// The agreement digest's canonical form (docs/sync-protocol.md): the line, the byte order and the per-table hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, digestLine, EMPTY_TABLE_DIGEST, tableDigest } from './digest';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the agreement digest', () => {
  it('hashes one line per cell, row\\tcolumn\\thlc\\tvalue as JSON\\n, sorted by row then column', () => {
    const cells = [
      { row: 'b', column: 'note', hlc: 'h2', value: 'Dagvakt «Grong»\n' },
      { row: 'a', column: 'deleted', hlc: 'h1', value: 0 },
      { row: 'a', column: 'birth_year', hlc: 'h1', value: 1970 },
      { row: 'b', column: 'deleted', hlc: 'h2', value: null },
      { row: 'a', column: 'price', hlc: 'h1', value: 12.5 },
    ];
    const expected = 'a\tbirth_year\th1\t1970\na\tdeleted\th1\t0\na\tprice\th1\t12.5\nb\tdeleted\th2\tnull\nb\tnote\th2\t"Dagvakt «Grong»\\n"\n';
    expect(cells.map(digestLine).sort().join('')).toBe(expected);
    expect(tableDigest(cells)).toEqual({ rows: 2, digest: sha(expected) });
    // The same cells in another order give the same digest; one value changed gives another.
    expect(tableDigest([...cells].reverse())).toEqual(tableDigest(cells));
    expect(tableDigest(cells.map((cell) => (cell.column === 'price' ? { ...cell, value: 12.25 } : cell))).digest).not.toBe(sha(expected));
    expect(tableDigest(cells.map((cell) => (cell.column === 'price' ? { ...cell, hlc: 'h3' } : cell))).digest).not.toBe(sha(expected));
  });

  it('orders by UTF-8 bytes (code points), as SQLite and PostgreSQL "C" do, not by UTF-16 units', () => {
    // U+FF5E (three UTF-8 bytes, EF BD 9E) sorts before U+1F600 (four, F0 9F 98 80), though its UTF-16 unit is larger than the surrogate D83D.
    expect('\uff5e' > '\u{1f600}').toBe(true);
    expect(compareCodePoints('\uff5e', '\u{1f600}')).toBe(-1);
    expect(Buffer.compare(Buffer.from('\uff5e'), Buffer.from('\u{1f600}'))).toBe(-1);
    expect(compareCodePoints('a', 'ab')).toBe(-1);
    expect(compareCodePoints('ab', 'ab')).toBe(0);
    expect(compareCodePoints('Å', 'Z')).toBe(1);
  });

  it('gives an empty table the hash of nothing', () => {
    expect(EMPTY_TABLE_DIGEST).toEqual({ rows: 0, digest: sha('') });
    expect(tableDigest([])).toEqual(EMPTY_TABLE_DIGEST);
  });
});
