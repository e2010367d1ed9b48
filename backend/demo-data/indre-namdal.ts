// The example dataset: Indre Namdal's four offices and fictional staff, with one sign-in per role, as a fully signed cooperation.
import type { Role } from '../../domain/roles';
import type { Profession } from '../../domain/staff';
import { STANDARD_OPENING_HOURS } from '../../domain/offices';
import { createCooperation } from '../../db/cooperation';
import { createOffice, updateOffice, getOffice } from '../../db/offices';
import type { LocalStore } from '../../db/open';
import { createStaffMember } from '../../db/staff';
import { createUser } from '../../db/users';
import { writeAuthorityRecords } from '../../db/authority-records';
import type { NewAuthorityRecord } from '../../db/authority-records';
import { newId } from '../../db/ids';
import { signAs, userSigner } from '../../db/signer';
import type { SigningKey } from '../../db/signing';
import type { ChangeSet } from '../../db/write-path';
import { newAccountKey } from '../core/account-keys';
import { hashPasswordWithKey } from '../core/passwords';
import { writeExampleConsultations } from './indre-namdal-consultations';
import { writeExampleCompetence } from './indre-namdal-competence';
import { writeExampleConfirmations, writeExampleRoutines } from './indre-namdal-routines';
import { writeExampleRota } from './indre-namdal-rota';
import type { LocalDate } from '../../domain/calendar/dates';

/** The password of every example account; shown on the sign-in screen only while example data is loaded. */
export const EXAMPLE_PASSWORD = 'demo-samvakt';

export interface ExampleAccount {
  username: string;
  password: string;
  name: string;
  roles: Role[];
}

const OFFICES = [
  { key: 'grong', name: 'Grong legekontor', municipality: 'Grong', address: 'Sentrumsgata 1, 7870 Grong', phone: '74 31 20 00' },
  { key: 'namsskogan', name: 'Namsskogan legekontor', municipality: 'Namsskogan', address: 'Skoleveien 3, 7890 Namsskogan', phone: '74 33 40 00' },
  { key: 'royrvik', name: 'Røyrvik legekontor', municipality: 'Røyrvik', address: 'Fjellveien 2, 7898 Limingen', phone: '74 33 50 00' },
  { key: 'lierne', name: 'Lierne legekontor', municipality: 'Lierne', address: 'Nordlivegen 5, 7882 Nordli', phone: '74 34 60 00' },
] as const;
type OfficeKey = (typeof OFFICES)[number]['key'];

/** Approximate driving minutes (domain.md). */
const DRIVING: Record<OfficeKey, Record<OfficeKey, number>> = {
  grong: { grong: 0, namsskogan: 45, royrvik: 90, lierne: 90 },
  namsskogan: { grong: 45, namsskogan: 0, royrvik: 50, lierne: 130 },
  royrvik: { grong: 90, namsskogan: 50, royrvik: 0, lierne: 150 },
  lierne: { grong: 90, namsskogan: 130, royrvik: 150, lierne: 0 },
};

interface ExampleStaff {
  name: string;
  profession: Profession;
  base: OfficeKey;
  home: string;
  percent: number;
  /** How to reach the person (fictional mobile numbers); doctors' are shown as the supervising doctor's. */
  phone?: string;
  hpr?: string;
  /** Example sign-in for this person, if any. */
  login?: { username: string; roles: Role[] };
}

const STAFF: ExampleStaff[] = [
  { name: 'Ingrid Solbakk', profession: 'doctor', base: 'grong', home: 'Grong', percent: 100, phone: '913 42 601', hpr: '9100001', login: { username: 'lege', roles: ['doctor'] } },
  { name: 'Lars Erik Vassdal', profession: 'doctor', base: 'grong', home: 'Grong', percent: 100, phone: '924 18 302', hpr: '9100002' },
  { name: 'Kari Elvenes', profession: 'doctor', base: 'namsskogan', home: 'Namsskogan', percent: 100, phone: '951 73 044', hpr: '9100003' },
  { name: 'Anders Tunheim', profession: 'doctor', base: 'royrvik', home: 'Grong', percent: 80, phone: '986 20 517', hpr: '9100004' },
  { name: 'Sofie Brattland', profession: 'doctor', base: 'lierne', home: 'Lierne', percent: 100, phone: '932 55 108', hpr: '9100005' },
  { name: 'Mats Holmvik', profession: 'doctor', base: 'lierne', home: 'Lierne', percent: 60, phone: '471 36 290', hpr: '9100006' },
  { name: 'Hanna Fjellstad', profession: 'doctorInTraining', base: 'grong', home: 'Namsskogan', percent: 100, phone: '415 88 263', hpr: '9100007' },
  { name: 'Marte Kvernmo', profession: 'nurse', base: 'grong', home: 'Grong', percent: 100, phone: '917 04 385', hpr: '9200001', login: { username: 'sykepleier', roles: ['nurse'] } },
  { name: 'Jonas Sandmo', profession: 'nurse', base: 'grong', home: 'Grong', percent: 80, phone: '452 61 907', hpr: '9200002' },
  { name: 'Eli Brennhaug', profession: 'nurse', base: 'namsskogan', home: 'Namsskogan', percent: 100, phone: '994 30 128', hpr: '9200003' },
  { name: 'Tone Aasvang', profession: 'nurse', base: 'namsskogan', home: 'Namsskogan', percent: 60, phone: '481 27 653', hpr: '9200004' },
  { name: 'Per Olav Skogmo', profession: 'nurse', base: 'royrvik', home: 'Røyrvik', percent: 100, phone: '909 65 214', hpr: '9200005' },
  { name: 'Randi Fossli', profession: 'nurse', base: 'royrvik', home: 'Røyrvik', percent: 50, phone: '468 12 739', hpr: '9200006' },
  { name: 'Siri Heggdal', profession: 'nurse', base: 'lierne', home: 'Lierne', percent: 100, phone: '975 48 016', hpr: '9200007' },
  { name: 'Vegard Tørresdal', profession: 'nurse', base: 'lierne', home: 'Lierne', percent: 80, phone: '413 90 582', hpr: '9200008' },
  { name: 'Anne Berit Formoen', profession: 'secretary', base: 'grong', home: 'Grong', percent: 100, login: { username: 'resepsjon', roles: ['receptionist'] } },
  { name: 'Gunn Jørsdal', profession: 'secretary', base: 'grong', home: 'Grong', percent: 60 },
  { name: 'Liv Mørkvoll', profession: 'secretary', base: 'namsskogan', home: 'Namsskogan', percent: 100 },
  { name: 'Bjørg Kvelstad', profession: 'secretary', base: 'royrvik', home: 'Røyrvik', percent: 80 },
  { name: 'Silje Myrvold', profession: 'secretary', base: 'lierne', home: 'Lierne', percent: 100 },
  { name: 'Torunn Hellvik', profession: 'other', base: 'grong', home: 'Grong', percent: 100, login: { username: 'leder', roles: ['lead'] } },
  { name: 'Geir Lyngmo', profession: 'other', base: 'lierne', home: 'Lierne', percent: 50 },
  { name: 'Øystein Admin-Rønning', profession: 'other', base: 'grong', home: 'Grong', percent: 20, login: { username: 'admin', roles: ['admin'] } },
];

export const EXAMPLE_ACCOUNTS: ExampleAccount[] = STAFF.flatMap((member) =>
  member.login ? [{ username: member.login.username, password: EXAMPLE_PASSWORD, name: member.name, roles: member.login.roles }] : [],
);

interface ExampleUser {
  id: string;
  key: SigningKey;
  wrappedKey: string;
  passwordHash: string;
}

/**
 * Writes the whole example dataset through the write path, each part signed by an example user whose role may write it
 * (the admin: cooperation, offices, staff, accounts; the lead: competence and rota; the doctor: routines; the
 * receptionist and nurse: the consultation log), inside one database transaction so it is all or nothing. The admin's
 * key is the root; every other account gets a key and an account record signed by the admin. `assertStillEmpty` runs
 * inside the transaction so two windows cannot both load it.
 */
export async function loadExampleDataset(store: LocalStore, assertStillEmpty: () => void, today: LocalDate): Promise<void> {
  // Every example account has the same password: one scrypt run gives the hash and wrapping key for all of them.
  const secrets = await hashPasswordWithKey(EXAMPLE_PASSWORD);
  const users = new Map<string, ExampleUser>();
  for (const account of EXAMPLE_ACCOUNTS) users.set(account.username, { id: newId(), passwordHash: secrets.hash, ...newAccountKey(secrets.wrappingKey) });
  const user = (username: string) => users.get(username) ?? missing('user', username);
  const as = <R>(username: string, fn: (changes: ChangeSet) => R): R => {
    const { id, key } = user(username);
    return signAs(userSigner(id, key), () => store.writer.write(fn));
  };

  store.db.transaction(() => {
    const { officeIds, staffIds } = as('admin', (changes) => {
      assertStillEmpty();
      createCooperation(changes, { name: 'Indre Namdal legesamarbeid (eksempel)', exampleData: true });
      const admin = user('admin');
      const records: NewAuthorityRecord[] = [{ kind: 'root', subjectId: admin.id, signerId: admin.id, role: 'admin', publicKey: admin.key.publicKey }];
      for (const account of EXAMPLE_ACCOUNTS) {
        if (account.username === 'admin') continue;
        const { id, key } = user(account.username);
        records.push({ kind: 'account', subjectId: id, signerId: admin.id, publicKey: key.publicKey, details: { roles: account.roles } });
      }
      writeAuthorityRecords(changes, records, admin.key);
      return writeOrganisation(changes, (username) => user(username));
    });
    store.trust.pinRoot(user('admin').key.publicKey);

    const officeByMunicipality = new Map<string, string>(OFFICES.map((office) => [office.municipality, officeIds.get(office.key)!]));
    const staffLookup = (name: string) => staffIds.get(name) ?? missing('staff member', name);
    const officeLookup = (municipality: string) => officeByMunicipality.get(municipality) ?? missing('office', municipality);
    const competenceTypeIds = as('leder', (changes) => writeExampleCompetence(changes, today, staffLookup, staffLookup('Torunn Hellvik')));
    const routines = as('lege', (changes) => writeExampleRoutines(changes, today, staffLookup, competenceTypeIds));
    // The example nurse has read every example routine, so her check says yes (read and understood).
    as('sykepleier', (changes) => writeExampleConfirmations(changes, routines, staffLookup('Marte Kvernmo'), user('sykepleier').id, today));
    as('leder', (changes) => writeExampleRota(changes, today, staffLookup, officeLookup));
    const receptionist = user('resepsjon').id;
    const nurse = user('sykepleier').id;
    writeExampleConsultations(
      (userId, fn) => as(userId === receptionist ? 'resepsjon' : userId === nurse ? 'sykepleier' : missing('user', userId), fn),
      today,
      staffLookup,
      officeLookup,
      receptionist,
      nurse,
    );
  })();
}

/** The offices, staff and example accounts (written by the admin). */
function writeOrganisation(changes: ChangeSet, user: (username: string) => ExampleUser) {
  const officeIds = new Map<OfficeKey, string>();
  for (const office of OFFICES) {
    const { key, ...values } = office;
    officeIds.set(key, createOffice(changes, { ...values, openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} }));
  }
  for (const from of OFFICES) {
    const id = officeIds.get(from.key)!;
    const drivingMinutes = Object.fromEntries(OFFICES.filter((to) => to.key !== from.key).map((to) => [officeIds.get(to.key)!, DRIVING[from.key][to.key]]));
    updateOffice(changes, id, { ...getOffice(changes.db, id)!, drivingMinutes });
  }
  const staffIds = new Map<string, string>();
  for (const member of STAFF) {
    const staffId = createStaffMember(changes, {
      name: member.name,
      profession: member.profession,
      hprNumber: member.hpr ?? null,
      homeMunicipality: member.home,
      baseOfficeId: officeIds.get(member.base)!,
      positionPercent: member.percent,
      active: true,
      phone: member.phone ?? null,
    });
    staffIds.set(member.name, staffId);
    if (member.login) {
      const account = user(member.login.username);
      createUser(changes, { id: account.id, staffId, username: member.login.username, passwordHash: account.passwordHash, roles: member.login.roles, wrappedKey: account.wrappedKey });
    }
  }
  return { officeIds, staffIds };
}

function missing(what: string, name: string): never {
  throw new Error(`example dataset refers to unknown ${what} ${name}`);
}
