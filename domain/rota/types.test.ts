// Tests for the rota input schemas: field error codes, overnight times, weekday normalisation and date order.
import { describe, expect, it } from 'vitest';
import { toFieldErrors, validate } from '../validation';
import { absenceInputSchema, patternExceptionInputSchema, recurringPatternInputSchema, shiftInputSchema } from './types';

const STAFF = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OFFICE = '0190a1b2-c3d4-7e5f-9a9b-0c1d2e3f4a5c';
const PATTERN = '0190a1b2-c3d4-7e5f-aa9b-0c1d2e3f4a5d';

describe('shift input', () => {
  const valid = { staffId: STAFF, officeId: OFFICE, date: '2026-11-24', start: '08:00', end: '15:30', kind: 'clinic', note: '  ' };

  it('accepts a day shift and normalises empty note and missing patternId to null', () => {
    expect(shiftInputSchema.parse(valid)).toEqual({ ...valid, note: null, patternId: null });
    expect(shiftInputSchema.parse({ ...valid, patternId: PATTERN }).patternId).toBe(PATTERN);
  });

  it('accepts overnight and 24-hour shifts (end at or before start = next day)', () => {
    expect(shiftInputSchema.safeParse({ ...valid, kind: 'legevakt', start: '22:00', end: '08:00' }).success).toBe(true);
    expect(shiftInputSchema.safeParse({ ...valid, kind: 'legevakt', start: '08:00', end: '08:00' }).success).toBe(true);
  });

  it('reports field error codes', () => {
    expect(validate(shiftInputSchema, { ...valid, date: '2026-02-30', start: '8:00', kind: 'party', staffId: 'x' })).toEqual({
      ok: false,
      fields: { date: 'invalidFormat', start: 'invalidFormat', kind: 'invalidChoice', staffId: 'invalidFormat' },
    });
    expect(validate(shiftInputSchema, { ...valid, note: 'x'.repeat(501) })).toEqual({ ok: false, fields: { note: 'tooLong' } });
    expect(validate(shiftInputSchema, { ...valid, date: undefined })).toEqual({ ok: false, fields: { date: 'required' } });
  });
});

describe('absence input', () => {
  const valid = { staffId: STAFF, from: '2026-11-23', to: '2026-11-27', kind: 'holiday' };
  it('accepts a range, a single day, and refuses to before from', () => {
    expect(absenceInputSchema.parse(valid)).toEqual({ ...valid, note: null });
    expect(absenceInputSchema.safeParse({ ...valid, to: '2026-11-23' }).success).toBe(true);
    const result = absenceInputSchema.safeParse({ ...valid, to: '2026-11-22' });
    expect(result.success ? {} : toFieldErrors(result.error)).toEqual({ to: 'timeOrder' });
    expect(validate(absenceInputSchema, { ...valid, kind: 'vacation' })).toEqual({ ok: false, fields: { kind: 'invalidChoice' } });
  });
});

describe('recurring pattern input', () => {
  const valid = { staffId: STAFF, officeId: OFFICE, kind: 'clinic', start: '08:00', end: '15:30', weekdays: [4, 2, 2], intervalWeeks: 2, from: '2026-11-24' };

  it('sorts and de-duplicates weekdays and defaults `to` to null', () => {
    expect(recurringPatternInputSchema.parse(valid)).toMatchObject({ weekdays: [2, 4], to: null, note: null });
  });

  it('reports field error codes', () => {
    expect(validate(recurringPatternInputSchema, { ...valid, weekdays: [] })).toEqual({ ok: false, fields: { weekdays: 'required' } });
    expect(validate(recurringPatternInputSchema, { ...valid, weekdays: [0, 8] })).toEqual({ ok: false, fields: { 'weekdays.0': 'outOfRange', 'weekdays.1': 'outOfRange' } });
    expect(validate(recurringPatternInputSchema, { ...valid, intervalWeeks: 0 })).toEqual({ ok: false, fields: { intervalWeeks: 'outOfRange' } });
    expect(validate(recurringPatternInputSchema, { ...valid, intervalWeeks: 1.5 })).toEqual({ ok: false, fields: { intervalWeeks: 'invalidFormat' } });
    expect(validate(recurringPatternInputSchema, { ...valid, to: '2026-11-23' })).toEqual({ ok: false, fields: { to: 'timeOrder' } });
    expect(validate(recurringPatternInputSchema, { ...valid, to: '2026-11-24' }).ok).toBe(true);
  });
});

describe('pattern exception input', () => {
  it('accepts a removal and a replacement', () => {
    expect(patternExceptionInputSchema.parse({ patternId: PATTERN, date: '2026-11-24', replacement: null }).replacement).toBeNull();
    const replacement = { staffId: STAFF, officeId: OFFICE, date: '2026-11-25', start: '09:00', end: '12:00', kind: 'video', note: 'Flyttet' };
    expect(patternExceptionInputSchema.parse({ patternId: PATTERN, date: '2026-11-24', replacement }).replacement).toEqual(replacement);
    expect(validate(patternExceptionInputSchema, { patternId: PATTERN, date: '2026-11-24', replacement: { ...replacement, end: '25:00' } })).toEqual({
      ok: false,
      fields: { 'replacement.end': 'invalidFormat' },
    });
  });
});
