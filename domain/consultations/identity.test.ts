// Tests for Norwegian identity-number validation; every number is built by a test helper (future or synthetic dates, never real people).
import { describe, expect, it } from 'vitest';
import {
  birthYearFromIndividual,
  computeCheckDigits,
  describeIdentityKind,
  identityInputFeedback,
  identityNumberSchema,
  maskIdentityNumber,
  validateIdentityNumber,
  type IdentityResult,
} from './identity';

/**
 * Builds an 11-digit number independently of the code under test: it tries every pair of check digits and keeps
 * the one where the weighted sum including k1 leaves `k1Remainder` mod 11 and the sum including k2 leaves 0.
 * Returns null when no pair exists (the individual number is unusable for that date and rule).
 */
function build(
  parts: { day: number; month: number; yy: number; individual: number },
  opts: { dOffset?: boolean; monthOffset?: 0 | 40 | 80; k1Remainder?: 0 | 1 | 2 | 3 } = {},
): string | null {
  const day = parts.day + (opts.dOffset ? 40 : 0);
  const month = parts.month + (opts.monthOffset ?? 0);
  const nine =
    String(day).padStart(2, '0') +
    String(month).padStart(2, '0') +
    String(parts.yy).padStart(2, '0') +
    String(parts.individual).padStart(3, '0');
  const d = nine.split('').map(Number);
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const want = opts.k1Remainder ?? 0;
  for (let k1 = 0; k1 <= 9; k1 += 1) {
    const s1 = [...d, k1].reduce((acc, v, i) => acc + v * (w1[i] ?? 0), 0);
    if (s1 % 11 !== want) continue;
    for (let k2 = 0; k2 <= 9; k2 += 1) {
      const s2 = [...d, k1, k2].reduce((acc, v, i) => acc + v * (w2[i] ?? 0), 0);
      if (s2 % 11 === 0) return `${nine}${k1}${k2}`;
    }
  }
  return null;
}

/** Like build, but searches upwards from `individual` to the first usable individual number in the same hundred. */
function buildFirst(
  parts: { day: number; month: number; yy: number; individual: number },
  opts: Parameters<typeof build>[1] = {},
): string {
  for (let ind = parts.individual; ind < parts.individual + 100; ind += 1) {
    const n = build({ ...parts, individual: ind }, opts);
    if (n !== null) return n;
  }
  throw new Error('no usable individual number found');
}

function expectOk(result: IdentityResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

function expectError(result: IdentityResult, code: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.code).toBe(code);
  return result.message;
}

/** Change one check digit to any other value. */
function breakCheckDigit(n: string, index: 9 | 10): string {
  const digit = Number(n[index]);
  return n.slice(0, index) + String((digit + 1) % 10) + n.slice(index + 1);
}

// Dates in 2035–2039 have not happened yet, so these cannot be anyone's number.
const FUTURE = { day: 14, month: 3, yy: 37, individual: 520 };

describe('validateIdentityNumber: fødselsnummer', () => {
  it('accepts a number with correct classic check digits and reads date and sex', () => {
    const n = buildFirst(FUTURE);
    const r = expectOk(validateIdentityNumber(n));
    expect(r.kind).toBe('fodselsnummer');
    expect(r.birthDate).toBe('2037-03-14');
    expect(r.checkDigitRule).toBe('classic');
    expect(r.sex).toBe(Number(n[8]) % 2 === 1 ? 'male' : 'female');
    expect(r.number).toBe(n);
  });

  it('reads the ninth digit as sex: odd is male, even is female', () => {
    const results = [] as Array<{ ninth: number; sex: string | null }>;
    for (let ind = 600; ind < 640; ind += 1) {
      const n = build({ ...FUTURE, individual: ind });
      if (n === null) continue;
      const r = expectOk(validateIdentityNumber(n));
      results.push({ ninth: ind % 10, sex: r.sex });
    }
    expect(results.some((x) => x.sex === 'male')).toBe(true);
    expect(results.some((x) => x.sex === 'female')).toBe(true);
    for (const x of results) expect(x.sex).toBe(x.ninth % 2 === 1 ? 'male' : 'female');
  });

  it('accepts spaces typed inside the number', () => {
    const n = buildFirst(FUTURE);
    expect(expectOk(validateIdentityNumber(`${n.slice(0, 6)} ${n.slice(6)}`)).number).toBe(n);
  });

  it('refuses a wrong first or second check digit', () => {
    const n = buildFirst(FUTURE);
    // Changing k2 alone always breaks the classic k2 rule.
    expect(expectError(validateIdentityNumber(breakCheckDigit(n, 10)), 'checkDigit')).toBe('Kontrollsifferet stemmer ikke');
    // Changing k1 by one moves the k1 remainder to 1 (a 2032 candidate) but k2 then no longer fits.
    expectError(validateIdentityNumber(breakCheckDigit(n, 9)), 'checkDigit');
  });

  it('refuses every single-digit change to the check digits', () => {
    const n = buildFirst(FUTURE);
    for (const index of [9, 10] as const) {
      for (let v = 0; v <= 9; v += 1) {
        if (String(v) === n[index]) continue;
        const changed = n.slice(0, index) + String(v) + n.slice(index + 1);
        expect(validateIdentityNumber(changed).ok, changed).toBe(false);
      }
    }
  });

  it('refuses wrong length and non-digits with Norwegian messages', () => {
    expect(expectError(validateIdentityNumber('1234567890'), 'length')).toBe('Fødselsnummeret må ha 11 siffer');
    expectError(validateIdentityNumber('123456789012'), 'length');
    expectError(validateIdentityNumber(''), 'length');
    expect(expectError(validateIdentityNumber('1403375a012'), 'digits')).toBe('Fødselsnummeret kan bare inneholde siffer');
    expectError(validateIdentityNumber('140337-52012'), 'digits');
  });

  it('refuses impossible dates such as 31 February', () => {
    const n = buildFirst({ day: 31, month: 2, yy: 37, individual: 520 });
    expect(expectError(validateIdentityNumber(n), 'date')).toContain('31.02.2037');
    expectError(validateIdentityNumber(buildFirst({ day: 1, month: 13, yy: 37, individual: 520 })), 'date');
    expectError(validateIdentityNumber(buildFirst({ day: 0, month: 1, yy: 37, individual: 520 })), 'date');
    expectError(validateIdentityNumber(buildFirst({ day: 31, month: 4, yy: 37, individual: 520 })), 'date');
  });

  it('uses the century for leap years: 29.02.2036 exists, 29.02.2037 does not', () => {
    expectOk(validateIdentityNumber(buildFirst({ day: 29, month: 2, yy: 36, individual: 520 })));
    expectError(validateIdentityNumber(buildFirst({ day: 29, month: 2, yy: 37, individual: 520 })), 'date');
  });

  it('refuses a birth date after today when today is given', () => {
    const n = buildFirst(FUTURE);
    expect(expectError(validateIdentityNumber(n, { today: '2026-05-01' }), 'date')).toContain('fram i tid');
    expectOk(validateIdentityNumber(n, { today: '2037-03-14' }));
  });
});

describe('validateIdentityNumber: the 2032 check-digit rule', () => {
  for (const remainder of [1, 2, 3] as const) {
    it(`accepts a number whose k1 only fits with remainder ${remainder}, with sex null`, () => {
      const n = buildFirst(FUTURE, { k1Remainder: remainder });
      // The classic rule would give a different k1, so this number is valid only under the new rule.
      expect(build({ ...FUTURE, individual: Number(n.slice(6, 9)) })?.slice(9, 10)).not.toBe(n[9]);
      const r = expectOk(validateIdentityNumber(n));
      expect(r.checkDigitRule).toBe('from2032');
      expect(r.sex).toBeNull();
      expect(r.birthDate).toBe('2037-03-14');
    });
  }

  it('still refuses a k1 that leaves remainder 4 or more', () => {
    let checked = 0;
    for (let ind = 500; ind < 600; ind += 1) {
      const valid = build({ ...FUTURE, individual: ind });
      if (valid === null) continue;
      const nine = valid.slice(0, 9);
      const d = nine.split('').map(Number);
      const s = d.reduce((acc, v, i) => acc + v * ([3, 7, 6, 1, 8, 9, 4, 5, 2][i] ?? 0), 0);
      for (let k1 = 0; k1 <= 9; k1 += 1) {
        if ((s + k1) % 11 <= 3) continue;
        // Pick the k2 that would satisfy the k2 rule so only k1 is wrong.
        const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        const s2 = [...d, k1].reduce((acc, v, i) => acc + v * (w2[i] ?? 0), 0);
        const k2 = (11 - (s2 % 11)) % 11;
        if (k2 === 10) continue;
        expectError(validateIdentityNumber(`${nine}${k1}${k2}`), 'checkDigit');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('computeCheckDigits agrees with the test helper for every rule', () => {
    for (let ind = 500; ind < 560; ind += 1) {
      for (const remainder of [0, 1, 2, 3] as const) {
        const expected = build({ ...FUTURE, individual: ind }, { k1Remainder: remainder });
        const nine = `140337${String(ind).padStart(3, '0')}`;
        const computed = computeCheckDigits(nine, remainder);
        expect(computed === null ? null : nine + computed).toBe(expected);
      }
    }
    expect(computeCheckDigits('12345')).toBeNull();
  });
});

describe('validateIdentityNumber: D-, H- and synthetic numbers', () => {
  it('accepts a D-number (first digit + 4) and removes the offset from the date', () => {
    const n = buildFirst(FUTURE, { dOffset: true });
    expect(n.slice(0, 2)).toBe('54');
    const r = expectOk(validateIdentityNumber(n));
    expect(r.kind).toBe('dNumber');
    expect(r.birthDate).toBe('2037-03-14');
  });

  it('accepts an H-number (month + 40)', () => {
    const n = buildFirst(FUTURE, { monthOffset: 40 });
    expect(n.slice(2, 4)).toBe('43');
    const r = expectOk(validateIdentityNumber(n));
    expect(r.kind).toBe('hNumber');
    expect(r.birthDate).toBe('2037-03-14');
  });

  it('checks the real date of D- and H-numbers after removing the offsets', () => {
    expectError(validateIdentityNumber(buildFirst({ day: 31, month: 2, yy: 37, individual: 520 }, { dOffset: true })), 'date');
    expectError(validateIdentityNumber(buildFirst({ day: 30, month: 2, yy: 37, individual: 520 }, { monthOffset: 40 })), 'date');
    // Day 32–40 is neither a date nor a D-number.
    expectError(validateIdentityNumber(buildFirst({ day: 35, month: 1, yy: 37, individual: 520 })), 'date');
    // Month 21–32 and 61–72 are no known offset.
    expectError(validateIdentityNumber(buildFirst({ day: 1, month: 23, yy: 37, individual: 520 })), 'date');
  });

  it('refuses a number that claims to be both D- and H-number', () => {
    const n = buildFirst(FUTURE, { dOffset: true, monthOffset: 40 });
    expectError(validateIdentityNumber(n), 'date');
  });

  it('refuses synthetic numbers (month + 80) unless demo mode allows them', () => {
    const n = buildFirst({ day: 5, month: 6, yy: 85, individual: 123 }, { monthOffset: 80 });
    expect(n.slice(2, 4)).toBe('86');
    expect(expectError(validateIdentityNumber(n), 'synthetic')).toBe('Syntetiske testnumre er bare tillatt i demo- og testmodus');
    expectError(validateIdentityNumber(n, { allowSynthetic: false }), 'synthetic');
    const r = expectOk(validateIdentityNumber(n, { allowSynthetic: true }));
    expect(r.kind).toBe('synthetic');
    expect(r.birthDate).toBe('1985-06-05');
  });

  it('accepts a synthetic D-number in demo mode', () => {
    const n = buildFirst({ day: 5, month: 6, yy: 85, individual: 123 }, { dOffset: true, monthOffset: 80 });
    const r = expectOk(validateIdentityNumber(n, { allowSynthetic: true }));
    expect(r.kind).toBe('synthetic');
    expect(r.birthDate).toBe('1985-06-05');
  });

  it('reports a wrong check digit before the synthetic refusal', () => {
    const n = buildFirst({ day: 5, month: 6, yy: 85, individual: 123 }, { monthOffset: 80 });
    expectError(validateIdentityNumber(breakCheckDigit(n, 10)), 'checkDigit');
  });
});

describe('century from the individual number', () => {
  // Synthetic numbers (demo mode) are never real people, so past centuries are tested with them.
  const demo = { allowSynthetic: true };
  const cases: Array<[string, { yy: number; individual: number }, string | null]> = [
    ['000–499 is 1900–1999', { yy: 85, individual: 100 }, '1985'],
    ['000–499 with year 05 is 1905', { yy: 5, individual: 400 }, '1905'],
    ['500–749 with year 54–99 is 1854–1899', { yy: 70, individual: 600 }, '1870'],
    ['500–999 with year 00–39 is 2000–2039', { yy: 12, individual: 800 }, '2012'],
    ['500–749 with year 00–39 is 2000s', { yy: 39, individual: 500 }, '2039'],
    ['900–999 with year 40–99 is 1940–1999', { yy: 45, individual: 950 }, '1945'],
    ['750–899 with year 40–99 fits no range', { yy: 60, individual: 800 }, null],
    ['500–749 with year 40–53 fits no range', { yy: 50, individual: 600 }, null],
  ];
  for (const [title, parts, year] of cases) {
    it(title, () => {
      const n = buildFirst({ day: 10, month: 10, ...parts }, { monthOffset: 80 });
      const r = validateIdentityNumber(n, demo);
      if (year === null) {
        expect(expectError(r, 'date')).toBe('Individnummeret passer ikke med fødselsåret');
      } else {
        expect(expectOk(r).birthDate).toBe(`${year}-10-10`);
      }
    });
  }

  it('birthYearFromIndividual covers the boundaries', () => {
    expect(birthYearFromIndividual(99, 499)).toBe(1999);
    expect(birthYearFromIndividual(54, 749)).toBe(1854);
    expect(birthYearFromIndividual(53, 749)).toBeNull();
    expect(birthYearFromIndividual(40, 900)).toBe(1940);
    expect(birthYearFromIndividual(40, 899)).toBeNull();
    expect(birthYearFromIndividual(0, 999)).toBe(2000);
    expect(birthYearFromIndividual(39, 750)).toBe(2039);
  });

  it('uses the 1900 century for leap years: 29.02.1900 does not exist, 29.02.2000 does', () => {
    const demo1900 = buildFirst({ day: 29, month: 2, yy: 0, individual: 100 }, { monthOffset: 80 });
    expectError(validateIdentityNumber(demo1900, demo), 'date');
    const demo2000 = buildFirst({ day: 29, month: 2, yy: 0, individual: 600 }, { monthOffset: 80 });
    expect(expectOk(validateIdentityNumber(demo2000, demo)).birthDate).toBe('2000-02-29');
  });
});

describe('describeIdentityKind', () => {
  it('names each kind in Norwegian', () => {
    expect(describeIdentityKind('fodselsnummer')).toBe('fødselsnummer');
    expect(describeIdentityKind('dNumber')).toBe('D-nummer');
    expect(describeIdentityKind('hNumber')).toBe('H-nummer');
    expect(describeIdentityKind('synthetic')).toBe('syntetisk testnummer');
  });
});

describe('maskIdentityNumber', () => {
  it('keeps the six date digits and hides the personal part', () => {
    expect(maskIdentityNumber('01017012345')).toBe('010170*****');
    expect(maskIdentityNumber('010170 12345')).toBe('010170*****');
  });

  it('hides everything when the value is not 11 digits', () => {
    expect(maskIdentityNumber('0101701234')).toBe('***********');
    expect(maskIdentityNumber('abc')).toBe('***********');
  });
});

describe('identityInputFeedback (live validation while typing)', () => {
  it('is silent for empty input', () => {
    expect(identityInputFeedback('')).toEqual({ state: 'empty', message: null, showError: false });
    expect(identityInputFeedback('   ').state).toBe('empty');
  });

  it('counts digits without error styling while fewer than 11 are typed', () => {
    expect(identityInputFeedback('1403')).toEqual({
      state: 'incomplete',
      message: 'Skriv 11 siffer (4 av 11)',
      showError: false,
      digitCount: 4,
    });
    expect(identityInputFeedback('140337 5201').message).toBe('Skriv 11 siffer (10 av 11)');
  });

  it('shows an error at once for letters, and for too many digits', () => {
    const letters = identityInputFeedback('14a');
    expect(letters.state).toBe('invalid');
    expect(letters.showError).toBe(true);
    const tooLong = identityInputFeedback('123456789012');
    expect(tooLong).toMatchObject({ state: 'invalid', code: 'length', showError: true });
  });

  it('validates fully at 11 digits', () => {
    const n = buildFirst(FUTURE);
    const ok = identityInputFeedback(n);
    expect(ok).toMatchObject({ state: 'valid', showError: false, message: 'Gyldig fødselsnummer, født 14.03.2037' });
    expect(identityInputFeedback(breakCheckDigit(n, 10))).toMatchObject({
      state: 'invalid',
      code: 'checkDigit',
      message: 'Kontrollsifferet stemmer ikke',
      showError: true,
    });
  });

  it('passes the demo-mode option on', () => {
    const n = buildFirst({ day: 5, month: 6, yy: 85, individual: 123 }, { monthOffset: 80 });
    expect(identityInputFeedback(n).state).toBe('invalid');
    expect(identityInputFeedback(n, { allowSynthetic: true }).message).toBe('Gyldig syntetisk testnummer, født 05.06.1985');
  });
});

describe('identityNumberSchema', () => {
  it('outputs the normalised number or fails with the Norwegian message', () => {
    const n = buildFirst(FUTURE);
    expect(identityNumberSchema().parse(`${n.slice(0, 6)} ${n.slice(6)}`)).toBe(n);
    const bad = identityNumberSchema().safeParse(breakCheckDigit(n, 10));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Kontrollsifferet stemmer ikke');
  });
});
