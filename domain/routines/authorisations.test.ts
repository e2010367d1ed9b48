// Tests for authorisation events: input rules, ordering by `at` then id, effective dates, and the lists of authorised nurses and versions.
import { describe, expect, it } from 'vitest';
import { validate } from '../validation';
import { authorisationEventInputSchema, authorisationEventSchema, authorisationOn, authorisedNurses, authorisedVersions, compareAuthorisationEvents } from './authorisations';
import { DOCTOR, event, NURSE, OTHER_NURSE, ROUTINE, uuid } from './testFixtures';

describe('authorisation event input', () => {
  const grant = { routineId: ROUTINE, routineVersion: 2, nurseId: NURSE, kind: 'granted', byDoctorId: DOCTOR, effectiveDate: '2026-06-01' };

  it('accepts a grant without a reason', () => {
    expect(authorisationEventInputSchema.parse(grant)).toEqual({ ...grant, reason: null });
  });

  it('requires a reason for a revocation', () => {
    expect(validate(authorisationEventInputSchema, { ...grant, kind: 'revoked', reason: '  ' })).toEqual({ ok: false, fields: { reason: 'required' } });
    expect(authorisationEventInputSchema.parse({ ...grant, kind: 'revoked', reason: 'Manglende oppfølging' }).reason).toBe('Manglende oppfølging');
  });

  it('reports bad versions, kinds, dates and self-authorisation', () => {
    expect(validate(authorisationEventInputSchema, { ...grant, routineVersion: 0, kind: 'paused', effectiveDate: '2026-6-1' })).toEqual({
      ok: false,
      fields: { routineVersion: 'outOfRange', kind: 'invalidChoice', effectiveDate: 'invalidFormat' },
    });
    expect(validate(authorisationEventInputSchema, { ...grant, nurseId: DOCTOR })).toEqual({ ok: false, fields: { nurseId: 'invalidChoice' } });
  });

  it('stores events with an id and a UTC instant', () => {
    expect(authorisationEventSchema.safeParse({ ...grant, id: uuid(7), at: '2026-05-30T08:15:00.123Z' }).success).toBe(true);
    expect(validate(authorisationEventSchema, { ...grant, id: uuid(7), at: '2026-05-30 08:15' })).toEqual({ ok: false, fields: { at: 'invalidFormat' } });
  });
});

describe('compareAuthorisationEvents', () => {
  it('compares instants as time, not text, and falls back to the id', () => {
    expect(compareAuthorisationEvents({ at: '2026-01-01T10:00:00.500Z', id: 'a' }, { at: '2026-01-01T10:00:00Z', id: 'b' })).toBeGreaterThan(0);
    expect(compareAuthorisationEvents({ at: '2026-01-01T10:00:00Z', id: 'b' }, { at: '2026-01-01T10:00:00.000Z', id: 'a' })).toBeGreaterThan(0);
    expect(compareAuthorisationEvents({ at: '2026-01-01T10:00:00Z', id: 'a' }, { at: '2026-01-01T10:00:00Z', id: 'a' })).toBe(0);
  });
});

describe('authorisationOn', () => {
  const key = { nurseId: NURSE, routineId: ROUTINE, routineVersion: 1 };

  it('is none before any event takes effect', () => {
    expect(authorisationOn([event({ kind: 'granted', effectiveDate: '2026-03-01' })], key, '2026-02-28')).toEqual({ state: 'none', event: null });
  });

  it('follows grant → revoke → grant by `at`', () => {
    const g1 = event({ kind: 'granted', effectiveDate: '2026-01-01' });
    const r = event({ kind: 'revoked', effectiveDate: '2026-02-01', reason: 'Avvik' });
    const g2 = event({ kind: 'granted', effectiveDate: '2026-03-01' });
    const events = [g2, r, g1];
    expect(authorisationOn(events, key, '2026-01-31')).toEqual({ state: 'granted', event: g1 });
    expect(authorisationOn(events, key, '2026-02-01')).toEqual({ state: 'revoked', event: r });
    expect(authorisationOn(events, key, '2026-03-01')).toEqual({ state: 'granted', event: g2 });
  });

  it('lets a later decision win even when it is effective earlier than an older one', () => {
    const futureGrant = event({ kind: 'granted', effectiveDate: '2026-05-01', at: '2026-04-01T08:00:00Z' });
    const cancel = event({ kind: 'revoked', effectiveDate: '2026-04-15', at: '2026-04-10T08:00:00Z', reason: 'Opplæring ikke fullført' });
    expect(authorisationOn([futureGrant, cancel], key, '2026-05-02').state).toBe('revoked');
  });
});

describe('authorised nurses and versions', () => {
  const events = [
    event({ kind: 'granted', effectiveDate: '2026-01-01' }),
    event({ kind: 'granted', effectiveDate: '2026-01-01', nurseId: OTHER_NURSE }),
    event({ kind: 'revoked', effectiveDate: '2026-03-01', nurseId: OTHER_NURSE, reason: 'Sluttet' }),
    event({ kind: 'granted', effectiveDate: '2026-02-01', routineVersion: 2 }),
    event({ kind: 'granted', effectiveDate: '2026-02-01', routineId: uuid(11) }),
  ];

  it('lists the nurses with a grant in force for one version', () => {
    expect(authorisedNurses(events, ROUTINE, 1, '2026-02-15').map((entry) => entry.nurseId)).toEqual([NURSE, OTHER_NURSE]);
    expect(authorisedNurses(events, ROUTINE, 1, '2026-03-01').map((entry) => entry.nurseId)).toEqual([NURSE]);
    expect(authorisedNurses(events, ROUTINE, 1, '2026-03-01')[0]?.granted).toBe(events[0]);
    expect(authorisedNurses(events, ROUTINE, 3, '2026-03-01')).toEqual([]);
  });

  it('lists the versions a nurse is authorised for', () => {
    expect(authorisedVersions(events, NURSE, ROUTINE, '2026-01-15')).toEqual([1]);
    expect(authorisedVersions(events, NURSE, ROUTINE, '2026-02-01')).toEqual([1, 2]);
    expect(authorisedVersions(events, OTHER_NURSE, ROUTINE, '2026-03-01')).toEqual([]);
  });
});
