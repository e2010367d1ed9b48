// Tests for reading uploaded tables: the official ICPC-2 file as tab-separated text in UTF-8 (with or without BOM) and in Windows-1252/latin1.
import { describe, expect, it } from 'vitest';
import { checkIcpc2Rows } from '../../domain/consultations/icpc2-import';
import { decodeText, readTable } from './spreadsheets';

const TEXT = 'Kode\tTekst_uten_lengdebegrensning\tTekst_med_maksimalt_60_tegn\r\nH01\tØresmerte/øreverk\tØresmerte\r\nD11\tDiaré\tDiaré\r\nR74\tAkutt øvre luftveisinfeksjon, blåsyre-fri\tØvre luftveisinf.\r\n';
const EXPECTED = [
  { code: 'H01', text: 'Øresmerte/øreverk' },
  { code: 'D11', text: 'Diaré' },
  { code: 'R74', text: 'Akutt øvre luftveisinfeksjon, blåsyre-fri' },
];

describe('reading the official ICPC-2 text file', () => {
  it('reads UTF-8 with and without a byte order mark', async () => {
    expect(checkIcpc2Rows(await readTable(new TextEncoder().encode(TEXT))).accepted).toEqual(EXPECTED);
    expect(checkIcpc2Rows(await readTable(new TextEncoder().encode(`\uFEFF${TEXT}`))).accepted).toEqual(EXPECTED);
  });

  it('reads Windows-1252 / latin1 (one byte per æ, ø, å, é)', async () => {
    const latin1 = Buffer.from(TEXT, 'latin1');
    expect(latin1.includes(0xf8)).toBe(true); // ø as one byte: not valid UTF-8
    expect(decodeText(latin1)).toBe(TEXT);
    expect(checkIcpc2Rows(await readTable(latin1)).accepted).toEqual(EXPECTED);
  });
});
