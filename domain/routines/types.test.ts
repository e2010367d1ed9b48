// Tests for routine schemas (ICPC-2 and ATC formats, criteria, medicine, dates, stored-version invariants) and the example routines.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COMPETENCE_KEYS, exampleCompetenceTypes } from '../competence/examples';
import { competenceTypeInputSchema } from '../competence/types';
import { validate } from '../validation';
import { EXAMPLE_MARK, EXAMPLE_ROUTINES, exampleRoutines, isExampleRoutine, titleForPicker } from './examples';
import { canActivate } from './versions';
import { atcCodeSchema, icpc2CodeSchema, isAtcCode, isIcpc2Code, routineContent, routineContentSchema, routineSchema } from './types';
import { routine, uuid } from './testFixtures';

describe('ICPC-2 codes', () => {
  it.each(['U71', 'R72', 'S18', 'A92', 'H01', 'Z29', 'A01'])('accepts %s', (code) => expect(isIcpc2Code(code)).toBe(true));
  it.each(['U7', 'U711', '71U', 'C71', 'I10', 'E11', 'A00', 'U71.1', ' U71', ''])('rejects %j', (code) => expect(isIcpc2Code(code)).toBe(false));
  it('trims and upper-cases input', () => {
    expect(icpc2CodeSchema.parse(' u71 ')).toBe('U71');
    expect(validate(icpc2CodeSchema, 'Q71')).toEqual({ ok: false, fields: { _: 'invalidFormat' } });
    expect(validate(icpc2CodeSchema, 71)).toEqual({ ok: false, fields: { _: 'invalidFormat' } });
  });
});

describe('ATC codes', () => {
  it.each(['J01XX08', 'J01CA08', 'R06AE07', 'N02BE01', 'J07AM51'])('accepts %s', (code) => expect(isAtcCode(code)).toBe(true));
  it.each(['J01XX8', 'J01X08', 'J01', 'J01CA', 'E01CA08', '101CA08', 'J01CA088', ''])('rejects %j', (code) => expect(isAtcCode(code)).toBe(false));
  it('trims and upper-cases input', () => expect(atcCodeSchema.parse(' j01ca08')).toBe('J01CA08'));
});

describe('routine content', () => {
  const valid = routineContent(routine());

  it('accepts complete content and removes duplicate codes and competence ids', () => {
    const parsed = routineContentSchema.parse({ ...valid, icpc2Codes: ['u71', 'U71'], requiredCompetenceTypeIds: [uuid(20), uuid(20)] });
    expect(parsed.icpc2Codes).toEqual(['U71']);
    expect(parsed.requiredCompetenceTypeIds).toEqual([uuid(20)]);
    expect(routineContentSchema.parse({ ...valid, requiredCompetenceTypeIds: undefined }).requiredCompetenceTypeIds).toEqual([]);
    expect(routineContentSchema.parse({ ...valid, medicine: { ...valid.medicine, durationDays: null } }).medicine.durationDays).toBeNull();
  });

  it('reports field error codes for codes, lists, criteria, medicine and choices', () => {
    expect(
      validate(routineContentSchema, {
        ...valid,
        title: ' ',
        icpc2Codes: [],
        inclusionCriteria: [''],
        exclusionCriteria: [{ text: 'Feber' }],
        medicine: { ...valid.medicine, atcCode: 'J01XX', durationDays: 0 },
        nurseMay: 'prescribe',
        responsibleDoctorId: 'dr',
      }),
    ).toEqual({
      ok: false,
      fields: {
        title: 'required',
        icpc2Codes: 'required',
        'inclusionCriteria.0': 'required',
        'exclusionCriteria.0.redFlag': 'invalidFormat',
        'medicine.atcCode': 'invalidFormat',
        'medicine.durationDays': 'outOfRange',
        nurseMay: 'invalidChoice',
        responsibleDoctorId: 'invalidFormat',
      },
    });
    expect(validate(routineContentSchema, { ...valid, exclusionCriteria: [] })).toEqual({ ok: false, fields: { exclusionCriteria: 'required' } });
  });

  it('requires validFrom ≤ reviewDate ≤ expiresOn (same day allowed)', () => {
    expect(routineContentSchema.safeParse({ ...valid, validFrom: '2026-01-01', reviewDate: '2026-01-01', expiresOn: '2026-01-01' }).success).toBe(true);
    expect(validate(routineContentSchema, { ...valid, reviewDate: '2025-12-31' })).toEqual({ ok: false, fields: { reviewDate: 'timeOrder' } });
    expect(validate(routineContentSchema, { ...valid, expiresOn: '2026-12-30' })).toEqual({ ok: false, fields: { expiresOn: 'timeOrder' } });
  });
});

describe('stored routine version', () => {
  it('accepts the fixture and checks version, status and retirement fields together', () => {
    expect(routineSchema.safeParse(routine()).success).toBe(true);
    expect(validate(routineSchema, routine({ version: 0 }))).toEqual({ ok: false, fields: { version: 'outOfRange' } });
    expect(validate(routineSchema, routine({ status: 'retired' }))).toEqual({ ok: false, fields: { retiredFrom: 'invalidChoice' } });
    expect(validate(routineSchema, routine({ retiredFrom: '2026-05-01' }))).toEqual({ ok: false, fields: { retiredFrom: 'invalidChoice' } });
    expect(validate(routineSchema, routine({ version: 3, status: 'retired', retiredFrom: '2026-05-01', supersededByVersion: 3 }))).toEqual({
      ok: false,
      fields: { supersededByVersion: 'outOfRange' },
    });
  });
});

describe('example routines', () => {
  let n = 0;
  const newId = () => uuid(7000 + ++n);
  const types = exampleCompetenceTypes(newId);
  const ids = Object.fromEntries(EXAMPLE_COMPETENCE_KEYS.map((key) => [key, types[key].id]));
  const routines = exampleRoutines({ newId, responsibleDoctorId: uuid(3), competenceTypeIds: ids, validFrom: '2026-01-31' });

  it('are 4–6 valid, marked, active version-1 routines with distinct ids', () => {
    expect(routines.length).toBeGreaterThanOrEqual(4);
    expect(routines.length).toBeLessThanOrEqual(6);
    for (const example of routines) {
      expect(routineSchema.parse(example)).toEqual(example);
      expect(example.title.startsWith(`${EXAMPLE_MARK}: `)).toBe(true);
      expect(example.indication).toContain(EXAMPLE_MARK);
      expect(isExampleRoutine(example)).toBe(true);
      expect(example).toMatchObject({ version: 1, status: 'active', validFrom: '2026-01-31', reviewDate: '2027-01-31', expiresOn: '2028-01-31' });
      expect(example.requiredCompetenceTypeIds.length).toBeGreaterThan(0);
      expect(example.exclusionCriteria.some((criterion) => criterion.redFlag)).toBe(true);
    }
    expect(new Set(routines.flatMap((example) => [example.id, example.routineId])).size).toBe(routines.length * 2);
    expect(isExampleRoutine(routine())).toBe(false);
  });

  it('include the cystitis routine with the agreed exclusions', () => {
    const cystitis = routines.find((example) => example.icpc2Codes.includes('U71'));
    const texts = cystitis?.exclusionCriteria.map((criterion) => criterion.text.toLowerCase()).join(' | ') ?? '';
    for (const word of ['feber', 'flank', 'gravid', 'mann', 'nyresykdom', 'residiv']) expect(texts).toContain(word);
    expect(cystitis?.requiredCompetenceTypeIds).toEqual([types.akuttmedisinkurs.id]);
  });

  it('leave out competence keys without an id, and can be drafts a doctor may activate', () => {
    const drafts = exampleRoutines({ newId, responsibleDoctorId: uuid(3), competenceTypeIds: {}, validFrom: '2026-06-01', status: 'draft' });
    expect(drafts.every((example) => example.requiredCompetenceTypeIds.length === 0 && example.status === 'draft')).toBe(true);
    for (const draft of drafts) expect(canActivate(draft, ['doctor'], '2026-06-01')).toEqual({ allowed: true });
    expect(EXAMPLE_ROUTINES.length).toBe(routines.length);
    expect(competenceTypeInputSchema.safeParse(types.akuttmedisinkurs).success).toBe(true);
  });
});

describe('titleForPicker', () => {
  it('drops the example prefix so the name is not cut off, and says it is an example at the end', () => {
    expect(titleForPicker(`${EXAMPLE_MARK}: Ukomplisert blærekatarr hos ikke-gravide kvinner`, 'Eksempel')).toBe('Ukomplisert blærekatarr hos ikke-gravide kvinner (Eksempel)');
    expect(titleForPicker('Insektstikk hos voksne', 'Eksempel')).toBe('Insektstikk hos voksne');
  });
});
