// Tests that every role a handler lets call it may also write, by the one permission table, the tables that handler writes.
import { describe, expect, it } from 'vitest';
import { mayWriteTable, PERMISSIONS } from '../domain/trust/permissions';
import type { Role } from '../domain/roles';
import { findHandler, METHOD_NAMES } from './handlers/index';

/** Retention's anonymising overwrites erasable columns of write-once rows: the table's `erasable.by` roles, not its writers. */
type Written = string | { erase: string };

/**
 * The synced tables each writing handler writes (audit events aside: anyone may add their own). A handler with a
 * `changes` area must be listed, so a new one cannot slip past this test.
 */
const WRITES: Record<string, readonly Written[]> = {
  'audit.patientAccess': ['audit_events'],
  'backups.create': ['audit_events'],
  'backups.restore': ['audit_events'],
  'competence.createType': ['competence_types'],
  'competence.updateType': ['competence_types'],
  'competence.removeType': ['competence_types'],
  'competence.addRecord': ['staff_competences'],
  'competence.updateRecord': ['staff_competences'],
  'competence.removeRecord': ['staff_competences'],
  'consultations.create': ['consultations', 'consultation_facts', 'prescription_requests'],
  'consultations.amend': ['consultation_amendments', 'consultation_facts'],
  'consultations.cancel': ['consultation_amendments', 'consultation_facts'],
  'consultations.reveal': ['audit_events'],
  'consultations.searchByIdentity': ['audit_events'],
  'consultations.exportStatistics': ['audit_events'],
  'consultations.icpc2Import': ['icpc2_codes'],
  'consultations.anonymise': [{ erase: 'consultations' }, { erase: 'consultation_amendments' }, { erase: 'prescription_answers' }],
  'consultations.setRetention': ['cooperation'],
  'prescriptions.answer': ['prescription_answers'],
  'requests.publishOpenShift': ['open_shifts'],
  'requests.ask': ['request_responses'],
  'requests.offerSwap': ['staff_requests'],
  'requests.acceptSwap': ['request_responses'],
  'requests.requestLeave': ['staff_requests'],
  'requests.withdraw': ['request_responses'],
  'requests.decide': ['request_decisions', 'shifts', 'absences', 'rota_pattern_exceptions'],
  'audit.accessReport': ['audit_events'],
  'logReview.draw': ['log_reviews', 'audit_events'],
  'logReview.mark': ['log_review_marks'],
  'offices.create': ['offices'],
  'offices.update': ['offices'],
  'offices.remove': ['offices'],
  'rota.createShift': ['shifts'],
  'rota.updateShift': ['shifts'],
  'rota.removeShift': ['shifts'],
  'rota.copyWeek': ['shifts'],
  'rota.changeOccurrence': ['rota_pattern_exceptions'],
  'rota.removeOccurrence': ['rota_pattern_exceptions'],
  'rota.restoreOccurrence': ['rota_pattern_exceptions'],
  'rota.createAbsence': ['absences'],
  'rota.updateAbsence': ['absences'],
  'rota.removeAbsence': ['absences'],
  'rota.createPattern': ['rota_patterns'],
  'rota.updatePattern': ['rota_patterns'],
  'rota.removePattern': ['rota_patterns'],
  'rota.publishWeeks': ['rota_publications', 'rota_notices'],
  'rota.bookCover': ['shifts', 'rota_pattern_exceptions', 'rota_notices'],
  'rota.makeDraft': ['rota_publications'],
  'rota.markNoticeRead': ['rota_notice_reads'],
  'routines.create': ['routines'],
  'routines.update': ['routines'],
  'routines.activate': ['routines'],
  'routines.retire': ['routines'],
  'routines.recordAuthorisation': ['routine_authorisations'],
  'routines.confirmRead': ['routine_confirmations'],
  'settings.setDeviceOffice': [],
  'settings.setAutoLock': ['audit_events'],
  'settings.renameCooperation': ['cooperation'],
  'settings.setRotaLimits': ['cooperation'],
  'staff.create': ['staff'],
  'staff.update': ['staff'],
  'sync.enrol': ['audit_events'],
  'sync.forget': [],
  'sync.createEnrolmentCode': ['audit_events'],
  'sync.revokeDevice': ['audit_events'],
  'sync.setDeviceOffices': ['audit_events'],
  // Reads digests; the sync cycle it runs merges, which is not the caller writing.
  'sync.checkAgreement': [],
  // The repair's audit event is the computer's own (device-signed, DEVICE_MAY).
  'sync.repair': [],
  'users.create': ['users', 'authority_records'],
  'users.update': ['users', 'authority_records'],
  'users.setPassword': ['users', 'authority_records'],
};

function mayWrite(role: Role, written: Written): boolean {
  if (typeof written === 'string') return mayWriteTable([role], written);
  return PERMISSIONS[written.erase]?.erasable?.by.includes(role) === true;
}

describe('handlers and the permission table', () => {
  it('lists the tables of every handler that writes', () => {
    const writing = METHOD_NAMES.filter((method) => {
      const handler = findHandler(method)!;
      return handler.changes !== undefined && handler.access !== 'public';
    });
    expect(writing.filter((method) => !Object.hasOwn(WRITES, method))).toEqual([]);
  });

  it('lets every role a handler admits write what the handler writes', () => {
    const refused: string[] = [];
    for (const [method, tables] of Object.entries(WRITES)) {
      const handler = findHandler(method);
      if (!handler || !Array.isArray(handler.access)) continue;
      for (const role of handler.access as readonly Role[]) {
        for (const written of tables) if (!mayWrite(role, written)) refused.push(`${method}: ${role} may not write ${typeof written === 'string' ? written : written.erase}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
