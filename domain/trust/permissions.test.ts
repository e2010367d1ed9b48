// Tests of the permission table: roles per table, write-once cells, erasure, own-row columns, author columns and device work.
import { describe, expect, it } from 'vitest';
import type { Role } from '../roles';
import { checkTransaction, mayWriteTable, PERMISSIONS } from './permissions';
import type { CellToCheck, ChangeAuthor } from './permissions';

const user = (userId: string, ...roles: Role[]): ChangeAuthor => ({ kind: 'user', userId, roles });
const cell = (table: string, row: string, column: string, value: string | number | null, alreadyWritten = false): CellToCheck => ({ table, row, column, value, alreadyWritten });

describe('the permission table', () => {
  it('lets only admins write accounts and roles, and a user only their own password and key', () => {
    expect(checkTransaction(user('u-admin', 'admin'), [cell('users', 'u-new', 'roles', '["admin"]')])).toBeNull();
    expect(checkTransaction(user('u-lead', 'lead', 'nurse'), [cell('users', 'u-new', 'roles', '["admin"]')])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-nurse', 'nurse'), [cell('users', 'u-nurse', 'password_hash', 'x', true)])).toBeNull();
    expect(checkTransaction(user('u-nurse', 'nurse'), [cell('users', 'u-admin', 'password_hash', 'x', true)])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-nurse', 'nurse'), [cell('users', 'u-nurse', 'roles', '["admin"]', true)])?.refusal).toBe('trust.forbidden');
  });

  it("lets leads change the cooperation's rota limits but nothing else of it", () => {
    expect(checkTransaction(user('u-lead', 'lead'), [cell('cooperation', 'c1', 'rota_limits', '{}', true)])).toBeNull();
    expect(checkTransaction(user('u-lead', 'lead'), [cell('cooperation', 'c1', 'name', 'Nytt navn', true)])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-lead', 'lead'), [cell('cooperation', 'c2', 'rota_limits', '{}')])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-nurse', 'nurse'), [cell('cooperation', 'c1', 'rota_limits', '{}', true)])?.refusal).toBe('trust.forbidden');
    expect(mayWriteTable(['lead'], 'cooperation')).toBe(true);
  });

  it('lets only doctors change routines and authorise nurses', () => {
    expect(checkTransaction(user('u-d', 'doctor'), [cell('routines', 'r1', 'status', 'active', true)])).toBeNull();
    expect(checkTransaction(user('u-n', 'nurse', 'lead'), [cell('routines', 'r1', 'status', 'active', true)])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-n', 'nurse'), [cell('routine_authorisations', 'a1', 'kind', 'grant')])?.refusal).toBe('trust.forbidden');
  });

  it('accepts a write-once cell once; a second write is refused whatever the role, except an admin erasing personal data', () => {
    const entry = [cell('consultations', 'c1', 'outcome', 'treated'), cell('consultations', 'c1', 'recorded_by', 'u-r')];
    expect(checkTransaction(user('u-r', 'receptionist'), entry)).toBeNull();
    expect(checkTransaction(user('u-admin', 'admin', 'lead'), [cell('consultations', 'c1', 'outcome', 'referred', true)])?.refusal).toBe('trust.writeOnce');
    expect(checkTransaction(user('u-admin', 'admin'), [cell('consultations', 'c1', 'patient_id_number', null, true)])).toBeNull();
    expect(checkTransaction(user('u-lead', 'lead'), [cell('consultations', 'c1', 'patient_id_number', null, true)])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-admin', 'admin'), [cell('audit_events', 'e1', 'action', 'backup.created', true)])?.refusal).toBe('trust.writeOnce');
  });

  it('writes an event only in its own author\'s name', () => {
    expect(checkTransaction(user('u-r', 'receptionist'), [cell('consultations', 'c2', 'recorded_by', 'u-other')])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-r', 'receptionist'), [cell('audit_events', 'e2', 'user_id', 'u-r'), cell('audit_events', 'e2', 'action', 'consultation.viewed')])).toBeNull();
    expect(checkTransaction(user('u-r', 'receptionist'), [cell('audit_events', 'e3', 'user_id', 'u-admin')])?.refusal).toBe('trust.forbidden');
  });

  it('lets a computer alone sign only the listed background events', () => {
    const device: ChangeAuthor = { kind: 'device', deviceId: 'clock-1' };
    expect(checkTransaction(device, [cell('audit_events', 'e4', 'action', 'backup.created'), cell('audit_events', 'e4', 'user_id', null)])).toBeNull();
    expect(checkTransaction(device, [cell('audit_events', 'e5', 'action', 'consultation.viewed')])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(device, [cell('shifts', 's1', 'date', '2027-01-04')])?.refusal).toBe('trust.forbidden');
  });

  it('lets exactly the consultation loggers write the de-identified facts, and a computer its backfill of them', () => {
    const facts = (alreadyWritten = false) => [cell('consultation_facts', 'k1', 'outcome', 'doctorByPhone', alreadyWritten), cell('consultation_facts', 'k1', 'with_doctor', 1, alreadyWritten)];
    for (const role of ['receptionist', 'nurse', 'doctor', 'lead'] as const) {
      expect(checkTransaction(user('u', role), facts())).toBeNull();
      expect(checkTransaction(user('u', role), facts(true))).toBeNull();
    }
    // Admins see the statistics but may not log entries, so they may not change their figures either.
    expect(checkTransaction(user('u-admin', 'admin'), facts())?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-admin', 'admin'), facts(true))?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(user('u-none'), facts(true))?.refusal).toBe('trust.forbidden');
    expect(mayWriteTable(['admin'], 'consultation_facts')).toBe(false);
    // The computer's own key: the facts of entries it holds, inserted or put right; still nothing of the entries themselves.
    const device: ChangeAuthor = { kind: 'device', deviceId: 'clock-1' };
    expect(checkTransaction(device, facts())).toBeNull();
    expect(checkTransaction(device, facts(true))).toBeNull();
    expect(checkTransaction(device, [cell('consultations', 'k2', 'outcome', 'doctorByPhone')])?.refusal).toBe('trust.forbidden');
    expect(checkTransaction(device, [cell('consultation_amendments', 'a1', 'kind', 'cancelled')])?.refusal).toBe('trust.forbidden');
  });

  it('refuses tables it does not list, and says which tables a role may write', () => {
    expect(checkTransaction(user('u-admin', 'admin'), [cell('secret_table', 'x', 'y', 1)])?.refusal).toBe('trust.forbidden');
    expect(mayWriteTable(['lead'], 'shifts')).toBe(true);
    expect(mayWriteTable(['nurse'], 'shifts')).toBe(false);
    expect(Object.keys(PERMISSIONS)).toContain('authority_records');
  });
});
