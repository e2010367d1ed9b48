// Tests for CSV parsing (delimiters, quotes, BOM, line ends) and writing (Norwegian Excel conventions, formula safety).
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads semicolon files from Excel with a BOM and CRLF', () => {
    expect(parseCsv('\uFEFFKode;Tekst\r\nR74;"Øvre luftveier; akutt"\r\n')).toEqual([
      ['Kode', 'Tekst'],
      ['R74', 'Øvre luftveier; akutt'],
    ]);
  });

  it('reads comma files with quoted quotes and newlines inside quotes, and a last line without newline', () => {
    expect(parseCsv('code,text\nA03,"Feber ""høy""\nlinje 2"\nA04,Slapp')).toEqual([
      ['code', 'text'],
      ['A03', 'Feber "høy"\nlinje 2'],
      ['A04', 'Slapp'],
    ]);
  });
});

describe('parseCsv with tabs', () => {
  it('reads tab-separated text, keeping commas and semicolons inside the cells', () => {
    expect(parseCsv('Kode\tTekst\r\nA01\tSmerte, generell; flere steder\r\nH01\tØresmerte\n')).toEqual([
      ['Kode', 'Tekst'],
      ['A01', 'Smerte, generell; flere steder'],
      ['H01', 'Øresmerte'],
    ]);
  });
});

describe('toCsv', () => {
  it('writes semicolons, decimal commas, quotes where needed and neutralises formulas', () => {
    expect(toCsv([['Kontor', 'Andel'], ['Grong; sentrum', 0.5], ['=SUM(A1)', null]])).toBe('\uFEFFKontor;Andel\r\n"Grong; sentrum";0,5\r\n\'=SUM(A1);\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [['a', 'b "c"'], ['æøå', 'linje\nto']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
