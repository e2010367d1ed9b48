// Tests for routine versions: the in-force rule, who may activate, the versioning rule on change, superseding without gap or overlap, and withdrawal.
import { describe, expect, it } from 'vitest';
import { mayUseRoutine } from './mayUse';
import { event, NURSE, NURSE_AKUTT, routine, TYPES, uuid } from './testFixtures';
import type { Routine } from './types';
import { activateRoutine, canActivate, createRoutine, isRoutineInForce, nextVersionOnChange, retireRoutine, routineInactiveReasons, routineVersionInForce } from './versions';
import type { RoutineChangeResult } from './versions';

const TODAY = '2026-06-01';
const DOCTOR_ROLES = ['doctor'] as const;
const NEW_ID = uuid(999);

function ok(result: RoutineChangeResult): Extract<RoutineChangeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe('routineInactiveReasons', () => {
  it('lists every reason that applies', () => {
    const draft = routine({ status: 'draft', validFrom: '2026-07-01' });
    expect(routineInactiveReasons(draft, '2026-06-01').map((r) => r.code)).toEqual(['routineDraft', 'routineNotYetValid']);
    const oldWithdrawn = routine({ status: 'retired', retiredFrom: '2027-01-01', expiresOn: '2027-06-30' });
    expect(routineInactiveReasons(oldWithdrawn, '2027-07-01').map((r) => r.code)).toEqual(['routineRetired', 'routineExpired']);
  });

  it('treats a retired version without a retiredFrom as not in force on any date', () => {
    expect(isRoutineInForce(routine({ status: 'retired', retiredFrom: null }), '2026-06-01')).toBe(false);
  });

  it('finds the version in force on a date', () => {
    const v1 = routine({ status: 'retired', retiredFrom: '2026-07-01', supersededByVersion: 2 });
    const v2 = routine({ version: 2, validFrom: '2026-07-01' });
    const v3 = routine({ version: 3, status: 'draft', validFrom: '2026-08-01' });
    expect(routineVersionInForce([v3, v2, v1], '2026-06-30')?.version).toBe(1);
    expect(routineVersionInForce([v3, v2, v1], '2026-07-01')?.version).toBe(2);
    expect(routineVersionInForce([v3, v2, v1], '2026-08-01')?.version).toBe(2);
    expect(routineVersionInForce([v3], '2026-08-01')).toBeNull();
  });
});

describe('canActivate', () => {
  const draft = routine({ status: 'draft', validFrom: TODAY });

  it('lets a doctor activate a complete draft', () => {
    expect(canActivate(draft, ['doctor'])).toEqual({ allowed: true });
    expect(canActivate(draft, ['lead', 'doctor'], TODAY)).toEqual({ allowed: true });
  });

  it('refuses anyone who is not a doctor', () => {
    for (const role of ['nurse', 'lead', 'admin', 'receptionist'] as const) {
      expect(canActivate(draft, [role])).toEqual({ allowed: false, reasons: [{ code: 'notDoctor', message: 'Bare en lege kan aktivere en rutine', params: {} }] });
    }
    expect(canActivate(draft, []).allowed).toBe(false);
  });

  it('refuses active and retired versions, incomplete content and a validFrom before today — all reasons', () => {
    expect(canActivate(routine(), DOCTOR_ROLES)).toMatchObject({ allowed: false, reasons: [{ code: 'alreadyActive' }] });
    expect(canActivate(routine({ status: 'retired', retiredFrom: TODAY }), DOCTOR_ROLES)).toMatchObject({ allowed: false, reasons: [{ code: 'retired' }] });
    const broken = routine({ status: 'draft', validFrom: '2026-05-31', exclusionCriteria: [], medicine: { ...routine().medicine, atcCode: 'X' } });
    const result = canActivate(broken, ['nurse'], TODAY);
    expect(result.allowed ? [] : result.reasons.map((r) => r.code)).toEqual(['notDoctor', 'incomplete', 'validFromInPast']);
  });
});

describe('createRoutine', () => {
  it('makes version 1 as a draft', () => {
    const { id: _id, routineId: _routineId, version: _version, status: _status, retiredFrom: _r, supersededByVersion: _s, ...content } = routine();
    expect(createRoutine(content, { id: uuid(500), routineId: uuid(501) })).toEqual({ ...content, id: uuid(500), routineId: uuid(501), version: 1, status: 'draft', retiredFrom: null, supersededByVersion: null });
  });
});

describe('nextVersionOnChange', () => {
  const v1 = routine();
  const context = { newId: NEW_ID, today: TODAY, actorRoles: DOCTOR_ROLES, versions: [v1] };

  it('edits a draft in place: same row and version', () => {
    const draft = routine({ status: 'draft', validFrom: '2026-07-01' });
    const result = ok(nextVersionOnChange(draft, { followUpAdvice: 'Nytt råd.' }, { ...context, versions: [draft] }));
    expect(result).toMatchObject({ created: false, changedFields: ['followUpAdvice'], superseded: [] });
    expect(result.routine).toEqual({ ...draft, followUpAdvice: 'Nytt råd.' });
  });

  it('turns a change to an active routine into a new draft version and leaves the active one alone', () => {
    const result = ok(nextVersionOnChange(v1, { medicine: { ...v1.medicine, maxQuantity: '6 tabletter' } }, context));
    expect(result.created).toBe(true);
    expect(result.changedFields).toEqual(['medicine']);
    expect(result.superseded).toEqual([]);
    expect(result.routine).toEqual({
      ...v1,
      id: NEW_ID,
      version: 2,
      status: 'draft',
      validFrom: TODAY,
      medicine: { ...v1.medicine, maxQuantity: '6 tabletter' },
    });
  });

  it('activates the new version at once when asked, superseding the old one from the new validFrom', () => {
    const result = ok(nextVersionOnChange(v1, { status: 'active', validFrom: '2026-07-01', reviewDate: '2027-06-30' }, context));
    expect(result.routine).toMatchObject({ version: 2, status: 'active', validFrom: '2026-07-01', reviewDate: '2027-06-30', retiredFrom: null, supersededByVersion: null });
    expect(result.changedFields).toEqual(['validFrom', 'reviewDate']);
    expect(result.superseded).toEqual([{ ...v1, status: 'retired', retiredFrom: '2026-07-01', supersededByVersion: 2 }]);
    const [old] = result.superseded as [Routine];
    // No gap, no overlap: v1 through 30.06., v2 from 01.07.
    expect(routineVersionInForce([old, result.routine], '2026-06-30')?.version).toBe(1);
    expect(routineVersionInForce([old, result.routine], '2026-07-01')?.version).toBe(2);
    // The past keeps its answer.
    expect(isRoutineInForce(old, '2026-02-01')).toBe(true);
  });

  it('requires nurses to be authorised again for the new version', () => {
    const result = ok(nextVersionOnChange(v1, { status: 'active', validFrom: '2026-07-01', indication: 'Endret indikasjon.' }, context));
    const [old] = result.superseded as [Routine];
    const events = [event({ kind: 'granted', effectiveDate: '2026-01-01' })];
    const base = { nurseId: NURSE, events, competenceRecords: [NURSE_AKUTT], competenceTypes: TYPES };
    expect(mayUseRoutine({ ...base, routine: old, date: '2026-06-30' }).allowed).toBe(true);
    const after = mayUseRoutine({ ...base, routine: result.routine, date: '2026-07-01' });
    expect(after.allowed ? [] : after.reasons.map((r) => r.message)).toEqual(['Autorisasjon for versjon 2 mangler (autorisert for versjon 1)']);
    const reauthorised = [...events, event({ kind: 'granted', effectiveDate: '2026-06-15', routineVersion: 2 })];
    expect(mayUseRoutine({ ...base, events: reauthorised, routine: result.routine, date: '2026-07-01' }).allowed).toBe(true);
  });

  it('defaults the new validFrom to the day after the current one when that is later than today', () => {
    const future = routine({ validFrom: '2026-09-01' });
    const result = ok(nextVersionOnChange(future, { title: 'Ny tittel' }, { ...context, versions: [future] }));
    expect(result.routine.validFrom).toBe('2026-09-02');
    expect(result.changedFields).toEqual(['title']);
  });

  it('activating a draft supersedes the active version; a future-dated old version can be replaced entirely', () => {
    const draft = routine({ version: 2, status: 'draft', validFrom: '2026-06-15' });
    const result = ok(activateRoutine(draft, { today: TODAY, actorRoles: DOCTOR_ROLES, versions: [v1, draft] }));
    expect(result).toMatchObject({ created: false, changedFields: [], routine: { ...draft, status: 'active' } });
    expect(result.superseded).toEqual([{ ...v1, status: 'retired', retiredFrom: '2026-06-15', supersededByVersion: 2 }]);

    const old = routine({ status: 'retired', retiredFrom: '2026-08-01', supersededByVersion: 2 });
    const v2 = routine({ version: 2, validFrom: '2026-08-01' });
    const v3 = routine({ version: 3, status: 'draft', validFrom: '2026-07-01' });
    const replaced = ok(activateRoutine(v3, { today: TODAY, actorRoles: DOCTOR_ROLES, versions: [old, v2, v3] }));
    expect(replaced.superseded).toEqual([
      { ...old, retiredFrom: '2026-07-01', supersededByVersion: 3 },
      { ...v2, status: 'retired', retiredFrom: '2026-07-01', supersededByVersion: 3 },
    ]);
    const all = [...replaced.superseded, replaced.routine];
    expect(['2026-06-30', '2026-07-01', '2026-08-01'].map((date) => routineVersionInForce(all, date)?.version)).toEqual([1, 3, 3]);
  });

  it('does nothing when nothing changes', () => {
    expect(nextVersionOnChange(v1, {}, context)).toEqual({ ok: true, routine: v1, created: false, changedFields: [], superseded: [] });
    expect(nextVersionOnChange(v1, { title: `  ${v1.title} `, status: 'active' }, context)).toEqual({ ok: true, routine: v1, created: false, changedFields: [], superseded: [] });
  });

  it('refuses to change a version that is not the newest', () => {
    const draftV2 = routine({ version: 2, status: 'draft', validFrom: '2026-07-01' });
    const result = nextVersionOnChange(v1, { title: 'X' }, { ...context, versions: [v1, draftV2] });
    expect(result).toEqual({
      ok: false,
      fields: {},
      reasons: [{ code: 'notLatest', message: 'Versjon 1 er ikke den nyeste versjonen; endre versjon 2', params: { version: 1, latestVersion: 2 } }],
    });
    const superseded = routine({ status: 'retired', retiredFrom: '2026-05-01', supersededByVersion: 4 });
    expect(nextVersionOnChange(superseded, { title: 'X' }, { ...context, versions: [] })).toMatchObject({ ok: false, reasons: [{ code: 'notLatest', params: { latestVersion: 4 } }] });
  });

  it('only lets a doctor activate, and never from a date before today', () => {
    const asNurse = nextVersionOnChange(v1, { title: 'X', status: 'active' }, { ...context, actorRoles: ['nurse', 'lead'] });
    expect(asNurse).toMatchObject({ ok: false, reasons: [{ code: 'notDoctor' }] });
    expect(nextVersionOnChange(v1, { title: 'X', status: 'draft' }, { ...context, actorRoles: ['lead'] }).ok).toBe(true);
    expect(nextVersionOnChange(v1, { title: 'X', status: 'active', validFrom: '2026-05-31' }, context)).toEqual({ ok: false, fields: { validFrom: 'outOfRange' }, reasons: [] });
  });

  it('validates the merged content with field codes', () => {
    expect(nextVersionOnChange(v1, { icpc2Codes: ['U7'], expiresOn: '2026-01-01' }, context)).toEqual({
      ok: false,
      fields: { 'icpc2Codes.0': 'invalidFormat', expiresOn: 'timeOrder' },
      reasons: [],
    });
  });

  it('throws when a new version is needed but no id was given (programming error)', () => {
    expect(() => nextVersionOnChange(v1, { title: 'X' }, { today: TODAY, actorRoles: DOCTOR_ROLES, versions: [v1] })).toThrow(/newId/);
  });
});

describe('retireRoutine', () => {
  it('withdraws an active version from a date (doctor only, not in the past)', () => {
    expect(retireRoutine(routine(), { from: TODAY, today: TODAY, actorRoles: DOCTOR_ROLES })).toEqual({
      ok: true,
      routine: { ...routine(), status: 'retired', retiredFrom: TODAY, supersededByVersion: null },
    });
    expect(retireRoutine(routine(), { from: '2026-05-31', today: TODAY, actorRoles: DOCTOR_ROLES })).toEqual({ ok: false, fields: { from: 'outOfRange' }, reasons: [] });
    expect(retireRoutine(routine(), { from: TODAY, today: TODAY, actorRoles: ['lead'] })).toMatchObject({ ok: false, reasons: [{ code: 'notDoctor' }] });
    expect(retireRoutine(routine({ status: 'retired', retiredFrom: TODAY }), { from: TODAY, today: TODAY, actorRoles: DOCTOR_ROLES })).toMatchObject({ ok: false, reasons: [{ code: 'retired' }] });
  });

  it('discards a draft so that it is never in force', () => {
    const draft = routine({ version: 2, status: 'draft', validFrom: '2026-07-01' });
    const result = retireRoutine(draft, { from: '2026-09-01', today: TODAY, actorRoles: DOCTOR_ROLES });
    expect(result).toMatchObject({ ok: true, routine: { status: 'retired', retiredFrom: '2026-07-01' } });
    if (result.ok) for (const date of ['2026-06-30', '2026-07-01', '2026-08-15', '2026-12-31']) expect(isRoutineInForce(result.routine, date)).toBe(false);
  });
});
