// Tests for the ICPC-2 starter list: well-formed unique codes, search by code or words (æøå-tolerant) and chapter names.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ROUTINES } from '../routines/examples';
import { ICPC2_STARTER, foldForSearch, icpc2Chapter, isIcpc2Code, searchIcpc2, type Icpc2Code } from './icpc2-starter';

const codes = (items: readonly Icpc2Code[]) => items.map((i) => i.code);

describe('ICPC2_STARTER', () => {
  it('holds about forty well-formed, unique codes with titles', () => {
    expect(ICPC2_STARTER.length).toBeGreaterThanOrEqual(35);
    expect(new Set(codes(ICPC2_STARTER)).size).toBe(ICPC2_STARTER.length);
    for (const item of ICPC2_STARTER) {
      expect(isIcpc2Code(item.code), item.code).toBe(true);
      expect(item.title.trim().length).toBeGreaterThan(2);
    }
  });

  it('is sorted by code so lists look tidy', () => {
    expect(codes(ICPC2_STARTER)).toEqual([...codes(ICPC2_STARTER)].sort());
  });

  it('contains the codes the domain examples mention', () => {
    const byCode = new Map(ICPC2_STARTER.map((i) => [i.code, i.title]));
    expect(byCode.get('U71')).toBe('Blærekatarr / urinveisinfeksjon');
    expect(byCode.get('R72')).toBe('Halsbetennelse med streptokokker');
    expect(byCode.get('S18')).toBe('Kutt eller rift i huden');
    expect(byCode.get('A92')).toBe('Allergisk reaksjon');
  });

  it('holds every code the example routines use, so they can be typed in the routine and log forms', () => {
    const starter = new Set(codes(ICPC2_STARTER));
    const used = EXAMPLE_ROUTINES.flatMap((routine) => routine.icpc2Codes);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((code) => !starter.has(code))).toEqual([]);
    expect(starter.has('H01') && starter.has('S98')).toBe(true);
  });
});

describe('searchIcpc2', () => {
  it('finds by exact code first, case-insensitive', () => {
    expect(codes(searchIcpc2('u71', ICPC2_STARTER))[0]).toBe('U71');
    expect(codes(searchIcpc2(' R72 ', ICPC2_STARTER))).toEqual(['R72']);
  });

  it('finds by code prefix', () => {
    expect(codes(searchIcpc2('R7', ICPC2_STARTER))).toEqual(['R72', 'R74', 'R75', 'R76', 'R78']);
    const chapterU = codes(searchIcpc2('u', ICPC2_STARTER));
    expect(chapterU.slice(0, 2)).toEqual(['U01', 'U71']);
  });

  it('finds by the start of words in the title, every query word must match', () => {
    expect(codes(searchIcpc2('hals strep', ICPC2_STARTER))).toEqual(['R72']);
    expect(codes(searchIcpc2('kutt', ICPC2_STARTER))).toContain('S18');
    expect(searchIcpc2('hals sopp', ICPC2_STARTER)).toEqual([]);
  });

  it('finds words inside Norwegian compound words, after whole-word matches', () => {
    const result = codes(searchIcpc2('betennelse', ICPC2_STARTER));
    expect(result).toEqual(expect.arrayContaining(['R72', 'H71', 'R75', 'R81', 'H70']));
    expect(codes(searchIcpc2('katarr', ICPC2_STARTER))).toEqual(expect.arrayContaining(['U71', 'F70']));
    // "Betennelse i ytre øregang" starts a word with the query, so it ranks before the compounds.
    expect(result[0]).toBe('H70');
  });

  it('ignores case and diacritics and accepts æ/ø/å written as ae/oe/aa or plain letters', () => {
    for (const q of ['BLÆRE', 'blaere', 'blare']) expect(codes(searchIcpc2(q, ICPC2_STARTER)), q).toEqual(['U71']);
    for (const q of ['forkjølelse', 'forkjoelelse', 'forkjolelse']) {
      expect(codes(searchIcpc2(q, ICPC2_STARTER)), q).toEqual(['R74']);
    }
    expect(codes(searchIcpc2('diare', ICPC2_STARTER))).toEqual(['D11']);
    expect(codes(searchIcpc2('Øre', ICPC2_STARTER))).toEqual(expect.arrayContaining(['H70', 'H81']));
  });

  it('searches keywords too', () => {
    expect(codes(searchIcpc2('uvi', ICPC2_STARTER))).toEqual(['U71']);
    expect(codes(searchIcpc2('cystitt', ICPC2_STARTER))).toEqual(['U71']);
  });

  it('returns the whole list for an empty query and honours a limit', () => {
    expect(searchIcpc2('  ', ICPC2_STARTER)).toHaveLength(ICPC2_STARTER.length);
    expect(searchIcpc2('', ICPC2_STARTER, 5)).toHaveLength(5);
    expect(searchIcpc2('s', ICPC2_STARTER, 3)).toHaveLength(3);
  });

  it('works on an imported list as well', () => {
    const imported = [
      { code: 'Z01', title: 'Fattigdom' },
      { code: 'A01', title: 'Smerte generell' },
    ];
    expect(searchIcpc2('smerte', imported)).toEqual([imported[1]]);
    expect(searchIcpc2('z', imported)).toEqual([imported[0]]);
  });
});

describe('foldForSearch', () => {
  it('maps the Norwegian spellings to one form', () => {
    expect(foldForSearch('Blære')).toBe(foldForSearch('blaere'));
    expect(foldForSearch('Sår')).toBe(foldForSearch('saar'));
    expect(foldForSearch('Øre')).toBe(foldForSearch('ore'));
    expect(foldForSearch('Diaré')).toBe('diare');
  });
});

describe('ICPC-2 chapters', () => {
  it('names the chapter from the first letter', () => {
    expect(icpc2Chapter('U71')).toEqual({ letter: 'U', name: 'Urinveier' });
    expect(icpc2Chapter('r72')).toEqual({ letter: 'R', name: 'Luftveier' });
    expect(icpc2Chapter('S18')?.name).toBe('Hud');
    expect(icpc2Chapter('A92')?.name).toBe('Allment og uspesifisert');
  });

  it('returns null for letters that are no chapter', () => {
    expect(icpc2Chapter('C10')).toBeNull();
    expect(icpc2Chapter('')).toBeNull();
    expect(icpc2Chapter('7')).toBeNull();
  });

  it('every starter code has a chapter', () => {
    for (const item of ICPC2_STARTER) expect(icpc2Chapter(item.code), item.code).not.toBeNull();
  });

  it('isIcpc2Code checks the format and chapter letter', () => {
    expect(isIcpc2Code('U71')).toBe(true);
    expect(isIcpc2Code('u71')).toBe(true);
    expect(isIcpc2Code('U7')).toBe(false);
    expect(isIcpc2Code('U711')).toBe(false);
    expect(isIcpc2Code('C10')).toBe(false);
  });
});
