// Example routines for demo data, written for Samvakt and marked "EKSEMPEL – ikke klinisk godkjent": not clinical guidelines; medicine data are examples only.
import { addMonths } from '../competence/expiry';
import { EXAMPLE_COMPETENCE_KEYS, EXAMPLE_COMPETENCE_TYPES, exampleCompetenceTypes } from '../competence/examples';
import type { ExampleCompetenceKey } from '../competence/examples';
import type { LocalDate } from '../calendar/dates';
import type { Routine, RoutineContent } from './types';

export { EXAMPLE_COMPETENCE_KEYS, EXAMPLE_COMPETENCE_TYPES, exampleCompetenceTypes };
export type { ExampleCompetenceKey };

/** Every example routine's title starts with this, and its indication repeats it. */
export const EXAMPLE_MARK = 'EKSEMPEL – ikke klinisk godkjent';

export type ExampleRoutineTemplate = Omit<RoutineContent, 'responsibleDoctorId' | 'requiredCompetenceTypeIds' | 'validFrom' | 'reviewDate' | 'expiresOn'> & {
  requiredCompetences: ExampleCompetenceKey[];
};

function title(text: string): string {
  return `${EXAMPLE_MARK}: ${text}`;
}

function indication(text: string): string {
  return `${text} (${EXAMPLE_MARK}.)`;
}

export const EXAMPLE_ROUTINES: readonly ExampleRoutineTemplate[] = [
  {
    title: title('Ukomplisert blærekatarr hos ikke-gravide kvinner'),
    icpc2Codes: ['U71'],
    indication: indication('Kvinner med typiske plager fra nedre urinveier og positiv urinstiks, uten tegn til øvre urinveisinfeksjon.'),
    inclusionCriteria: [
      'Kvinne 18–65 år',
      'Svie ved vannlating, hyppig vannlating eller trengninger i under 7 dager',
      'Urinstiks positiv for leukocytter og/eller nitritt',
      'Ellers frisk og i god allmenntilstand',
    ],
    exclusionCriteria: [
      { text: 'Feber over 38 °C eller frostanfall', redFlag: true },
      { text: 'Smerter i flanken eller over nyrene', redFlag: true },
      { text: 'Påvirket allmenntilstand, forvirring eller oppkast', redFlag: true },
      { text: 'Gravid eller mulig gravid', redFlag: false },
      { text: 'Mann', redFlag: false },
      { text: 'Kjent nyresykdom eller nedsatt nyrefunksjon', redFlag: false },
      { text: 'Residiv: behandlet for urinveisinfeksjon siste 4 uker, eller mer enn to ganger siste halvår', redFlag: false },
      { text: 'Urinkateter, kjente misdannelser i urinveiene eller nedsatt immunforsvar', redFlag: false },
      { text: 'Kjent allergi mot penicillin', redFlag: false },
    ],
    medicine: {
      name: 'Pivmecillinam (eksempel)',
      atcCode: 'J01CA08',
      strength: '200 mg',
      form: 'tablett',
      route: 'oralt',
      dose: '1 tablett',
      frequency: '3 ganger daglig',
      durationDays: 3,
      maxQuantity: '9 tabletter',
    },
    nurseMay: 'give',
    followUpAdvice:
      'Drikk jevnt gjennom dagen. Ta kontakt hvis plagene ikke er klart bedre etter 2–3 døgn, og straks ved feber, ryggsmerter eller blod i urinen. Ingen kontroll ved bedring.',
    requiredCompetences: ['akuttmedisinkurs'],
  },
  {
    title: title('Halsbetennelse med høy Centor-skår og positiv streptokokktest'),
    icpc2Codes: ['R72'],
    indication: indication('Sår hals hos pasienter over 12 år der Centor-skår er 3 eller 4 og hurtigtest for streptokokker gruppe A er positiv.'),
    inclusionCriteria: [
      '12 år eller eldre',
      'Centor-skår 3 eller 4: feber over 38,5 °C, belegg på mandlene, ømme lymfeknuter foran på halsen, ingen hoste (ett poeng hver)',
      'Positiv hurtigtest for streptokokker gruppe A',
    ],
    exclusionCriteria: [
      { text: 'Pustevansker eller pipende innpust (stridor)', redFlag: true },
      { text: 'Sikler eller klarer ikke å svelge spytt', redFlag: true },
      { text: 'Ensidig hevelse i halsen, kjevesperre eller «grøtete» stemme', redFlag: true },
      { text: 'Sterkt redusert allmenntilstand', redFlag: true },
      { text: 'Kjent allergi mot penicillin', redFlag: false },
      { text: 'Nedsatt immunforsvar, eller medisiner som kan gi lave hvite blodlegemer', redFlag: false },
      { text: 'Behandlet med antibiotika for halsbetennelse siste 4 uker', redFlag: false },
    ],
    medicine: {
      name: 'Fenoksymetylpenicillin (eksempel)',
      atcCode: 'J01CE02',
      strength: '1 g',
      form: 'tablett',
      route: 'oralt',
      dose: '1 tablett',
      frequency: '4 ganger daglig',
      durationDays: 5,
      maxQuantity: '20 tabletter',
    },
    nurseMay: 'prepareForSignature',
    followUpAdvice:
      'Smertestillende og rikelig med drikke. Ta kontakt hvis ikke bedre etter 3 døgn med behandling, og straks ved pustevansker, problemer med å svelge eller økende smerter på én side.',
    requiredCompetences: ['akuttmedisinkurs'],
  },
  {
    title: title('Lite, rent kuttsår – sårstell og oppfriskningsdose mot stivkrampe'),
    icpc2Codes: ['S18'],
    indication: indication('Små, rene kuttsår som kan lukkes med strips eller vevslim, der siste stivkrampevaksine er mer enn 10 år siden eller ukjent.'),
    inclusionCriteria: [
      'Såret er kortere enn 3 cm og har rene kanter',
      'Blødningen stopper ved kompresjon',
      'Normal følelse og bevegelighet nedenfor såret',
      'Mer enn 10 år siden siste stivkrampevaksine, eller ukjent',
    ],
    exclusionCriteria: [
      { text: 'Blødning som ikke stopper etter 10 minutter med kompresjon', redFlag: true },
      { text: 'Nedsatt følelse, kraft eller bevegelighet (mulig skade på nerve eller sene)', redFlag: true },
      { text: 'Sår i ansiktet, over ledd, i kjønnsorganer eller dypt i hånden', redFlag: false },
      { text: 'Bitt fra dyr eller menneske', redFlag: false },
      { text: 'Sterkt forurenset sår eller fremmedlegeme i såret', redFlag: false },
      { text: 'Såret er eldre enn 12 timer', redFlag: false },
      { text: 'Tidligere alvorlig reaksjon på vaksine', redFlag: false },
    ],
    medicine: {
      name: 'Difteri- og tetanusvaksine (eksempel)',
      atcCode: 'J07AM51',
      strength: '0,5 ml',
      form: 'injeksjonsvæske',
      route: 'intramuskulært',
      dose: '0,5 ml',
      frequency: 'én gang',
      durationDays: null,
      maxQuantity: '1 dose',
    },
    nurseMay: 'give',
    followUpAdvice:
      'Hold såret rent og tørt de første 2 døgnene. Strips kan fjernes etter 7–10 dager. Ta kontakt ved økende rødhet, hevelse, puss eller feber. Vaksinen registreres i SYSVAK.',
    requiredCompetences: ['vaksinasjon'],
  },
  {
    title: title('Lett allergisk reaksjon med kløe og elveblest'),
    icpc2Codes: ['A92', 'S98'],
    indication: indication('Lette allergiske hudreaksjoner uten tegn til påvirkning av luftveier, sirkulasjon eller mage.'),
    inclusionCriteria: ['12 år eller eldre', 'Kløe, elveblest eller lett hevelse i huden', 'Ingen plager fra luftveier, sirkulasjon eller mage'],
    exclusionCriteria: [
      { text: 'Pustevansker, piping i brystet eller heshet', redFlag: true },
      { text: 'Hevelse i lepper, tunge eller svelg', redFlag: true },
      { text: 'Svimmelhet, besvimelse eller blek og klam hud', redFlag: true },
      { text: 'Kraftige magesmerter eller oppkast kort tid etter mulig allergen', redFlag: true },
      { text: 'Reaksjonen kom etter vaksine eller medisin gitt på kontoret', redFlag: false },
      { text: 'Gravid eller ammer', redFlag: false },
      { text: 'Kjent alvorlig nyresykdom', redFlag: false },
    ],
    medicine: {
      name: 'Cetirizin (eksempel)',
      atcCode: 'R06AE07',
      strength: '10 mg',
      form: 'tablett',
      route: 'oralt',
      dose: '1 tablett',
      frequency: '1 gang daglig',
      durationDays: 3,
      maxQuantity: '3 tabletter',
    },
    nurseMay: 'give',
    followUpAdvice:
      'Unngå det som utløste reaksjonen hvis det er kjent. Ring 113 ved pustevansker eller hevelse i munn eller svelg. Ta kontakt hvis utslettet ikke er bedre etter 3 døgn.',
    requiredCompetences: ['akuttmedisinkurs', 'hlr'],
  },
  {
    title: title('Øresmerter hos voksne uten tegn til komplikasjoner'),
    icpc2Codes: ['H01', 'H71'],
    indication: indication('Voksne med øresmerter i kort tid og god allmenntilstand, der smertelindring og avventing er aktuelt.'),
    inclusionCriteria: ['18 år eller eldre', 'Øresmerter i under 3 døgn', 'God allmenntilstand'],
    exclusionCriteria: [
      { text: 'Hevelse, rødhet eller ømhet bak øret', redFlag: true },
      { text: 'Skjev munn eller lammelse i ansiktet', redFlag: true },
      { text: 'Sterk hodepine, nakkestivhet eller nedsatt bevissthet', redFlag: true },
      { text: 'Plutselig hørselstap eller kraftig svimmelhet', redFlag: true },
      { text: 'Feber over 39 °C', redFlag: false },
      { text: 'Væske eller puss fra øret i mer enn 2 døgn', redFlag: false },
      { text: 'Diabetes eller nedsatt immunforsvar', redFlag: false },
      { text: 'Kjent leversykdom eller høyt alkoholforbruk', redFlag: false },
      { text: 'Tidligere operert i øret', redFlag: false },
    ],
    medicine: {
      name: 'Paracetamol (eksempel)',
      atcCode: 'N02BE01',
      strength: '500 mg',
      form: 'tablett',
      route: 'oralt',
      dose: '2 tabletter',
      frequency: 'inntil 4 ganger daglig',
      durationDays: 3,
      maxQuantity: '20 tabletter',
    },
    nurseMay: 'give',
    followUpAdvice:
      'Smertestillende etter behov, høyst 8 tabletter i døgnet. Time hos lege hvis ikke bedre etter 3 døgn. Ta kontakt straks ved hevelse bak øret, skjev munn eller sterk hodepine.',
    requiredCompetences: ['akuttmedisinkurs'],
  },
];

export interface ExampleRoutineOptions {
  /** Id generator for rows (pass a UUIDv7 generator); each routine gets a row id and a routine id. */
  newId: () => string;
  responsibleDoctorId: string;
  /** Ids of the stored example competence types (from exampleCompetenceTypes); keys without an id are left out. */
  competenceTypeIds: Partial<Record<ExampleCompetenceKey, string>>;
  /** First day in force; review after 12 months, expiry after 24. */
  validFrom: LocalDate;
  /** Demo data usually stores them active (version 1). Default 'active'. */
  status?: 'draft' | 'active';
}

/** The example routines as stored version-1 records. */
export function exampleRoutines(options: ExampleRoutineOptions): Routine[] {
  return EXAMPLE_ROUTINES.map(({ requiredCompetences, ...content }) => ({
    ...content,
    icpc2Codes: [...content.icpc2Codes],
    inclusionCriteria: [...content.inclusionCriteria],
    exclusionCriteria: content.exclusionCriteria.map((criterion) => ({ ...criterion })),
    medicine: { ...content.medicine },
    responsibleDoctorId: options.responsibleDoctorId,
    requiredCompetenceTypeIds: requiredCompetences.flatMap((key) => {
      const id = options.competenceTypeIds[key];
      return id ? [id] : [];
    }),
    validFrom: options.validFrom,
    reviewDate: addMonths(options.validFrom, 12),
    expiresOn: addMonths(options.validFrom, 24),
    id: options.newId(),
    routineId: options.newId(),
    version: 1,
    status: options.status ?? 'active',
    retiredFrom: null,
    supersededByVersion: null,
  }));
}

/** True when a routine is example content (its title carries the example mark). */
export function isExampleRoutine(routine: Pick<Routine, 'title'>): boolean {
  return routine.title.startsWith(EXAMPLE_MARK);
}

/**
 * A title for short places (pickers, lists): without the leading "EKSEMPEL – ikke klinisk godkjent:", so the name is
 * not cut off, and with `exampleWord` after it in brackets ("Ukomplisert blærekatarr … (Eksempel)") when it was marked.
 */
export function titleForPicker(title: string, exampleWord: string): string {
  const prefix = `${EXAMPLE_MARK}:`;
  return title.startsWith(prefix) ? `${title.slice(prefix.length).trim()} (${exampleWord})` : title;
}
