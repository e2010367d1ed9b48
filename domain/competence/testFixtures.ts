// Test-only builders for competence types, records and fictional staff.
import type { CompetenceStaff, CompetenceType, StaffCompetence } from './types';

let counter = 0;

export function competenceType(fields: Partial<CompetenceType> & Pick<CompetenceType, 'id' | 'name'>): CompetenceType {
  return { category: 'course', renewalMonths: 24, appliesTo: ['doctor', 'doctorInTraining', 'nurse'], requiredFor: [], description: null, ...fields };
}

/** A record with a fresh, increasing id unless one is given. */
export function record(fields: Partial<StaffCompetence> & Pick<StaffCompetence, 'staffId' | 'competenceTypeId' | 'obtained'>): StaffCompetence {
  counter += 1;
  return { id: `r${String(counter).padStart(5, '0')}`, expiresOn: null, evidenceRef: null, verifiedBy: null, note: null, ...fields };
}

export const AKUTT = competenceType({ id: 't-akutt', name: 'Akuttmedisinkurs', requiredFor: ['legevakt', 'emergencyNurse'] });
export const VOLD = competenceType({ id: 't-vold', name: 'Vold- og overgrepskurs', renewalMonths: null, requiredFor: ['legevakt'] });
export const HLR = competenceType({ id: 't-hlr', name: 'HLR/AHLR', renewalMonths: 12, appliesTo: ['doctor', 'doctorInTraining', 'nurse', 'secretary', 'other'] });
export const TRIAGE = competenceType({ id: 't-triage', name: 'Triagekurs', renewalMonths: 36, appliesTo: ['nurse', 'secretary'] });
export const SPESIALIST = competenceType({ id: 't-spes', name: 'Spesialist i allmennmedisin', category: 'specialism', renewalMonths: null, appliesTo: ['doctor'] });
export const TYPES: CompetenceType[] = [AKUTT, VOLD, HLR, TRIAGE, SPESIALIST];

export const NURSE: CompetenceStaff = { id: 'n1', name: 'Gunn Berg', profession: 'nurse' };
export const NURSE_2: CompetenceStaff = { id: 'n2', name: 'Hege Moe', profession: 'nurse' };
export const DOCTOR: CompetenceStaff = { id: 'd1', name: 'Astrid Lyng', profession: 'doctor' };
export const SECRETARY: CompetenceStaff = { id: 'sec', name: 'Lise Dahl', profession: 'secretary' };
export const STAFF: CompetenceStaff[] = [NURSE, NURSE_2, DOCTOR, SECRETARY];
