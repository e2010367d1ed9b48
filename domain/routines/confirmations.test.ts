// Tests for read-and-understood: only a confirmation of exactly the version counts, from when it was made; the check refuses without it.
import { describe, expect, it } from 'vitest';
import { confirmationOf, confirmationsOfVersion } from './confirmations';
import type { RoutineConfirmation } from './confirmations';
import { mayUseRoutine } from './mayUse';
import type { MayUseRoutineInput } from './mayUse';
import { event, NURSE, NURSE_AKUTT, OTHER_NURSE, ROUTINE, routine, TYPES, uuid } from './testFixtures';

let counter = 0;
function confirmation(fields: Partial<RoutineConfirmation> = {}): RoutineConfirmation {
  counter += 1;
  return { id: uuid(500 + counter), routineId: ROUTINE, routineVersion: 1, nurseId: NURSE, userId: 'user-nurse', at: '2026-05-31T08:00:00Z', ...fields };
}

const key = { nurseId: NURSE, routineId: ROUTINE, routineVersion: 3 };

describe('confirmationOf', () => {
  it('does not count a confirmation of an older (or another) version', () => {
    const older = confirmation({ routineVersion: 2 });
    expect(confirmationOf([older], key)).toBeNull();
    expect(confirmationOf([confirmation({ routineVersion: 3, nurseId: OTHER_NURSE })], key)).toBeNull();
    const mine = confirmation({ routineVersion: 3 });
    expect(confirmationOf([older, mine], key)).toBe(mine);
  });

  it('counts only from when it was made', () => {
    const mine = confirmation({ routineVersion: 3, at: '2026-06-01T10:00:00Z' });
    expect(confirmationOf([mine], key, Date.parse('2026-06-01T09:59:00Z'))).toBeNull();
    expect(confirmationOf([mine], key, Date.parse('2026-06-01T10:00:00Z'))).toBe(mine);
  });

  it('lists each nurse once, by her first confirmation, for the routine page and sheet', () => {
    const first = confirmation({ routineVersion: 3, at: '2026-06-01T10:00:00Z' });
    const again = confirmation({ routineVersion: 3, at: '2026-06-02T10:00:00Z' });
    const other = confirmation({ routineVersion: 3, nurseId: OTHER_NURSE, at: '2026-06-01T09:00:00Z' });
    expect(confirmationsOfVersion([again, first, other, confirmation({ routineVersion: 2 })], ROUTINE, 3)).toEqual([other, first]);
  });
});

describe('mayUseRoutine with confirmations', () => {
  const base: MayUseRoutineInput = {
    nurseId: NURSE,
    routine: routine({ version: 2 }),
    events: [event({ kind: 'granted', effectiveDate: '2026-01-01', routineVersion: 2, at: '2025-12-20T09:00:00Z' })],
    competenceRecords: [NURSE_AKUTT],
    competenceTypes: TYPES,
    date: '2026-06-01',
    atMs: Date.parse('2026-06-01T12:00:00Z'),
  };

  it('says why not when the version in force is not confirmed, even if an older one is', () => {
    const result = mayUseRoutine({ ...base, confirmations: [confirmation({ routineVersion: 1 })] });
    expect(result).toMatchObject({ allowed: false, reasons: [{ code: 'notConfirmed', params: { version: 2 } }] });
  });

  it('says yes once she has confirmed this version', () => {
    expect(mayUseRoutine({ ...base, confirmations: [confirmation({ routineVersion: 2 })] }).allowed).toBe(true);
  });
});

describe('authorisation at an instant', () => {
  const grant = event({ kind: 'granted', effectiveDate: '2026-06-01', at: '2026-05-20T09:00:00Z' });
  const revokedAt3pm = event({ kind: 'revoked', effectiveDate: '2026-06-01', at: '2026-06-01T13:00:00Z', reason: 'Ny opplæring' });
  const input = { ...{ nurseId: NURSE, routine: routine(), competenceRecords: [NURSE_AKUTT], competenceTypes: TYPES, date: '2026-06-01' }, events: [grant, revokedAt3pm] };

  it('a revocation recorded at 15:00 today ends the authorisation at 15:00, not from midnight', () => {
    expect(mayUseRoutine({ ...input, atMs: Date.parse('2026-06-01T12:00:00Z') }).allowed).toBe(true);
    expect(mayUseRoutine({ ...input, atMs: Date.parse('2026-06-01T14:00:00Z') })).toMatchObject({ allowed: false, reasons: [{ code: 'authorisationRevoked' }] });
  });
});
