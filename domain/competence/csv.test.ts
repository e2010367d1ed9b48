// Tests for CSV export: separator, quoting, formula guard, BOM, numbers, and the matrix and expiry-list rows.
import { describe, expect, it } from 'vitest';
import { csvCell, expiringCsvRows, matrixCellText, matrixCsvRows, toCsv } from './csv';
import { expiringWithin } from './expiring';
import { competenceMatrix } from './matrix';
import { AKUTT, DOCTOR, NURSE, record, SPESIALIST } from './testFixtures';

describe('csvCell', () => {
  it('leaves plain text alone and empties null and undefined', () => {
    expect(csvCell('Gunn Berg')).toBe('Gunn Berg');
    expect(csvCell('Røyrvik – æøå')).toBe('Røyrvik – æøå');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes separators, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvCell('Berg; Gunn')).toBe('"Berg; Gunn"');
    expect(csvCell('kurs "HLR"')).toBe('"kurs ""HLR"""');
    expect(csvCell('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell(' innrykk')).toBe('" innrykk"');
    expect(csvCell('Berg, Gunn')).toBe('Berg, Gunn');
    expect(csvCell('Berg, Gunn', ',')).toBe('"Berg, Gunn"');
  });

  it('writes numbers with a decimal comma (quoted when the separator is a comma) and booleans as ja/nei', () => {
    expect(csvCell(-14)).toBe('-14');
    expect(csvCell(2.5)).toBe('2,5');
    expect(csvCell(2.5, ',')).toBe('"2,5"');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('ja');
    expect(csvCell(false)).toBe('nei');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+47 123')).toBe("'+47 123");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('toCsv', () => {
  it('joins with ; and ends every line with CRLF by default', () => {
    expect(toCsv([['Navn', 'Dager'], ['Gunn', 3]])).toBe('Navn;Dager\r\nGunn;3\r\n');
    expect(toCsv([])).toBe('');
  });

  it('adds a UTF-8 BOM only when asked and honours separator and line ending options', () => {
    const csv = toCsv([['Ø', 'å']], { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Ø;å\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(toCsv([['a', 'b;c']], { separator: '\t', lineEnding: '\n' })).toBe('a\tb;c\n');
  });
});

describe('matrix and expiry rows', () => {
  const records = [
    record({ staffId: NURSE.id, competenceTypeId: AKUTT.id, obtained: '2024-10-01', expiresOn: '2026-10-01' }),
    record({ staffId: DOCTOR.id, competenceTypeId: AKUTT.id, obtained: '2022-01-01', expiresOn: '2024-01-01' }),
    record({ staffId: DOCTOR.id, competenceTypeId: SPESIALIST.id, obtained: '2015-01-01', expiresOn: null }),
  ];

  it('describes cells in Norwegian with dates', () => {
    expect(matrixCellText({ state: 'valid', expiresOn: '2026-10-01' })).toBe('Gyldig til 01.10.2026');
    expect(matrixCellText({ state: 'valid', expiresOn: null })).toBe('Gyldig');
    expect(matrixCellText({ state: 'expiring', expiresOn: '2026-10-01' })).toBe('Utløper 01.10.2026');
    expect(matrixCellText({ state: 'expired', expiresOn: '2026-10-01' })).toBe('Utløpt 01.10.2026');
    expect(matrixCellText({ state: 'missing', expiresOn: null })).toBe('Mangler');
    expect(matrixCellText({ state: 'notApplicable', expiresOn: null })).toBe('Ikke aktuelt');
  });

  it('exports the matrix with a header row', () => {
    const matrix = competenceMatrix([NURSE, DOCTOR], [AKUTT, SPESIALIST], records, '2026-09-01');
    expect(toCsv(matrixCsvRows(matrix), { bom: true })).toBe(
      '\uFEFFNavn;Yrke;Akuttmedisinkurs;Spesialist i allmennmedisin\r\n' +
        'Gunn Berg;Sykepleier;Utløper 01.10.2026;Ikke aktuelt\r\n' +
        'Astrid Lyng;Lege;Utløpt 01.01.2024;Gyldig\r\n',
    );
  });

  it('exports the expiry list with negative day counts as numbers', () => {
    const list = expiringWithin(records, [AKUTT, SPESIALIST], [NURSE, DOCTOR], '2026-09-01');
    expect(toCsv(expiringCsvRows(list))).toBe(
      'Navn;Kompetanse;Status;Utløpsdato;Dager igjen\r\n' +
        'Astrid Lyng;Akuttmedisinkurs;Utløpt;01.01.2024;-974\r\n' +
        'Gunn Berg;Akuttmedisinkurs;Utløper snart;01.10.2026;30\r\n',
    );
  });
});
