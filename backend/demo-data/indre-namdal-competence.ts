// The example competence register: the example competence types and records, with a few expiring soon and one expired.
import { addDays } from '../../domain/calendar/dates';
import type { LocalDate } from '../../domain/calendar/dates';
import { resolveStaffCompetence } from '../../domain/competence/expiry';
import { EXAMPLE_COMPETENCE_KEYS, EXAMPLE_COMPETENCE_TYPES } from '../../domain/competence/examples';
import type { ExampleCompetenceKey } from '../../domain/competence/examples';
import { createCompetenceType, createStaffCompetence } from '../../db/competence';
import type { ChangeSet } from '../../db/write-path';

type Lookup = (name: string) => string;

/**
 * Records as [person, competence, obtained as days before today]. With 24-month renewal, 700 days ago expires in about
 * a month, 670 in about two; 775 days ago expired some six weeks back.
 */
const RECORDS: [string, ExampleCompetenceKey, number][] = [
  // Emergency nurses (one per office every day), two of them due for renewal soon.
  ['Marte Kvernmo', 'akuttmedisinkurs', 200],
  ['Eli Brennhaug', 'akuttmedisinkurs', 680],
  ['Per Olav Skogmo', 'akuttmedisinkurs', 380],
  ['Siri Heggdal', 'akuttmedisinkurs', 705],
  ['Vegard Tørresdal', 'akuttmedisinkurs', 90],
  // Jonas's course has expired: on days he is the only nurse in Grong, the office has no emergency nurse.
  ['Jonas Sandmo', 'akuttmedisinkurs', 775],
  ['Marte Kvernmo', 'hlr', 120],
  ['Eli Brennhaug', 'hlr', 300],
  ['Per Olav Skogmo', 'hlr', 40],
  ['Siri Heggdal', 'hlr', 330],
  ['Jonas Sandmo', 'hlr', 200],
  ['Tone Aasvang', 'hlr', 150],
  ['Randi Fossli', 'hlr', 90],
  ['Vegard Tørresdal', 'hlr', 60],
  ['Marte Kvernmo', 'vaksinasjon', 400],
  ['Tone Aasvang', 'vaksinasjon', 500],
  ['Anne Berit Formoen', 'triage', 300],
  ['Liv Mørkvoll', 'triage', 900],
  // Doctors: legevakt needs the emergency-medicine and the violence and abuse courses.
  ['Ingrid Solbakk', 'akuttmedisinkurs', 300],
  ['Lars Erik Vassdal', 'akuttmedisinkurs', 500],
  ['Kari Elvenes', 'akuttmedisinkurs', 650],
  ['Anders Tunheim', 'akuttmedisinkurs', 100],
  ['Sofie Brattland', 'akuttmedisinkurs', 250],
  ['Hanna Fjellstad', 'akuttmedisinkurs', 60],
  ['Ingrid Solbakk', 'voldOgOvergrep', 1500],
  ['Lars Erik Vassdal', 'voldOgOvergrep', 2000],
  ['Kari Elvenes', 'voldOgOvergrep', 800],
  ['Anders Tunheim', 'voldOgOvergrep', 1200],
  ['Sofie Brattland', 'voldOgOvergrep', 700],
  ['Hanna Fjellstad', 'voldOgOvergrep', 300],
  ['Ingrid Solbakk', 'spesialistAllmenn', 4000],
  ['Lars Erik Vassdal', 'spesialistAllmenn', 6000],
  ['Kari Elvenes', 'spesialistAllmenn', 2500],
  ['Anders Tunheim', 'spesialistAllmenn', 3000],
  ['Sofie Brattland', 'spesialistAllmenn', 1800],
  ['Mats Holmvik', 'spesialistAllmenn', 5000],
  ['Hanna Fjellstad', 'lisAlis', 400],
];

/** Writes the example competence types and records; returns the type ids by key (routines refer to them). */
export function writeExampleCompetence(changes: ChangeSet, today: LocalDate, staff: Lookup, verifiedBy: string): Record<ExampleCompetenceKey, string> {
  const typeIds = Object.fromEntries(
    EXAMPLE_COMPETENCE_KEYS.map((key) => [key, createCompetenceType(changes, EXAMPLE_COMPETENCE_TYPES[key])]),
  ) as Record<ExampleCompetenceKey, string>;
  for (const [who, key, daysAgo] of RECORDS) {
    const values = resolveStaffCompetence(
      {
        staffId: staff(who),
        competenceTypeId: typeIds[key],
        obtained: addDays(today, -daysAgo),
        expiresOn: null,
        evidenceRef: 'Kursbevis i personalmappen (eksempel)',
        verifiedBy,
        note: null,
      },
      EXAMPLE_COMPETENCE_TYPES[key],
    );
    createStaffCompetence(changes, values);
  }
  return typeIds;
}
