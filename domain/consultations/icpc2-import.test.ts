// Tests for checking an imported ICPC-2 code file: header, accepted codes and every rejection reason with its line.
import { describe, expect, it } from 'vitest';
import { checkIcpc2Rows } from './icpc2-import';

describe('checkIcpc2Rows', () => {
  it('skips a header, accepts good rows and reports each rejected line with its reason', () => {
    const result = checkIcpc2Rows([
      ['Kode', 'Tekst'],
      ['r74', 'Akutt øvre luftveisinfeksjon'],
      ['U71', '  Cystitt  '],
      ['', ''],
      ['Q12', 'Ukjent kapittel'],
      ['A03', ''],
      ['U71', 'Igjen'],
      ['K86'],
      ['A04', 'x'.repeat(201)],
    ]);
    expect(result.headerSkipped).toBe(true);
    expect(result.accepted).toEqual([
      { code: 'R74', text: 'Akutt øvre luftveisinfeksjon' },
      { code: 'U71', text: 'Cystitt' },
    ]);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, 'invalidCode'],
      [6, 'missingText'],
      [7, 'duplicate'],
      [8, 'tooFewColumns'],
      [9, 'textTooLong'],
    ]);
  });

  it('takes the first line as data when it is a code', () => {
    expect(checkIcpc2Rows([['A03', 'Feber']])).toMatchObject({ headerSkipped: false, accepted: [{ code: 'A03', text: 'Feber' }] });
  });
});
