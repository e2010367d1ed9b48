// Tests for the yearly ICPC-2 import reminder (the January rule) and the flag for routine codes missing from the list.
import { describe, expect, it } from 'vitest';
import { ICPC2_STARTER } from './icpc2-starter';
import { icpc2CodesMissing, icpc2ImportReminder } from './icpc2-status';

describe('icpc2ImportReminder', () => {
  it('reminds from 1 January when the last import is from an earlier year', () => {
    expect(icpc2ImportReminder('2026-12-20', '2027-01-01')).toEqual({ kind: 'outdated', lastImportYear: 2026, year: 2027 });
    expect(icpc2ImportReminder('2025-01-05', '2027-06-30')).toEqual({ kind: 'outdated', lastImportYear: 2025, year: 2027 });
  });

  it('does not remind in the year of the import, up to and including 31 December', () => {
    expect(icpc2ImportReminder('2026-12-20', '2026-12-31')).toEqual({ kind: 'none' });
    expect(icpc2ImportReminder('2027-01-02', '2027-01-02')).toEqual({ kind: 'none' });
    expect(icpc2ImportReminder('2027-01-02', '2027-12-31')).toEqual({ kind: 'none' });
  });

  it('gives the milder hint when nothing was ever imported', () => {
    expect(icpc2ImportReminder(null, '2027-01-01')).toEqual({ kind: 'neverImported' });
  });
});

describe('icpc2CodesMissing', () => {
  const known = ICPC2_STARTER.map((code) => code.code);

  it('names the codes the list lacks, once each, in the routine order', () => {
    expect(icpc2CodesMissing(['U71', 'Z29', 'b99', 'Z29'], known)).toEqual(['Z29', 'B99']);
  });

  it('finds nothing missing for codes in the list, whatever their case', () => {
    expect(icpc2CodesMissing(['u71', 'H01', 'S98'], known)).toEqual([]);
    expect(icpc2CodesMissing([], known)).toEqual([]);
  });

  it('counts imported codes as known', () => {
    expect(icpc2CodesMissing(['Z29'], [...known, 'Z29'])).toEqual([]);
  });
});
