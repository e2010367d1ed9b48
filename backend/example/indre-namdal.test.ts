// Tests for the example dataset: the offices, driving times, staff mix and a working sign-in for each example role.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { openTempStore } from '../../test/helpers/temp-store';
import { createBackend } from '../api';
import { EXAMPLE_ACCOUNTS } from './indre-namdal';

let store: ReturnType<typeof openTempStore>;
beforeEach(() => (store = openTempStore()));
afterEach(() => store.close());

describe('example dataset (Indre Namdal)', () => {
  it('holds the four offices with symmetric driving minutes from domain.md', async () => {
    const backend = createBackend({ store });
    await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
    const offices = listOffices(store.db);
    expect(offices.map((o) => o.name)).toEqual(['Grong legekontor', 'Lierne legekontor', 'Namsskogan legekontor', 'Røyrvik legekontor']);
    const byName = new Map(offices.map((o) => [o.name.split(' ')[0], o]));
    expect(byName.get('Grong')!.drivingMinutes[byName.get('Namsskogan')!.id]).toBe(45);
    expect(byName.get('Røyrvik')!.drivingMinutes[byName.get('Lierne')!.id]).toBe(150);
    for (const a of offices) for (const b of offices) if (a !== b) expect(a.drivingMinutes[b.id]).toBe(b.drivingMinutes[a.id]);
  });

  it('has the staff mix domain.md asks for, based at real offices', async () => {
    const backend = createBackend({ store });
    await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
    const staff = listStaff(store.db);
    const count = (p: string) => staff.filter((s) => s.profession === p).length;
    expect(count('doctor') + count('doctorInTraining')).toBe(7);
    expect(count('doctorInTraining')).toBe(1);
    expect(count('nurse')).toBeGreaterThanOrEqual(6);
    expect(count('secretary')).toBeGreaterThanOrEqual(4);
    const officeIds = new Set(listOffices(store.db).map((o) => o.id));
    expect(staff.every((s) => s.baseOfficeId && officeIds.has(s.baseOfficeId))).toBe(true);
  });

  it('lets each example account sign in with the role it is listed with', async () => {
    const backend = createBackend({ store });
    await backend.call({ method: 'setup.loadExample', input: {}, sessionToken: null });
    expect(new Set(EXAMPLE_ACCOUNTS.flatMap((a) => a.roles))).toEqual(new Set(['admin', 'lead', 'doctor', 'nurse', 'receptionist']));
    for (const account of EXAMPLE_ACCOUNTS) {
      const result = await backend.call({ method: 'session.signIn', input: { username: account.username, password: account.password }, sessionToken: null });
      expect(result).toMatchObject({ ok: true, value: { user: { roles: account.roles } } });
    }
  });
});
