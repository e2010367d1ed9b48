// Tests for duty competence (legevakt, emergency nurse) with reasons, and the isEmergencyNurse lookup the rota uses.
import { describe, expect, it } from 'vitest';
import { competenceCoverage, competenceProblems } from './coverage';
import { indexCompetence } from './state';
import { AKUTT, competenceType, DOCTOR, HLR, NURSE, NURSE_2, record, SECRETARY, STAFF, TYPES, VOLD } from './testFixtures';

const records = [
  record({ staffId: NURSE.id, competenceTypeId: AKUTT.id, obtained: '2024-10-01', expiresOn: '2026-10-01' }),
  record({ staffId: DOCTOR.id, competenceTypeId: AKUTT.id, obtained: '2025-01-01', expiresOn: '2027-01-01' }),
  record({ staffId: DOCTOR.id, competenceTypeId: VOLD.id, obtained: '2019-03-03', expiresOn: null }),
];
const coverage = competenceCoverage({ staff: STAFF, types: TYPES, records });

describe('isEmergencyNurse', () => {
  it('is true for a nurse whose required competences are valid that day, through the expiry date', () => {
    expect(coverage.isEmergencyNurse(NURSE.id, '2024-10-01')).toBe(true);
    expect(coverage.isEmergencyNurse(NURSE.id, '2026-10-01')).toBe(true);
    expect(coverage.isEmergencyNurse(NURSE.id, '2026-10-02')).toBe(false);
    expect(coverage.isEmergencyNurse(NURSE.id, '2024-09-30')).toBe(false);
  });

  it('is false for nurses without the competence, for other professions and for unknown people', () => {
    expect(coverage.isEmergencyNurse(NURSE_2.id, '2025-06-01')).toBe(false);
    expect(coverage.isEmergencyNurse(DOCTOR.id, '2025-06-01')).toBe(false);
    expect(coverage.isEmergencyNurse('nobody', '2025-06-01')).toBe(false);
  });

  it('is false for everyone when no competence is required for the duty (fail closed)', () => {
    const unconfigured = competenceCoverage({ staff: STAFF, types: [HLR], records: [record({ staffId: NURSE.id, competenceTypeId: HLR.id, obtained: '2025-01-01' })] });
    expect(unconfigured.isEmergencyNurse(NURSE.id, '2025-06-01')).toBe(false);
    expect(unconfigured.hasDutyCompetence(NURSE.id, 'emergencyNurse', '2025-06-01')).toEqual({
      qualified: false,
      reasons: [{ code: 'noRequirements', message: 'Ingen kompetanse i registeret er satt som krav for akuttmedisinsk sykepleier', competenceTypeId: null, competenceName: null, expiresOn: null }],
    });
  });

  it('requires every competence required for the duty', () => {
    const extra = competenceType({ id: 't-akuttsykepleie', name: 'Videreutdanning akuttsykepleie', renewalMonths: null, appliesTo: ['nurse'], requiredFor: ['emergencyNurse'] });
    const stricter = competenceCoverage({ staff: STAFF, types: [...TYPES, extra], records });
    expect(stricter.isEmergencyNurse(NURSE.id, '2025-06-01')).toBe(false);
    const withExtra = competenceCoverage({ staff: STAFF, types: [...TYPES, extra], records: [...records, record({ staffId: NURSE.id, competenceTypeId: extra.id, obtained: '2022-01-01' })] });
    expect(withExtra.isEmergencyNurse(NURSE.id, '2025-06-01')).toBe(true);
  });
});

describe('hasDutyCompetence', () => {
  it('qualifies a doctor with both legevakt courses', () => {
    expect(coverage.hasDutyCompetence(DOCTOR.id, 'legevakt', '2026-12-31')).toEqual({ qualified: true, reasons: [] });
  });

  it('lists every missing and expired competence with Norwegian reasons', () => {
    expect(coverage.hasDutyCompetence(NURSE.id, 'legevakt', '2026-10-02')).toEqual({
      qualified: false,
      reasons: [
        { code: 'competenceExpired', message: 'Akuttmedisinkurs utløp 01.10.2026', competenceTypeId: AKUTT.id, competenceName: 'Akuttmedisinkurs', expiresOn: '2026-10-01' },
        { code: 'competenceMissing', message: 'Vold- og overgrepskurs mangler', competenceTypeId: VOLD.id, competenceName: 'Vold- og overgrepskurs', expiresOn: null },
      ],
    });
    expect(coverage.hasDutyCompetence(DOCTOR.id, 'legevakt', '2027-01-02').reasons.map((r) => r.code)).toEqual(['competenceExpired']);
  });

  it('reports a profession that cannot hold the duty together with the competence reasons', () => {
    const result = coverage.hasDutyCompetence(SECRETARY.id, 'emergencyNurse', '2026-01-01');
    expect(result.qualified).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['wrongProfession', 'noRequirements']);
    expect(result.reasons[0]?.message).toBe('Lise Dahl kan ikke ha rollen akuttmedisinsk sykepleier (feil yrke)');
    expect(coverage.hasDutyCompetence('nobody', 'legevakt', '2026-01-01').reasons.map((r) => r.code)).toEqual(['unknownStaff']);
  });

  it('requires of each profession only the types that apply to it', () => {
    const doctorsOnly = competenceType({ id: 't-erfaring', name: 'Erfaring alene på vakt', renewalMonths: null, appliesTo: ['doctor'], requiredFor: ['legevakt'] });
    const withDoctorsOnly = competenceCoverage({ staff: STAFF, types: [...TYPES, doctorsOnly], records });
    expect(withDoctorsOnly.requiredFor('legevakt', 'nurse').map((type) => type.id)).toEqual([AKUTT.id, VOLD.id]);
    expect(withDoctorsOnly.requiredFor('legevakt', 'doctor').map((type) => type.id)).toEqual([AKUTT.id, VOLD.id, doctorsOnly.id]);
    expect(withDoctorsOnly.hasDutyCompetence(DOCTOR.id, 'legevakt', '2026-01-01').reasons.map((r) => r.message)).toEqual(['Erfaring alene på vakt mangler']);
  });
});

describe('competenceProblems', () => {
  it('reports a required type that is not in the register', () => {
    const problems = competenceProblems(indexCompetence(records), new Map([[AKUTT.id, AKUTT]]), NURSE.id, ['t-gone', AKUTT.id], '2025-01-01');
    expect(problems).toEqual([
      { code: 'competenceUnknown', message: 'Kompetansekravet finnes ikke i kompetanseregisteret (t-gone)', competenceTypeId: 't-gone', competenceName: null, expiresOn: null },
    ]);
  });
});
