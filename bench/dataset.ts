// Realistic generated data for benchmarks: the example cooperation plus years of shifts and absences (later areas extend it).
import { seededRandom } from '../domain/seeded-random';
import { addDays, isoWeekday } from '../domain/calendar/dates';
import type { LocalDate } from '../domain/calendar/dates';
import { isPublicHoliday } from '../domain/calendar/holidays';
import type { ShiftKind } from '../domain/rota/types';
import { listOffices } from '../db/offices';
import type { LocalStore } from '../db/open';
import { createAbsence, createShift } from '../db/rota';
import { withoutRotaNotices } from '../db/rota-publications';
import { createStaffMember, listStaff } from '../db/staff';
import type { Profession } from '../domain/staff';
import { EXAMPLE_PASSWORD, loadExampleDataset } from '../backend/demo-data/indre-namdal';
import { verifyPasswordKey } from '../backend/core/passwords';
import { signAs, userSigner } from '../db/signer';
import type { Signer } from '../db/signer';
import { unwrapPrivateKey } from '../db/signing';
import { findCredentials } from '../db/users';
import type { ChangeSet } from '../db/write-path';

export interface DatasetOptions {
  /** First date with shifts. */
  from: LocalDate;
  years: number;
  /** Seed for the pseudo-random choices, so runs are comparable. */
  seed?: number;
}

export interface DatasetSummary {
  offices: number;
  staff: number;
  shifts: number;
  absences: number;
}

const EXTRA_STAFF: [string, Profession][] = [
  ['Vikarlege Astrid Hov', 'doctor'],
  ['Vikarlege Bernt Lie', 'doctor'],
  ['Sykepleier Cecilie Rø', 'nurse'],
  ['Sykepleier Dag Ulvik', 'nurse'],
  ['Sykepleier Eva Haug', 'nurse'],
  ['Helsesekretær Frida Moe', 'secretary'],
  ['Helsesekretær Gro Vik', 'secretary'],
];

/** An example account's signer, its key unwrapped with the example password: the example cooperation refuses unsigned writes. */
export async function exampleSigner(store: LocalStore, username: string): Promise<Signer> {
  const user = findCredentials(store.db, username);
  const wrappingKey = user ? await verifyPasswordKey(EXAMPLE_PASSWORD, user.passwordHash) : null;
  const key = user?.wrappedKey && wrappingKey ? unwrapPrivateKey(user.wrappedKey, wrappingKey) : null;
  if (!user || !key) throw new Error(`example account ${username} has no usable key`);
  return userSigner(user.id, key);
}

/** Writes through the write path signed by `signer`, as that user's handler would. */
export function writeAs<R>(store: LocalStore, signer: Signer, fn: (changes: ChangeSet) => R): R {
  return signAs(signer, () => store.writer.write(fn));
}

/** The benchmarks' deterministic generator (see domain/seeded-random.ts), so runs are comparable. */
export const random = seededRandom;

/**
 * Loads the example cooperation, then writes `years` of one-off shifts through the write path: every active person
 * works most weekdays at their base office (doctors sometimes elsewhere or by video), weekend legevakt rotates, and
 * about 6 weeks of holiday a year plus some sick days are absences.
 */
export async function generateDataset(store: LocalStore, options: DatasetOptions): Promise<DatasetSummary> {
  await loadExampleDataset(store, () => undefined, options.from);
  const rand = random(options.seed ?? 42);
  const offices = listOffices(store.db);
  // The lead plans: staff and rota are theirs to write.
  const lead = await exampleSigner(store, 'leder');
  // Substitutes and extra staff bring the example's 23 people to about 30, as in a real cooperation.
  writeAs(store, lead, (changes) => {
    EXTRA_STAFF.forEach(([name, profession], index) => {
      const baseOfficeId = offices[index % offices.length]!.id;
      createStaffMember(changes, { name, profession, hprNumber: null, homeMunicipality: null, baseOfficeId, positionPercent: 100, active: true });
    });
  });
  const staff = listStaff(store.db).filter((member) => member.profession !== 'other');
  const doctors = staff.filter((member) => member.profession === 'doctor' || member.profession === 'doctorInTraining');
  const days = Math.round(options.years * 365.25);
  let shifts = 0;
  let absences = 0;

  // One transaction per month keeps memory flat and is how a lead's bulk edits arrive anyway.
  for (let offset = 0; offset < days; offset += 30) {
    writeAs(store, lead, (changes) => {
      // Generated history is not news to anyone: no rota notices.
      withoutRotaNotices(changes);
      for (let day = offset; day < Math.min(offset + 30, days); day++) {
        const date = addDays(options.from, day);
        const weekday = isoWeekday(date);
        if (weekday >= 6) {
          const doctor = doctors[Math.floor(rand() * doctors.length)]!;
          createShift(changes, { staffId: doctor.id, officeId: doctor.baseOfficeId!, date, start: '08:00', end: weekday === 6 ? '08:00' : '20:00', kind: 'legevakt', note: null });
          shifts++;
          continue;
        }
        if (isPublicHoliday(date)) continue;
        // Weekday evening legevakt rotates among the doctors.
        const onCall = doctors[day % doctors.length]!;
        createShift(changes, { staffId: onCall.id, officeId: onCall.baseOfficeId!, date, start: '15:30', end: '23:00', kind: 'legevakt', note: null });
        shifts++;
        for (const member of staff) {
          if (rand() * 100 > member.positionPercent) continue;
          if (rand() < 0.04) {
            const length = rand() < 0.7 ? 1 : 5;
            createAbsence(changes, { staffId: member.id, from: date, to: addDays(date, length - 1), kind: rand() < 0.6 ? 'sick' : 'holiday', note: null });
            absences++;
            continue;
          }
          const isDoctor = member.profession === 'doctor' || member.profession === 'doctorInTraining';
          let officeId = member.baseOfficeId!;
          let kind: ShiftKind = 'clinic';
          if (isDoctor && rand() < 0.12) {
            officeId = offices[Math.floor(rand() * offices.length)]!.id;
            kind = officeId === member.baseOfficeId ? 'admin' : rand() < 0.5 ? 'video' : 'clinic';
          }
          createShift(changes, { staffId: member.id, officeId, date, start: '08:00', end: '15:30', kind, note: null });
          shifts++;
          if (isDoctor && rand() < 0.75) {
            createShift(changes, { staffId: member.id, officeId: member.baseOfficeId!, date, start: '15:30', end: '16:30', kind: 'admin', note: 'Journalføring' });
            shifts++;
          }
        }
      }
    });
  }
  return { offices: offices.length, staff: listStaff(store.db).length, shifts, absences };
}
