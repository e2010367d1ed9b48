// Tests for the staff × competence matrix and the expiring/expired list: states, not-applicable types, order and boundaries.
import { describe, expect, it } from 'vitest';
import { expiringWithin } from './expiring';
import { competenceMatrix } from './matrix';
import { AKUTT, DOCTOR, HLR, NURSE, NURSE_2, record, SECRETARY, SPESIALIST, STAFF, TRIAGE, TYPES, VOLD } from './testFixtures';

const ON = '2026-06-01';

const records = [
  record({ staffId: NURSE.id, competenceTypeId: AKUTT.id, obtained: '2024-06-15', expiresOn: '2026-06-15' }), // expiring, 14 days
  record({ staffId: NURSE.id, competenceTypeId: HLR.id, obtained: '2025-01-10', expiresOn: '2026-01-10' }), // expired
  record({ staffId: NURSE.id, competenceTypeId: VOLD.id, obtained: '2020-02-02', expiresOn: null }), // valid, no expiry
  record({ staffId: NURSE_2.id, competenceTypeId: AKUTT.id, obtained: '2025-05-01', expiresOn: '2027-05-01' }), // valid
  record({ staffId: NURSE_2.id, competenceTypeId: HLR.id, obtained: '2025-07-31', expiresOn: '2026-07-31' }), // expiring, 60 days
  record({ staffId: NURSE_2.id, competenceTypeId: TRIAGE.id, obtained: '2023-08-01', expiresOn: '2026-08-01' }), // valid, 61 days
  record({ staffId: DOCTOR.id, competenceTypeId: AKUTT.id, obtained: '2024-05-31', expiresOn: '2026-05-31' }), // expired yesterday
  record({ staffId: DOCTOR.id, competenceTypeId: SPESIALIST.id, obtained: '2015-03-01', expiresOn: null }),
  record({ staffId: SECRETARY.id, competenceTypeId: AKUTT.id, obtained: '2020-01-01', expiresOn: '2022-01-01' }), // not applicable
  record({ staffId: SECRETARY.id, competenceTypeId: HLR.id, obtained: '2026-06-02', expiresOn: '2027-06-02' }), // obtained after ON
];

describe('competenceMatrix', () => {
  const matrix = competenceMatrix(STAFF, TYPES, records, ON);
  const states = (staffId: string) => matrix.rows.find((row) => row.staffId === staffId)?.cells.map((cell) => cell.state);

  it('keeps the order of staff and types given', () => {
    expect(matrix.rows.map((row) => row.staffId)).toEqual(STAFF.map((member) => member.id));
    expect(matrix.types.map((type) => type.id)).toEqual(TYPES.map((type) => type.id));
    expect(matrix.onDate).toBe(ON);
    expect(matrix.warnDays).toBe(60);
  });

  it('gives each cell its state, with notApplicable for types outside the profession', () => {
    // TYPES: akutt, vold, hlr, triage, spesialist
    expect(states(NURSE.id)).toEqual(['expiring', 'valid', 'expired', 'missing', 'notApplicable']);
    expect(states(NURSE_2.id)).toEqual(['valid', 'missing', 'expiring', 'valid', 'notApplicable']);
    expect(states(DOCTOR.id)).toEqual(['expired', 'missing', 'missing', 'notApplicable', 'valid']);
    expect(states(SECRETARY.id)).toEqual(['notApplicable', 'notApplicable', 'missing', 'missing', 'notApplicable']);
  });

  it('carries expiry, days left, the record in force and counts', () => {
    const nurse = matrix.rows[0];
    expect(nurse?.cells[0]).toMatchObject({ competenceTypeId: AKUTT.id, expiresOn: '2026-06-15', daysLeft: 14, record: records[0] });
    expect(nurse?.cells[3]).toEqual({ competenceTypeId: TRIAGE.id, state: 'missing', expiresOn: null, daysLeft: null, record: null });
    expect(nurse?.counts).toEqual({ valid: 1, expiring: 1, expired: 1, missing: 1, notApplicable: 1 });
    expect(matrix.rows[3]?.cells[0]).toMatchObject({ state: 'notApplicable', record: null });
  });

  it('uses the warning window given', () => {
    const narrow = competenceMatrix([NURSE], [AKUTT], records, ON, 7);
    expect(narrow.rows[0]?.cells[0]?.state).toBe('valid');
  });
});

describe('expiringWithin', () => {
  it('lists expired (longest first) then expiring (soonest first) within the window, never missing or not applicable', () => {
    const list = expiringWithin(records, TYPES, STAFF, ON, 60);
    expect(list.map((entry) => [entry.staffName, entry.competenceName, entry.state, entry.expiresOn, entry.daysLeft])).toEqual([
      ['Gunn Berg', 'HLR/AHLR', 'expired', '2026-01-10', -142],
      ['Astrid Lyng', 'Akuttmedisinkurs', 'expired', '2026-05-31', -1],
      ['Gunn Berg', 'Akuttmedisinkurs', 'expiring', '2026-06-15', 14],
      ['Hege Moe', 'HLR/AHLR', 'expiring', '2026-07-31', 60],
    ]);
  });

  it('moves the boundary with the number of days', () => {
    const list = expiringWithin(records, TYPES, STAFF, ON, 61);
    expect(list.map((entry) => entry.expiresOn)).toContain('2026-08-01');
    expect(expiringWithin(records, TYPES, STAFF, ON, 13).filter((entry) => entry.state === 'expiring')).toEqual([]);
    expect(expiringWithin(records, TYPES, STAFF, ON, 14).filter((entry) => entry.state === 'expiring')).toHaveLength(1);
  });

  it('drops an expired record once a renewal is in force, and sorts ties by name', () => {
    const renewed = [...records, record({ staffId: NURSE.id, competenceTypeId: HLR.id, obtained: '2026-05-20', expiresOn: '2027-05-20' })];
    expect(expiringWithin(renewed, TYPES, STAFF, ON).some((entry) => entry.staffId === NURSE.id && entry.competenceTypeId === HLR.id)).toBe(false);
    const tie = [
      record({ staffId: NURSE_2.id, competenceTypeId: VOLD.id, obtained: '2020-01-01', expiresOn: '2026-06-10' }),
      record({ staffId: NURSE.id, competenceTypeId: VOLD.id, obtained: '2020-01-01', expiresOn: '2026-06-10' }),
      record({ staffId: NURSE.id, competenceTypeId: AKUTT.id, obtained: '2020-01-01', expiresOn: '2026-06-10' }),
    ];
    expect(expiringWithin(tie, TYPES, STAFF, ON).map((entry) => `${entry.staffName}/${entry.competenceName}`)).toEqual([
      'Gunn Berg/Akuttmedisinkurs',
      'Gunn Berg/Vold- og overgrepskurs',
      'Hege Moe/Vold- og overgrepskurs',
    ]);
  });
});
