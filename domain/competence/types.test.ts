// Tests for the competence input schemas and the example competence types.
import { describe, expect, it } from 'vitest';
import { validate } from '../validation';
import { EXAMPLE_COMPETENCE_KEYS, EXAMPLE_COMPETENCE_TYPES, exampleCompetenceTypes } from './examples';
import { competenceTypeInputSchema, staffCompetenceInputSchema } from './types';

const STAFF = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const LEAD = '0190a1b2-c3d4-7e5f-9a9b-0c1d2e3f4a5c';
const TYPE = '0190a1b2-c3d4-7e5f-aa9b-0c1d2e3f4a5d';

describe('competence type input', () => {
  const valid = { name: ' Akuttmedisinkurs ', category: 'course', renewalMonths: 24, appliesTo: ['nurse', 'doctor', 'nurse'], requiredFor: ['emergencyNurse', 'legevakt'] };

  it('normalises name, list order and duplicates; missing renewal and duties become null and []', () => {
    expect(competenceTypeInputSchema.parse(valid)).toEqual({
      name: 'Akuttmedisinkurs',
      category: 'course',
      renewalMonths: 24,
      appliesTo: ['doctor', 'nurse'],
      requiredFor: ['legevakt', 'emergencyNurse'],
      description: null,
    });
    const minimal = competenceTypeInputSchema.parse({ name: 'Spesialist', category: 'specialism', appliesTo: ['doctor'] });
    expect(minimal.renewalMonths).toBeNull();
    expect(minimal.requiredFor).toEqual([]);
  });

  it('reports field error codes', () => {
    expect(validate(competenceTypeInputSchema, { ...valid, name: '', category: 'diploma', renewalMonths: 0, appliesTo: [] })).toEqual({
      ok: false,
      fields: { name: 'required', category: 'invalidChoice', renewalMonths: 'outOfRange', appliesTo: 'required' },
    });
    expect(validate(competenceTypeInputSchema, { ...valid, renewalMonths: 1.5, requiredFor: ['kiosk'] })).toEqual({
      ok: false,
      fields: { renewalMonths: 'invalidFormat', 'requiredFor.0': 'invalidChoice' },
    });
    expect(validate(competenceTypeInputSchema, { ...valid, appliesTo: ['pilot'] })).toEqual({ ok: false, fields: { 'appliesTo.0': 'invalidChoice' } });
  });
});

describe('staff competence input', () => {
  const valid = { staffId: STAFF, competenceTypeId: TYPE, obtained: '2024-10-01', expiresOn: '', evidenceRef: ' Kursbevis ', verifiedBy: LEAD, note: undefined };

  it('accepts a record; an empty expiry is null (to be computed)', () => {
    expect(staffCompetenceInputSchema.parse(valid)).toEqual({ ...valid, expiresOn: null, evidenceRef: 'Kursbevis', note: null });
    expect(staffCompetenceInputSchema.parse({ ...valid, expiresOn: '2024-10-01' }).expiresOn).toBe('2024-10-01');
  });

  it('refuses an expiry before the obtained date, bad dates and self-verification', () => {
    expect(validate(staffCompetenceInputSchema, { ...valid, expiresOn: '2024-09-30' })).toEqual({ ok: false, fields: { expiresOn: 'timeOrder' } });
    expect(validate(staffCompetenceInputSchema, { ...valid, obtained: '2024-02-30' })).toEqual({ ok: false, fields: { obtained: 'invalidFormat' } });
    expect(validate(staffCompetenceInputSchema, { ...valid, expiresOn: '2026-13-01' })).toEqual({ ok: false, fields: { expiresOn: 'invalidFormat' } });
    expect(validate(staffCompetenceInputSchema, { ...valid, expiresOn: 20261001 })).toEqual({ ok: false, fields: { expiresOn: 'invalidFormat' } });
    expect(validate(staffCompetenceInputSchema, { ...valid, verifiedBy: STAFF })).toEqual({ ok: false, fields: { verifiedBy: 'invalidChoice' } });
    expect(validate(staffCompetenceInputSchema, { ...valid, staffId: 'x', obtained: undefined })).toEqual({ ok: false, fields: { staffId: 'invalidFormat', obtained: 'required' } });
  });
});

describe('example competence types', () => {
  it('are valid input and match the agreed requirements', () => {
    for (const key of EXAMPLE_COMPETENCE_KEYS) expect(competenceTypeInputSchema.parse(EXAMPLE_COMPETENCE_TYPES[key])).toEqual(EXAMPLE_COMPETENCE_TYPES[key]);
    expect(EXAMPLE_COMPETENCE_TYPES.akuttmedisinkurs).toMatchObject({ renewalMonths: 24, requiredFor: ['legevakt', 'emergencyNurse'] });
    expect(EXAMPLE_COMPETENCE_TYPES.voldOgOvergrep.requiredFor).toEqual(['legevakt']);
    expect(EXAMPLE_COMPETENCE_TYPES.hlr.renewalMonths).toBe(12);
    expect(EXAMPLE_COMPETENCE_TYPES.spesialistAllmenn).toMatchObject({ category: 'specialism', renewalMonths: null });
    expect(EXAMPLE_COMPETENCE_TYPES.lisAlis.renewalMonths).toBeNull();
  });

  it('get fresh ids', () => {
    let n = 0;
    const types = exampleCompetenceTypes(() => `id-${++n}`);
    expect(Object.keys(types)).toEqual([...EXAMPLE_COMPETENCE_KEYS]);
    expect(new Set(Object.values(types).map((type) => type.id)).size).toBe(EXAMPLE_COMPETENCE_KEYS.length);
    expect(types.akuttmedisinkurs.name).toBe('Akuttmedisinkurs');
  });
});
