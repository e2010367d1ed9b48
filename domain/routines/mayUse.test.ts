// Tests for mayUseRoutine: every reason, date boundaries, version changes, revocation then re-authorisation, several reasons at once, warnings.
import { describe, expect, it } from 'vitest';
import { record } from '../competence/testFixtures';
import { mayUseRoutine } from './mayUse';
import type { MayUseRoutineInput, MayUseRoutineResult } from './mayUse';
import { AKUTT, DOCTOR, event, HLR, NURSE, NURSE_AKUTT, OTHER_NURSE, routine, TYPES, uuid } from './testFixtures';

const GRANTED_V1 = event({ kind: 'granted', effectiveDate: '2026-01-01', at: '2025-12-20T09:00:00Z' });

function check(overrides: Partial<MayUseRoutineInput> = {}): MayUseRoutineResult {
  return mayUseRoutine({
    nurseId: NURSE,
    routine: routine(),
    events: [GRANTED_V1],
    competenceRecords: [NURSE_AKUTT],
    competenceTypes: TYPES,
    date: '2026-06-01',
    ...overrides,
  });
}

function codes(result: MayUseRoutineResult): string[] {
  return result.allowed ? [] : result.reasons.map((r) => r.code);
}

function messages(result: MayUseRoutineResult): string[] {
  return result.allowed ? [] : result.reasons.map((r) => r.message);
}

describe('mayUseRoutine: allowed', () => {
  it('allows an authorised nurse with valid competences to use the active version', () => {
    expect(check()).toEqual({ allowed: true, warnings: [] });
  });

  it('ignores events for other nurses, routines and versions', () => {
    const result = check({
      events: [
        event({ kind: 'granted', effectiveDate: '2026-01-01', nurseId: OTHER_NURSE }),
        event({ kind: 'granted', effectiveDate: '2026-01-01', routineId: uuid(11) }),
        event({ kind: 'granted', effectiveDate: '2026-01-01', routineVersion: 2 }),
      ],
    });
    expect(codes(result)).toEqual(['notAuthorised']);
  });
});

describe('mayUseRoutine: the routine version must be in force', () => {
  it('refuses a draft', () => {
    const result = check({ routine: routine({ status: 'draft' }) });
    expect(result).toMatchObject({ allowed: false, reasons: [{ code: 'routineDraft', message: 'Versjon 1 er et utkast og er ikke aktivert' }] });
  });

  it('is in force from validFrom through expiresOn', () => {
    expect(codes(check({ date: '2025-12-31', events: [event({ kind: 'granted', effectiveDate: '2025-12-01' })], competenceRecords: [NURSE_AKUTT] }))).toEqual([
      'routineNotYetValid',
    ]);
    expect(messages(check({ date: '2025-12-31', events: [event({ kind: 'granted', effectiveDate: '2025-12-01' })] }))).toEqual(['Versjon 1 gjelder først fra 01.01.2026']);
    expect(check({ date: '2026-01-01' }).allowed).toBe(true);
    expect(check({ date: '2027-09-30' }).allowed).toBe(true);
    const longCourse = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2026-06-01', expiresOn: '2028-06-01' });
    expect(check({ date: '2027-12-31', competenceRecords: [longCourse] }).allowed).toBe(true);
    const after = check({ date: '2028-01-01', competenceRecords: [longCourse] });
    expect(after).toMatchObject({ allowed: false, reasons: [{ code: 'routineExpired', message: 'Versjon 1 utløp 31.12.2027', params: { version: 1, date: '2027-12-31' } }] });
  });

  it('refuses a withdrawn version from its retiredFrom date, and not before', () => {
    const withdrawn = routine({ status: 'retired', retiredFrom: '2026-06-01' });
    expect(check({ routine: withdrawn, date: '2026-05-31' }).allowed).toBe(true);
    expect(check({ routine: withdrawn, date: '2026-06-01' })).toMatchObject({
      allowed: false,
      reasons: [{ code: 'routineRetired', message: 'Versjon 1 er trukket tilbake fra 01.06.2026' }],
    });
  });

  it('refuses a superseded version from the new version’s validFrom and names the new version', () => {
    const old = routine({ status: 'retired', retiredFrom: '2026-03-01', supersededByVersion: 2 });
    expect(check({ routine: old, date: '2026-02-28' }).allowed).toBe(true);
    expect(messages(check({ routine: old, date: '2026-03-01' }))).toEqual(['Versjon 1 er erstattet av versjon 2 fra 01.03.2026']);
  });
});

describe('mayUseRoutine: authorisation for exactly this version', () => {
  it('refuses without any authorisation', () => {
    expect(check({ events: [] })).toMatchObject({ allowed: false, reasons: [{ code: 'notAuthorised', message: 'Autorisasjon for versjon 1 mangler', params: { version: 1 } }] });
  });

  it('refuses a nurse authorised for v2 when the routine is now v3, and says which version they hold', () => {
    const v3 = routine({ version: 3, validFrom: '2026-05-01' });
    const result = check({ routine: v3, events: [event({ kind: 'granted', effectiveDate: '2026-02-01', routineVersion: 2 })] });
    expect(result).toMatchObject({
      allowed: false,
      reasons: [{ code: 'notAuthorised', message: 'Autorisasjon for versjon 3 mangler (autorisert for versjon 2)', params: { version: 3, authorisedVersions: '2' } }],
    });
    const both = check({ routine: v3, events: [event({ kind: 'granted', effectiveDate: '2026-02-01', routineVersion: 3 })] });
    expect(both.allowed).toBe(true);
  });

  it('counts an authorisation from its effective date', () => {
    const later = event({ kind: 'granted', effectiveDate: '2026-06-02', at: '2026-05-20T08:00:00Z' });
    expect(codes(check({ events: [later], date: '2026-06-01' }))).toEqual(['notAuthorised']);
    expect(check({ events: [later], date: '2026-06-02' }).allowed).toBe(true);
  });

  it('refuses after revocation with the date and reason, and allows again after re-authorisation', () => {
    const revoked = event({ kind: 'revoked', effectiveDate: '2026-03-01', at: '2026-03-01T10:00:00Z', reason: 'Ny opplæring nødvendig' });
    const regranted = event({ kind: 'granted', effectiveDate: '2026-04-15', at: '2026-04-15T10:00:00Z' });
    expect(check({ events: [GRANTED_V1, revoked], date: '2026-02-28' }).allowed).toBe(true);
    expect(check({ events: [GRANTED_V1, revoked], date: '2026-03-01' })).toMatchObject({
      allowed: false,
      reasons: [
        {
          code: 'authorisationRevoked',
          message: 'Autorisasjonen for versjon 1 ble trukket tilbake 01.03.2026: Ny opplæring nødvendig',
          params: { version: 1, date: '2026-03-01', reason: 'Ny opplæring nødvendig', byDoctorId: DOCTOR },
        },
      ],
    });
    expect(codes(check({ events: [regranted, GRANTED_V1, revoked], date: '2026-04-14' }))).toEqual(['authorisationRevoked']);
    expect(check({ events: [regranted, GRANTED_V1, revoked], date: '2026-04-15' }).allowed).toBe(true);
  });

  it('lets the latest event by `at` decide, then the id, whatever order the events come in', () => {
    const grant = event({ id: uuid(5001), kind: 'granted', effectiveDate: '2026-01-01', at: '2026-05-01T10:00:00Z' });
    const revoke = event({ id: uuid(5002), kind: 'revoked', effectiveDate: '2026-01-01', at: '2026-05-01T10:00:00Z', reason: 'Feilregistrert' });
    expect(codes(check({ events: [revoke, grant] }))).toEqual(['authorisationRevoked']);
    expect(codes(check({ events: [grant, revoke] }))).toEqual(['authorisationRevoked']);
    const laterGrant = { ...grant, at: '2026-05-01T10:00:00.001Z' };
    expect(check({ events: [revoke, laterGrant] }).allowed).toBe(true);
  });

  it('keeps a grant in force until a revocation takes effect', () => {
    const futureRevocation = event({ kind: 'revoked', effectiveDate: '2026-07-01', at: '2026-05-15T10:00:00Z', reason: 'Slutter' });
    expect(check({ events: [GRANTED_V1, futureRevocation], date: '2026-06-30' }).allowed).toBe(true);
    expect(codes(check({ events: [GRANTED_V1, futureRevocation], date: '2026-07-01' }))).toEqual(['authorisationRevoked']);
  });
});

describe('mayUseRoutine: required competences', () => {
  it('is valid through the expiry date and names the date when it has expired', () => {
    const expiring = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2024-10-01', expiresOn: '2026-10-01' });
    expect(check({ competenceRecords: [expiring], date: '2026-10-01' }).allowed).toBe(true);
    expect(check({ competenceRecords: [expiring], date: '2026-10-02' })).toMatchObject({
      allowed: false,
      reasons: [{ code: 'competenceExpired', message: 'Akuttmedisinkurs utløp 01.10.2026', params: { competenceTypeId: AKUTT.id, date: '2026-10-01' } }],
    });
  });

  it('refuses when a competence is missing, or obtained only after the date', () => {
    expect(messages(check({ competenceRecords: [] }))).toEqual(['Akuttmedisinkurs mangler']);
    const later = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2026-06-02', expiresOn: '2028-06-02' });
    expect(codes(check({ competenceRecords: [later] }))).toEqual(['competenceMissing']);
  });

  it('does not count another person’s competence', () => {
    const colleague = record({ staffId: OTHER_NURSE, competenceTypeId: AKUTT.id, obtained: '2025-01-01', expiresOn: '2030-01-01' });
    expect(codes(check({ competenceRecords: [colleague] }))).toEqual(['competenceMissing']);
  });

  it('uses the renewal in force, not an older expired record', () => {
    const old = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2022-01-01', expiresOn: '2024-01-01' });
    expect(check({ competenceRecords: [old, NURSE_AKUTT] }).allowed).toBe(true);
  });

  it('reports a required type missing from the register', () => {
    const result = check({ routine: routine({ requiredCompetenceTypeIds: [AKUTT.id, uuid(99)] }) });
    expect(codes(result)).toEqual(['competenceUnknown']);
  });
});

describe('mayUseRoutine: several reasons at once', () => {
  it('returns all reasons in order: routine, authorisation, competences', () => {
    const result = check({
      routine: routine({ version: 3, status: 'draft', validFrom: '2026-07-01', requiredCompetenceTypeIds: [AKUTT.id, HLR.id] }),
      events: [event({ kind: 'granted', effectiveDate: '2026-01-01', routineVersion: 2 })],
      competenceRecords: [record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2024-05-01', expiresOn: '2026-05-01' })],
      date: '2026-06-01',
    });
    expect(messages(result)).toEqual([
      'Versjon 3 er et utkast og er ikke aktivert',
      'Versjon 3 gjelder først fra 01.07.2026',
      'Autorisasjon for versjon 3 mangler (autorisert for versjon 2)',
      'Akuttmedisinkurs utløp 01.05.2026',
      'HLR/AHLR mangler',
    ]);
  });
});

describe('mayUseRoutine: warnings', () => {
  it('warns about a required competence about to expire and an overdue review, without refusing', () => {
    const expiring = record({ staffId: NURSE, competenceTypeId: AKUTT.id, obtained: '2025-02-15', expiresOn: '2027-02-15' });
    const result = check({ competenceRecords: [expiring], date: '2027-01-15' });
    expect(result.allowed).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual(['Rutinen skulle vært revidert 31.12.2026', 'Akuttmedisinkurs utløper 15.02.2027']);
    expect(check({ competenceRecords: [expiring], date: '2027-01-15', warnDays: 30 }).warnings.map((w) => w.code)).toEqual(['reviewOverdue']);
    expect(check({ date: '2026-12-31' }).warnings).toEqual([]);
  });

  it('with all versions, warns about a scheduled new version the nurse is not yet authorised for', () => {
    const v1 = routine({ status: 'retired', retiredFrom: '2026-07-01', supersededByVersion: 2 });
    const v2 = routine({ version: 2, validFrom: '2026-07-01' });
    const result = check({ routine: v1, routineVersions: [v1, v2] });
    expect(result.allowed).toBe(true);
    expect(result.warnings).toEqual([
      { code: 'newVersionScheduled', message: 'Versjon 2 gjelder fra 01.07.2026; autorisasjon for den mangler', params: { version: 2, date: '2026-07-01', authorised: 0 } },
    ]);
    const authorisedAhead = check({ routine: v1, routineVersions: [v1, v2], events: [GRANTED_V1, event({ kind: 'granted', effectiveDate: '2026-06-20', routineVersion: 2 })] });
    expect(authorisedAhead.warnings.map((w) => w.message)).toEqual(['Versjon 2 gjelder fra 01.07.2026']);
  });

  it('with all versions, points to the version in force when the chosen one is not', () => {
    const v1 = routine({ status: 'retired', retiredFrom: '2026-03-01', supersededByVersion: 2 });
    const v2 = routine({ version: 2, validFrom: '2026-03-01' });
    const result = check({ routine: v1, routineVersions: [v1, v2, routine({ version: 3, status: 'draft', validFrom: '2026-09-01' })] });
    expect(codes(result)).toEqual(['routineSuperseded']);
    expect(result.warnings.map((w) => w.code)).toEqual(['otherVersionInForce']);
  });
});
