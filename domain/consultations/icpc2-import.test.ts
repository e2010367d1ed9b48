// Tests for checking an imported ICPC-2 code file: header, accepted codes and every rejection reason with its line.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../files/csv';
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

  it('reads the official tab-separated layout by its header: full text first, 60-character text as fallback', () => {
    const file = [
      'Kode\tTekst_uten_lengdebegrensning\tTekst_med_maksimalt_60_tegn\tGyldig_fra\tGyldig_til\tKodeverk\tTilhørighet_i_ICPC-2B\tForeldrekode\tForeldrekodetekst',
      'A\tAllment og uspesifisert\t\t2000-01-01T00:00:00\t\tICPC-2\t\t\t',
      'A01\tSmerte generell/flere steder\tSmerte generell/flere steder\t2000-01-01T00:00:00\t\tICPC-2\t\tA\tAllment',
      'H01\tØresmerte/øreverk\tØresmerte/øreverk\t2000-01-01T00:00:00\t\tICPC-2\t\tH\tØre',
      `S98\t${'Lang tekst om elveblest '.repeat(10)}\tUrtikaria\t2000-01-01T00:00:00\t\tICPC-2\t\tS\tHud`,
      '-30\tMedisinsk undersøkelse komplett\t\t2000-01-01T00:00:00\t\tICPC-2\t\t\t',
      'R74.0001\tForkjølelse\t\t2017-01-01T00:00:00\t\tICPC-2B\tR74\tR74\tØvre luftveisinfeksjon',
      'Z99\tUtgått kode\tUtgått\t2000-01-01T00:00:00\t2020-12-31T00:00:00\tICPC-2\t\tZ\tSosialt',
      'Q12\tUkjent kapittel\t\t\t\tICPC-2\t\t\t',
    ].join('\r\n');
    const result = checkIcpc2Rows(parseCsv(file), '2026-12-03');
    expect(result.headerSkipped).toBe(true);
    expect(result.accepted).toEqual([
      { code: 'A01', text: 'Smerte generell/flere steder' },
      { code: 'H01', text: 'Øresmerte/øreverk' },
      { code: 'S98', text: 'Urtikaria' },
    ]);
    expect(result.skipped).toBe(4);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([[9, 'invalidCode']]);
  });

  it('reads an old headerless tab-separated file (code, text) and skips its process codes', () => {
    const result = checkIcpc2Rows(parseCsv('A03\tFeber\n-31\tMedisinsk undersøkelse delvis\nU71\tCystitt/urinveisinfeksjon IKA\n'));
    expect(result).toMatchObject({ headerSkipped: false, skipped: 1, rejected: [] });
    expect(result.accepted.map((r) => r.code)).toEqual(['A03', 'U71']);
  });
});

