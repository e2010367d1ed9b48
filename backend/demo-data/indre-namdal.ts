// The example dataset: Indre Namdal's four offices and fictional staff, with one sign-in per role.
import type { Role } from '../../domain/roles';
import type { Profession } from '../../domain/staff';
import { STANDARD_OPENING_HOURS } from '../../domain/offices';
import { createCooperation } from '../../db/cooperation';
import { createOffice, updateOffice, getOffice } from '../../db/offices';
import type { LocalStore } from '../../db/open';
import { createStaffMember } from '../../db/staff';
import { createUser } from '../../db/users';
import { hashPassword } from '../core/passwords';
import { writeExampleConsultations } from './indre-namdal-consultations';
import { writeExampleCompetence } from './indre-namdal-competence';
import { writeExampleRoutines } from './indre-namdal-routines';
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
  hpr?: string;
  /** Example sign-in for this person, if any. */
  login?: { username: string; roles: Role[] };
}

const STAFF: ExampleStaff[] = [
  { name: 'Ingrid Solbakk', profession: 'doctor', base: 'grong', home: 'Grong', percent: 100, hpr: '9100001', login: { username: 'lege', roles: ['doctor'] } },
  { name: 'Lars Erik Vassdal', profession: 'doctor', base: 'grong', home: 'Grong', percent: 100, hpr: '9100002' },
  { name: 'Kari Elvenes', profession: 'doctor', base: 'namsskogan', home: 'Namsskogan', percent: 100, hpr: '9100003' },
  { name: 'Anders Tunheim', profession: 'doctor', base: 'royrvik', home: 'Grong', percent: 80, hpr: '9100004' },
  { name: 'Sofie Brattland', profession: 'doctor', base: 'lierne', home: 'Lierne', percent: 100, hpr: '9100005' },
  { name: 'Mats Holmvik', profession: 'doctor', base: 'lierne', home: 'Lierne', percent: 60, hpr: '9100006' },
  { name: 'Hanna Fjellstad', profession: 'doctorInTraining', base: 'grong', home: 'Namsskogan', percent: 100, hpr: '9100007' },
  { name: 'Marte Kvernmo', profession: 'nurse', base: 'grong', home: 'Grong', percent: 100, hpr: '9200001', login: { username: 'sykepleier', roles: ['nurse'] } },
  { name: 'Jonas Sandmo', profession: 'nurse', base: 'grong', home: 'Grong', percent: 80, hpr: '9200002' },
  { name: 'Eli Brennhaug', profession: 'nurse', base: 'namsskogan', home: 'Namsskogan', percent: 100, hpr: '9200003' },
  { name: 'Tone Aasvang', profession: 'nurse', base: 'namsskogan', home: 'Namsskogan', percent: 60, hpr: '9200004' },
  { name: 'Per Olav Skogmo', profession: 'nurse', base: 'royrvik', home: 'Røyrvik', percent: 100, hpr: '9200005' },
  { name: 'Randi Fossli', profession: 'nurse', base: 'royrvik', home: 'Røyrvik', percent: 50, hpr: '9200006' },
  { name: 'Siri Heggdal', profession: 'nurse', base: 'lierne', home: 'Lierne', percent: 100, hpr: '9200007' },
  { name: 'Vegard Tørresdal', profession: 'nurse', base: 'lierne', home: 'Lierne', percent: 80, hpr: '9200008' },
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

/**
 * Writes the whole example dataset in one transaction through the write path.
 * `assertStillEmpty` runs inside the transaction so two windows cannot both load it.
 */
export async function loadExampleDataset(store: LocalStore, assertStillEmpty: () => void, today: LocalDate): Promise<void> {
  const hashes = new Map<string, string>();
  const passwordHash = await hashPassword(EXAMPLE_PASSWORD);
  for (const account of EXAMPLE_ACCOUNTS) hashes.set(account.username, passwordHash);

  store.writer.write((changes) => {
    assertStillEmpty();
    createCooperation(changes, { name: 'Indre Namdal legesamarbeid (eksempel)', exampleData: true });
    const officeIds = new Map<OfficeKey, string>();
    for (const office of OFFICES) {
      const { key, ...values } = office;
      officeIds.set(key, createOffice(changes, { ...values, openingHours: STANDARD_OPENING_HOURS, drivingMinutes: {} }));
    }
    for (const from of OFFICES) {
      const id = officeIds.get(from.key)!;
      const drivingMinutes = Object.fromEntries(
        OFFICES.filter((to) => to.key !== from.key).map((to) => [officeIds.get(to.key)!, DRIVING[from.key][to.key]]),
      );
      updateOffice(changes, id, { ...getOffice(changes.db, id)!, drivingMinutes });
    }
    const staffIds = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const member of STAFF) {
      const staffId = createStaffMember(changes, {
        name: member.name,
        profession: member.profession,
        hprNumber: member.hpr ?? null,
        homeMunicipality: member.home,
        baseOfficeId: officeIds.get(member.base)!,
        positionPercent: member.percent,
        active: true,
      });
      staffIds.set(member.name, staffId);
      if (member.login) {
        userIds.set(member.login.username, createUser(changes, { staffId, username: member.login.username, passwordHash: hashes.get(member.login.username)!, roles: member.login.roles }));
      }
    }
    const officeByMunicipality = new Map<string, string>(OFFICES.map((office) => [office.municipality, officeIds.get(office.key)!]));
    const staffLookup = (name: string) => staffIds.get(name) ?? missing('staff member', name);
    const competenceTypeIds = writeExampleCompetence(changes, today, staffLookup, staffLookup('Torunn Hellvik'));
    writeExampleRoutines(changes, today, staffLookup, competenceTypeIds);
    writeExampleRota(
      changes,
      today,
      (name) => staffIds.get(name) ?? missing('staff member', name),
      (municipality) => officeByMunicipality.get(municipality) ?? missing('office', municipality),
    );
    writeExampleConsultations(
      changes,
      today,
      staffLookup,
      (municipality) => officeByMunicipality.get(municipality) ?? missing('office', municipality),
      userIds.get('resepsjon') ?? missing('user', 'resepsjon'),
      userIds.get('sykepleier') ?? missing('user', 'sykepleier'),
    );
  });
}

function missing(what: string, name: string): never {
  throw new Error(`example dataset refers to unknown ${what} ${name}`);
}
