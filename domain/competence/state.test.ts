// Tests for competence states on a date (boundaries around the expiry date) and for picking the record in force among renewals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates';
import { competenceState, currentCompetence, indexCompetence, isInForce } from './state';
import { record } from './testFixtures';

describe('competenceState', () => {
  const course = { obtained: '2024-10-01', expiresOn: '2026-10-01' };

  it('is valid through the expiry date and expired from the day after', () => {
    expect(competenceState(course, '2026-10-01')).toEqual({ state: 'expiring', expiresOn: '2026-10-01', daysLeft: 0 });
    expect(competenceState(course, '2026-10-02')).toEqual({ state: 'expired', expiresOn: '2026-10-01', daysLeft: -1 });
    expect(competenceState(course, '2027-10-01').daysLeft).toBe(-365);
  });

  it('is expiring from warnDays before the expiry date (default 60)', () => {
    expect(competenceState(course, addDays('2026-10-01', -61))).toEqual({ state: 'valid', expiresOn: '2026-10-01', daysLeft: 61 });
    expect(competenceState(course, addDays('2026-10-01', -60))).toEqual({ state: 'expiring', expiresOn: '2026-10-01', daysLeft: 60 });
    // 2026-09-01 is 30 days before 2026-10-01
    expect(competenceState(course, '2026-09-01', 29).state).toBe('valid');
    expect(competenceState(course, '2026-09-01', 30).state).toBe('expiring');
    expect(competenceState(course, '2026-09-30', 0).state).toBe('valid');
    expect(competenceState(course, '2026-10-01', 0).state).toBe('expiring');
  });

  it('is valid without a day count when the record never expires', () => {
    expect(competenceState({ obtained: '2010-01-01', expiresOn: null }, '2040-01-01')).toEqual({ state: 'valid', expiresOn: null, daysLeft: null });
  });

  it('is missing without a record, or before the record was obtained', () => {
    expect(competenceState(null, '2026-01-01')).toEqual({ state: 'missing', expiresOn: null, daysLeft: null });
    expect(competenceState(undefined, '2026-01-01').state).toBe('missing');
    expect(competenceState(course, '2024-09-30').state).toBe('missing');
    expect(competenceState(course, '2024-10-01').state).toBe('valid');
  });

  it('counts valid and expiring as in force', () => {
    expect(['valid', 'expiring', 'expired', 'missing'].filter((state) => isInForce(state as never))).toEqual(['valid', 'expiring']);
  });
});

describe('currentCompetence', () => {
  const first = record({ staffId: 'n1', competenceTypeId: 't', obtained: '2024-10-01', expiresOn: '2026-10-01' });
  const renewal = record({ staffId: 'n1', competenceTypeId: 't', obtained: '2026-09-15', expiresOn: '2028-09-15' });
  const otherPerson = record({ staffId: 'n2', competenceTypeId: 't', obtained: '2026-01-01', expiresOn: '2030-01-01' });
  const otherType = record({ staffId: 'n1', competenceTypeId: 'u', obtained: '2026-01-01', expiresOn: '2030-01-01' });
  const records = [renewal, otherPerson, first, otherType];

  it('picks the most recent record obtained on or before the date and keeps the history', () => {
    expect(currentCompetence(records, 'n1', 't', '2024-09-30')).toBeNull();
    expect(currentCompetence(records, 'n1', 't', '2024-10-01')).toBe(first);
    expect(currentCompetence(records, 'n1', 't', '2026-09-14')).toBe(first);
    expect(currentCompetence(records, 'n1', 't', '2026-09-15')).toBe(renewal);
    expect(currentCompetence(records, 'n2', 't', '2026-09-15')).toBe(otherPerson);
    expect(currentCompetence(records, 'n1', 'x', '2026-09-15')).toBeNull();
  });

  it('returns an expired record (not null) so the state can tell when it expired', () => {
    const found = currentCompetence([first], 'n1', 't', '2027-01-01');
    expect(found).toBe(first);
    expect(competenceState(found, '2027-01-01').state).toBe('expired');
  });

  it('lets a later renewal win even when an earlier record had a later (entered) expiry', () => {
    const long = record({ staffId: 'n1', competenceTypeId: 't', obtained: '2024-01-01', expiresOn: '2030-01-01' });
    const short = record({ staffId: 'n1', competenceTypeId: 't', obtained: '2025-01-01', expiresOn: '2025-06-01' });
    expect(currentCompetence([long, short], 'n1', 't', '2025-07-01')).toBe(short);
  });

  it('on the same obtained date prefers the later expiry, no expiry, then the later id', () => {
    const a = record({ id: 'a', staffId: 'n1', competenceTypeId: 't', obtained: '2025-01-01', expiresOn: '2026-01-01' });
    const b = record({ id: 'b', staffId: 'n1', competenceTypeId: 't', obtained: '2025-01-01', expiresOn: '2027-01-01' });
    const c = record({ id: 'c', staffId: 'n1', competenceTypeId: 't', obtained: '2025-01-01', expiresOn: null });
    const d = record({ id: 'd', staffId: 'n1', competenceTypeId: 't', obtained: '2025-01-01', expiresOn: '2027-01-01' });
    expect(currentCompetence([b, a], 'n1', 't', '2025-06-01')).toBe(b);
    expect(currentCompetence([b, c, a], 'n1', 't', '2025-06-01')).toBe(c);
    expect(currentCompetence([d, b], 'n1', 't', '2025-06-01')).toBe(d);
    expect(currentCompetence([b, d], 'n1', 't', '2025-06-01')).toBe(d);
  });
});

describe('indexCompetence', () => {
  it('answers like currentCompetence for any records and dates, and keeps history oldest first', () => {
    const dateArb = fc.integer({ min: 0, max: 2000 }).map((offset) => addDays('2023-01-01', offset));
    const recordArb = fc.record({
      staffId: fc.constantFrom('n1', 'n2'),
      competenceTypeId: fc.constantFrom('t', 'u'),
      obtained: dateArb,
      expiresOn: fc.option(dateArb, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 12 }), dateArb, (fields, onDate) => {
        const records = fields.map((field, i) => record({ ...field, id: `id${String(i).padStart(3, '0')}` }));
        const index = indexCompetence(records);
        for (const staffId of ['n1', 'n2']) {
          for (const typeId of ['t', 'u']) {
            expect(index.current(staffId, typeId, onDate)).toBe(currentCompetence(records, staffId, typeId, onDate));
            const history = index.history(staffId, typeId);
            expect(history).toHaveLength(records.filter((r) => r.staffId === staffId && r.competenceTypeId === typeId).length);
            for (let i = 1; i < history.length; i++) expect((history[i - 1]?.obtained ?? '') <= (history[i]?.obtained ?? '')).toBe(true);
          }
        }
      }),
    );
  });
});
