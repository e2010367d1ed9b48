// Tests for the supervising-doctor read-model on the example data: names, office, end of shift and phone from the stored rota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import { osloToUtcMs } from '../../domain/calendar/oslo';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';
import { supervisingDoctorAt } from './supervising-doctor';

// A Wednesday well after the example rota's weeks, so only the shifts made here count.
const WEDNESDAY = '2031-01-15';
let example: ExampleBackend;
let lead: string;
let staff: { id: string; name: string; baseOfficeId: string | null; profession: string; hprNumber: string | null; homeMunicipality: string | null; positionPercent: number; active: boolean }[];
let offices: { id: string; name: string }[];
const person = (name: string) => staff.find((s) => s.name === name)!;
const office = (name: string) => offices.find((o) => o.name.startsWith(name))!.id;

beforeAll(async () => {
  example = await openExampleBackend(() => new Date(osloToUtcMs(WEDNESDAY, '09:00')));
  lead = await example.signIn('leder');
  staff = await example.ok('staff.list', {}, lead);
  offices = await example.ok('offices.list', {}, lead);
});
afterAll(() => example.store.close());

describe('supervisingDoctorAt', () => {
  it('names the doctor on site with office, end of shift and phone, and the legevakt doctor across midnight', async () => {
    const kari = person('Kari Elvenes');
    const { id: _id, ...kariValues } = kari;
    await example.ok('staff.update', { ...kariValues, id: kari.id, phone: '911 22 333' }, lead);
    await example.ok('rota.createShift', { staffId: kari.id, officeId: office('Namsskogan'), date: WEDNESDAY, start: '08:00', end: '15:30', kind: 'clinic', note: null }, lead);
    await example.ok('rota.createShift', { staffId: person('Anders Tunheim').id, officeId: office('Grong'), date: WEDNESDAY, start: '16:00', end: '08:00', kind: 'legevakt', note: null }, lead);

    expect(supervisingDoctorAt(example.store, office('Namsskogan'), new Date(osloToUtcMs(WEDNESDAY, '10:00')))).toEqual({
      kind: 'onSite',
      staffId: kari.id,
      name: 'Kari Elvenes',
      officeId: office('Namsskogan'),
      officeName: 'Namsskogan legekontor',
      until: new Date(osloToUtcMs(WEDNESDAY, '15:30')).toISOString(),
      phone: '911 22 333',
    });
    const night = supervisingDoctorAt(example.store, office('Namsskogan'), new Date(osloToUtcMs(addDays(WEDNESDAY, 1), '02:00')));
    expect(night).toMatchObject({ kind: 'none', legevakt: { name: 'Anders Tunheim', until: new Date(osloToUtcMs(addDays(WEDNESDAY, 1), '08:00')).toISOString() } });
  });
});
