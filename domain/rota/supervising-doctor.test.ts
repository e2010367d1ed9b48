// Unit tests for the supervising-doctor lookup: on site, video, none → legevakt, across midnight, absence.
import { describe, expect, it } from 'vitest';
import { osloToUtcMs } from '../calendar/oslo';
import { supervisingDoctor } from './supervising-doctor';
import type { SupervisingDoctorInput } from './supervising-doctor';
import { GRONG, LIERNE, NAMSSKOGAN, OFFICES, STAFF, absence, shift } from './testFixtures';

const MONDAY = '2026-11-30';
const TUESDAY = '2026-12-01';

function at(date: string, time: string, rest: Partial<SupervisingDoctorInput> = {}): SupervisingDoctorInput {
  return { shifts: [], absences: [], staff: STAFF, offices: OFFICES, officeId: NAMSSKOGAN, atMs: osloToUtcMs(date, time), ...rest };
}

describe('supervisingDoctor', () => {
  const onSite = shift({ staffId: 'd2', officeId: NAMSSKOGAN, date: MONDAY, start: '08:00', end: '15:30' });
  const video = shift({ staffId: 'd1', officeId: NAMSSKOGAN, date: MONDAY, start: '08:00', end: '16:00', kind: 'video' });
  const legevakt = shift({ staffId: 'd4', officeId: GRONG, date: MONDAY, start: '16:00', end: '08:00', kind: 'legevakt' });

  it('names the doctor on site at the office, with the end of the shift', () => {
    const result = supervisingDoctor(at(MONDAY, '10:00', { shifts: [video, onSite, legevakt] }));
    expect(result).toEqual({ kind: 'onSite', staffId: 'd2', officeId: NAMSSKOGAN, untilMs: osloToUtcMs(MONDAY, '15:30') });
  });

  it('names the doctor covering by video when nobody is on site', () => {
    const result = supervisingDoctor(at(MONDAY, '15:45', { shifts: [video, onSite] }));
    expect(result).toEqual({ kind: 'video', staffId: 'd1', officeId: NAMSSKOGAN, untilMs: osloToUtcMs(MONDAY, '16:00') });
  });

  it('says none and names the legevakt doctor on duty when no doctor covers the office', () => {
    const result = supervisingDoctor(at(MONDAY, '17:00', { shifts: [video, onSite, legevakt] }));
    expect(result).toEqual({ kind: 'none', legevakt: { staffId: 'd4', officeId: GRONG, untilMs: osloToUtcMs(TUESDAY, '08:00') } });
  });

  it('counts a legevakt shift that crossed midnight (16:00–08:00 covers 02:00 the next day)', () => {
    const result = supervisingDoctor(at(TUESDAY, '02:00', { shifts: [legevakt] }));
    expect(result).toEqual({ kind: 'none', legevakt: { staffId: 'd4', officeId: GRONG, untilMs: osloToUtcMs(TUESDAY, '08:00') } });
    expect(supervisingDoctor(at(TUESDAY, '08:00', { shifts: [legevakt] }))).toEqual({ kind: 'none', legevakt: null });
  });

  it('prefers a legevakt doctor at the same office over one elsewhere', () => {
    const here = shift({ staffId: 'd5', officeId: NAMSSKOGAN, date: MONDAY, start: '16:00', end: '22:00', kind: 'legevakt' });
    const result = supervisingDoctor(at(MONDAY, '18:00', { shifts: [legevakt, here] }));
    expect(result).toMatchObject({ kind: 'none', legevakt: { staffId: 'd5' } });
  });

  it('leaves out absent doctors, other offices, non-doctors and shifts not running now', () => {
    const nurse = shift({ staffId: 'n2', officeId: NAMSSKOGAN, date: MONDAY });
    const elsewhere = shift({ staffId: 'd4', officeId: LIERNE, date: MONDAY });
    const sick = absence({ staffId: 'd2', from: MONDAY, to: MONDAY, kind: 'sick' });
    expect(supervisingDoctor(at(MONDAY, '10:00', { shifts: [onSite, video, nurse, elsewhere], absences: [sick] }))).toMatchObject({ kind: 'video', staffId: 'd1' });
    expect(supervisingDoctor(at(MONDAY, '07:59', { shifts: [onSite, nurse, elsewhere] }))).toEqual({ kind: 'none', legevakt: null });
  });

  it('leaves out a legevakt doctor absent on the day the night shift runs into', () => {
    const away = absence({ staffId: 'd4', from: TUESDAY, to: TUESDAY });
    expect(supervisingDoctor(at(TUESDAY, '02:00', { shifts: [legevakt], absences: [away] }))).toEqual({ kind: 'none', legevakt: null });
  });
});
