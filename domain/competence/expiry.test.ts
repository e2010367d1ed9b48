// Tests for month arithmetic and expiry computation: month ends, leap years, year boundaries and competences without renewal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, localDate, parseLocalDate } from '../calendar/dates';
import { addMonths, computeExpiry, resolveStaffCompetence } from './expiry';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2024-10-01', 24, '2026-10-01'],
    ['2026-05-31', 0, '2026-05-31'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', -13, '2024-12-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('is not associative at month ends: add the whole interval in one step', () => {
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });

  it('rejects fractional months and invalid dates', () => {
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });

  it('moves the month by exactly n, keeps the day unless the month is shorter, and then uses its last day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: -600, max: 600 }), (year, month, rawDay, months) => {
        const day = Math.min(rawDay, daysInMonth(year, month));
        const result = parseLocalDate(addMonths(localDate(year, month, day), months));
        expect(result.year * 12 + result.month - (year * 12 + month)).toBe(months);
        expect(result.day).toBe(Math.min(day, daysInMonth(result.year, result.month)));
      }),
    );
  });
});

describe('computeExpiry', () => {
  it('adds the renewal interval, or returns null when the competence never expires', () => {
    expect(computeExpiry('2024-10-01', 24)).toBe('2026-10-01');
    expect(computeExpiry('2025-08-31', 12)).toBe('2026-08-31');
    expect(computeExpiry('2026-01-31', 1)).toBe('2026-02-28');
    expect(computeExpiry('2024-02-29', 24)).toBe('2026-02-28');
    expect(computeExpiry('2020-06-01', null)).toBeNull();
  });
});

describe('resolveStaffCompetence', () => {
  const base = { staffId: 's', competenceTypeId: 't', obtained: '2024-10-01', expiresOn: null, evidenceRef: null, verifiedBy: null, note: null };

  it('computes the expiry from the type when none is entered', () => {
    expect(resolveStaffCompetence(base, { renewalMonths: 24 }).expiresOn).toBe('2026-10-01');
    expect(resolveStaffCompetence(base, { renewalMonths: null }).expiresOn).toBeNull();
  });

  it('keeps an entered expiry, also for a type without renewal', () => {
    expect(resolveStaffCompetence({ ...base, expiresOn: '2025-12-31' }, { renewalMonths: 24 }).expiresOn).toBe('2025-12-31');
    expect(resolveStaffCompetence({ ...base, expiresOn: '2030-01-01' }, { renewalMonths: null }).expiresOn).toBe('2030-01-01');
  });
});
