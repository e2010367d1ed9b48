// The role matrix: every handler × every role, checked against the backend's real enforcement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../domain/roles';
import type { Role } from '../domain/roles';
import { openTempStore, seedSignedCooperation } from '../test/helpers/temp-store';
import { createBackend } from './api';
import { createLocalOnlySync } from './jobs/background-sync';
import type { Backend } from './api';
import { METHOD_NAMES } from './handlers/index';

/** Who may call each handler. Adding a handler without a row here fails the test. */
const EXPECTED: Record<string, 'public' | 'signedIn' | readonly Role[]> = {
  'session.current': 'public',
  'session.signIn': 'public',
  'session.signOut': 'signedIn',
  'session.lockState': 'signedIn',
  'session.activity': 'signedIn',
  'session.lock': 'signedIn',
  'session.unlock': 'signedIn',
  'setup.status': 'public',
  'setup.createCooperation': 'public',
  'setup.loadExample': 'public',
  'offices.list': 'signedIn',
  'offices.create': ['admin'],
  'offices.update': ['admin'],
  'offices.remove': ['admin'],
  'staff.list': 'signedIn',
  'staff.create': ['admin', 'lead'],
  'staff.update': ['admin', 'lead'],
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.setPassword': ['admin'],
  'settings.get': 'signedIn',
  'settings.setDeviceOffice': ['admin'],
  'settings.renameCooperation': ['admin'],
  'settings.setRotaLimits': ['lead', 'admin'],
  'settings.setAutoLock': ['admin'],
  'backups.list': ['admin'],
  'backups.create': ['admin'],
  'backups.restore': ['admin'],
  'rota.week': 'signedIn',
  'rota.createShift': ['lead', 'admin'],
  'rota.updateShift': ['lead', 'admin'],
  'rota.removeShift': ['lead', 'admin'],
  'rota.changeOccurrence': ['lead', 'admin'],
  'rota.removeOccurrence': ['lead', 'admin'],
  'rota.restoreOccurrence': ['lead', 'admin'],
  'rota.createAbsence': ['lead', 'admin'],
  'rota.updateAbsence': ['lead', 'admin'],
  'rota.removeAbsence': ['lead', 'admin'],
  'rota.listPatterns': 'signedIn',
  'rota.createPattern': ['lead', 'admin'],
  'rota.updatePattern': ['lead', 'admin'],
  'rota.removePattern': ['lead', 'admin'],
  'rota.copyWeek': ['lead', 'admin'],
  'rota.exportIcs': 'signedIn',
  'rota.publishWeeks': ['lead', 'admin'],
  'rota.makeDraft': ['lead', 'admin'],
  'rota.markNoticeRead': 'signedIn',
  'rota.coverCandidates': ['lead', 'admin'],
  'rota.bookCover': ['lead', 'admin'],
  'overview.week': 'signedIn',
  'overview.today': 'signedIn',
  'competence.types': 'signedIn',
  'competence.createType': ['lead', 'admin'],
  'competence.updateType': ['lead', 'admin'],
  'competence.removeType': ['lead', 'admin'],
  'competence.records': 'signedIn',
  'competence.addRecord': ['lead', 'admin'],
  'competence.updateRecord': ['lead', 'admin'],
  'competence.removeRecord': ['lead', 'admin'],
  'competence.expiring': ['lead', 'admin', 'doctor'],
  'competence.matrix': ['lead', 'admin', 'doctor'],
  'competence.coverage': 'signedIn',
  'competence.exportCsv': ['lead', 'admin', 'doctor'],
  'routines.list': 'signedIn',
  'routines.get': 'signedIn',
  'routines.create': ['doctor'],
  'routines.update': ['doctor'],
  'routines.activate': ['doctor'],
  'routines.retire': ['doctor'],
  'routines.recordAuthorisation': ['doctor'],
  'routines.check': 'signedIn',
  'routines.confirmRead': ['nurse'],
  'consultations.formContext': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.routineOptions': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.icpc2Codes': 'signedIn',
  'consultations.create': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.amend': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.cancel': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.list': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.get': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.reveal': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.searchByIdentity': ['receptionist', 'nurse', 'doctor', 'lead'],
  'consultations.statistics': ['lead', 'doctor', 'admin'],
  'prescriptions.toSign': ['doctor'],
  'prescriptions.mine': ['receptionist', 'nurse', 'doctor', 'lead'],
  'prescriptions.flagged': ['lead'],
  'prescriptions.answer': ['doctor'],
  'requests.inbox': 'signedIn',
  'requests.myShifts': 'signedIn',
  'requests.publishOpenShift': ['lead', 'admin'],
  'requests.ask': 'signedIn',
  'requests.offerSwap': 'signedIn',
  'requests.acceptSwap': 'signedIn',
  'requests.requestLeave': 'signedIn',
  'requests.withdraw': 'signedIn',
  'requests.preview': ['lead', 'admin'],
  'requests.decide': ['lead', 'admin'],
  'consultations.exportStatistics': ['lead', 'doctor', 'admin'],
  'consultations.icpc2ImportPreview': ['lead', 'admin'],
  'consultations.icpc2Import': ['lead', 'admin'],
  'consultations.retentionPreview': ['admin'],
  'consultations.anonymise': ['admin'],
  'consultations.setRetention': ['admin'],
  'audit.list': ['admin'],
  'audit.patientAccess': ['admin'],
  'audit.accessReport': ['admin'],
  'audit.ownLog': 'signedIn',
  'logReview.list': ['admin'],
  'logReview.get': ['admin'],
  'logReview.draw': ['admin'],
  'logReview.mark': ['admin'],
  'sync.status': 'public',
  'sync.now': 'signedIn',
  'sync.enrol': ['admin'],
  'sync.enrolNewDevice': 'public',
  'sync.forget': ['admin'],
  'sync.localData': ['admin'],
  'sync.devices': ['admin'],
  'sync.createEnrolmentCode': ['admin'],
  'sync.revokeDevice': ['admin'],
  'sync.setDeviceOffices': ['admin'],
  'sync.checkAgreement': 'signedIn',
  'sync.repair': ['admin'],
  'trust.fingerprint': 'signedIn',
  'trust.review': ['admin'],
};

let store: ReturnType<typeof openTempStore>;
let backend: Backend;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  store = openTempStore();
  backend = createBackend({ store, sync: createLocalOnlySync(store) });
  await seedSignedCooperation(store, ROLES.map((role) => ({ username: role, roles: [role] })), 'riktig-passord');
  for (const role of ROLES) {
    const result = await backend.call({ method: 'session.signIn', input: { username: role, password: 'riktig-passord' }, sessionToken: null });
    if (!result.ok) throw new Error(`sign-in as ${role} failed`);
    tokens.set(role, (result.value as { sessionToken: string }).sessionToken);
  }
});
afterAll(() => store.close());

describe('role matrix', () => {
  it('has a row for every handler and no row for a handler that does not exist', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [method, access] of Object.entries(EXPECTED)) {
    it(`${method}: ${Array.isArray(access) ? access.join(', ') : access}`, async () => {
      // Without a session: only public handlers get past the access check.
      const anonymous = await backend.call({ method, input: {}, sessionToken: null });
      if (access === 'public') expect(anonymous.ok || anonymous.error.code !== 'auth.signInRequired').toBe(true);
      else expect(anonymous).toEqual({ ok: false, error: { code: 'auth.signInRequired' } });

      for (const role of ROLES) {
        // Empty input: allowed callers fail validation (or succeed), forbidden ones never reach it.
        const result = await backend.call({ method, input: {}, sessionToken: tokens.get(role)! });
        const allowed = access === 'public' || access === 'signedIn' || access.includes(role);
        const forbidden = !result.ok && result.error.code === 'auth.forbidden';
        expect({ role, forbidden }).toEqual({ role, forbidden: !allowed });
        if (method === 'session.signOut' && result.ok) {
          const again = await backend.call({ method: 'session.signIn', input: { username: role, password: 'riktig-passord' }, sessionToken: null });
          if (again.ok) tokens.set(role, (again.value as { sessionToken: string }).sessionToken);
        }
      }
    });
  }
});
