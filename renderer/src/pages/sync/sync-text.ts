// Texts of the sync status line, the sync settings and the first-run enrolment, in Norwegian bokmål and English (kept with the sync screens).
import type { ApiOutput } from '../../../../backend/api-types';
import { useLanguage } from '../../stores/language';
import type { Language } from '../../stores/language';

export type SyncStatus = ApiOutput<'sync.status'>;
export type SyncErrorCode = NonNullable<ApiOutput<'sync.enrol'>['errorCode']>;

const nb = {
  title: 'Synkronisering',
  intro: 'Samvakt lagrer alt på denne maskinen og utveksler endringer med samarbeidets felles tjeneste når det er nett. Du kan arbeide som vanlig uten nett.',
  notEnrolled: 'Ikke koblet til felles tjeneste',
  notEnrolledLong: 'Denne maskinen er ikke koblet til samarbeidets felles tjeneste. Endringer blir bare lagret her.',
  online: 'Tilkoblet',
  offline: 'Uten nett',
  syncing: 'Synkroniserer …',
  stopped: 'Synkronisering stoppet',
  lastSync: 'Sist synkronisert {time}',
  neverSynced: 'Ikke synkronisert ennå',
  pendingOne: '1 endring venter',
  pendingMany: '{count} endringer venter',
  nothingPending: 'Alt er sendt',
  syncNow: 'Synkroniser nå',
  syncing2: 'Synkroniserer …',
  firstDownload: 'Henter data fra felles tjeneste: {percent} %',
  firstDownloadStarting: 'Henter data fra felles tjeneste …',
  server: 'Tjeneste',
  cooperation: 'Samarbeid',
  office: 'Kontor',
  statusLabel: 'Status',
  enrolTitle: 'Koble maskinen til felles tjeneste',
  enrolHint: 'Be administratoren av tjenesten om en innmeldingskode for kontoret. Koden kan brukes én gang.',
  serverUrl: 'Adresse til tjenesten',
  serverUrlHint: 'For eksempel https://samvakt.kommune.no',
  code: 'Innmeldingskode',
  codeHint: 'Tolv tegn, for eksempel K7QM-2XPA-9RTD',
  enrol: 'Koble til',
  enrolling: 'Kobler til …',
  enrolled: 'Maskinen er koblet til {cooperation} ({office}).',
  forget: 'Koble fra tjenesten',
  cancel: 'Avbryt',
  forgetConfirm: 'Koble denne maskinen fra felles tjeneste? Dataene blir liggende på maskinen, men endringer blir ikke lenger utvekslet før den kobles til på nytt med en ny kode.',
  forgotten: 'Maskinen er koblet fra felles tjeneste.',
  adminOnly: 'Bare administratorer kan koble maskinen til eller fra felles tjeneste.',
  firstRunTitle: 'Eller: koble til et eksisterende samarbeid',
  firstRunHint: 'Er samarbeidet allerede i bruk på andre kontor? Koble denne maskinen til felles tjeneste, så hentes alle data hit. Deretter logger du inn med din vanlige bruker.',
  fieldRequired: 'Fyll inn feltet.',
  fieldUrl: 'Skriv adressen slik: https://navn.no',
  fieldCode: 'Koden har tolv tegn, for eksempel K7QM-2XPA-9RTD.',
  errors: {
    'sync.offline': 'Fikk ikke kontakt med felles tjeneste. Sjekk nettforbindelsen; Samvakt prøver igjen av seg selv, og endringene dine er lagret på maskinen.',
    'sync.serverError': 'Felles tjeneste svarte med en feil. Samvakt prøver igjen om litt; endringene dine er lagret på maskinen.',
    'sync.revoked': 'Denne maskinen er fjernet fra felles tjeneste av en administrator. Endringene dine er lagret her. Be om en ny innmeldingskode og koble til på nytt.',
    'sync.credentialInvalid': 'Tjenesten kjenner ikke igjen denne maskinen. Be om en ny innmeldingskode og koble til på nytt. Endringene dine er lagret her.',
    'sync.clockDrift': 'Klokka på denne maskinen går feil med mer enn ett døgn. Still klokka riktig (dato, tid og tidssone); endringene dine er lagret og sendes når klokka stemmer.',
    'sync.upgradeRequired': 'Felles tjeneste krever en nyere versjon av Samvakt. Oppdater Samvakt; endringene dine er lagret på maskinen.',
    'sync.wrongCooperation': 'Maskinen er koblet til et annet samarbeid enn tjenesten venter. Koble fra og koble til på nytt med en ny kode.',
    'sync.enrolCodeInvalid': 'Innmeldingskoden er ukjent, allerede brukt eller utløpt. Be administratoren om en ny kode.',
    'sync.rateLimited': 'Tjenesten får for mange forespørsler akkurat nå. Vent et minutt og prøv igjen.',
    'sync.refused': 'Tjenesten avviste endringene. Kontakt den som drifter Samvakt; endringene dine er lagret på maskinen.',
  } satisfies Record<SyncErrorCode, string>,
};

export type SyncTexts = typeof nb;

const en: SyncTexts = {
  title: 'Synchronisation',
  intro: 'Samvakt keeps everything on this computer and exchanges changes with the cooperation’s shared service when online. You can keep working without a connection.',
  notEnrolled: 'Not connected to the shared service',
  notEnrolledLong: 'This computer is not connected to the cooperation’s shared service. Changes are stored here only.',
  online: 'Online',
  offline: 'Offline',
  syncing: 'Synchronising …',
  stopped: 'Synchronisation stopped',
  lastSync: 'Last synchronised {time}',
  neverSynced: 'Not synchronised yet',
  pendingOne: '1 change waiting',
  pendingMany: '{count} changes waiting',
  nothingPending: 'Everything sent',
  syncNow: 'Synchronise now',
  syncing2: 'Synchronising …',
  firstDownload: 'Downloading from the shared service: {percent} %',
  firstDownloadStarting: 'Downloading from the shared service …',
  server: 'Service',
  cooperation: 'Cooperation',
  office: 'Office',
  statusLabel: 'Status',
  enrolTitle: 'Connect this computer to the shared service',
  enrolHint: 'Ask the service’s administrator for an enrolment code for the office. The code works once.',
  serverUrl: 'Service address',
  serverUrlHint: 'For example https://samvakt.example.org',
  code: 'Enrolment code',
  codeHint: 'Twelve characters, for example K7QM-2XPA-9RTD',
  enrol: 'Connect',
  enrolling: 'Connecting …',
  enrolled: 'This computer is connected to {cooperation} ({office}).',
  forget: 'Disconnect from the service',
  cancel: 'Cancel',
  forgetConfirm: 'Disconnect this computer from the shared service? The data stays on this computer, but changes are no longer exchanged until it is connected again with a new code.',
  forgotten: 'This computer is disconnected from the shared service.',
  adminOnly: 'Only administrators can connect or disconnect this computer.',
  firstRunTitle: 'Or: join an existing cooperation',
  firstRunHint: 'Is the cooperation already in use at other offices? Connect this computer to the shared service and all data is downloaded here. Then sign in with your usual account.',
  fieldRequired: 'Fill in this field.',
  fieldUrl: 'Write the address like this: https://name.org',
  fieldCode: 'The code has twelve characters, for example K7QM-2XPA-9RTD.',
  errors: {
    'sync.offline': 'Could not reach the shared service. Check the network connection; Samvakt retries by itself, and your changes are saved on this computer.',
    'sync.serverError': 'The shared service answered with an error. Samvakt retries shortly; your changes are saved on this computer.',
    'sync.revoked': 'An administrator removed this computer from the shared service. Your changes are saved here. Ask for a new enrolment code and connect again.',
    'sync.credentialInvalid': 'The service does not recognise this computer. Ask for a new enrolment code and connect again. Your changes are saved here.',
    'sync.clockDrift': 'This computer’s clock is off by more than a day. Set the correct date, time and time zone; your changes are kept and sent once the clock is right.',
    'sync.upgradeRequired': 'The shared service needs a newer version of Samvakt. Update Samvakt; your changes are saved on this computer.',
    'sync.wrongCooperation': 'This computer is connected to another cooperation than the service expects. Disconnect and connect again with a new code.',
    'sync.enrolCodeInvalid': 'The enrolment code is unknown, already used or expired. Ask the administrator for a new code.',
    'sync.rateLimited': 'The service is getting too many requests right now. Wait a minute and try again.',
    'sync.refused': 'The service refused the changes. Contact whoever runs Samvakt; your changes are saved on this computer.',
  },
};

const TEXTS: Record<Language, SyncTexts> = { nb, en };

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useSyncText(): SyncTexts {
  return TEXTS[useLanguage((state) => state.language)];
}

/** One line saying how sync stands, for the header and the settings screen. */
export function describeStatus(text: SyncTexts, status: SyncStatus, formatTime: (iso: string) => string): { state: string; detail: string[] } {
  if (!status.enrolled) return { state: text.notEnrolled, detail: [] };
  const detail: string[] = [];
  if (status.firstDownload) {
    const { done, total } = status.firstDownload;
    detail.push(total > 0 ? fill(text.firstDownload, { percent: Math.min(100, Math.floor((done / total) * 100)) }) : text.firstDownloadStarting);
  }
  detail.push(status.lastSuccessAt ? fill(text.lastSync, { time: formatTime(status.lastSuccessAt) }) : text.neverSynced);
  detail.push(status.pendingChanges === 0 ? text.nothingPending : status.pendingChanges === 1 ? text.pendingOne : fill(text.pendingMany, { count: status.pendingChanges }));
  const state = status.state === 'syncing' ? text.syncing : status.state === 'stopped' ? text.stopped : status.online ? text.online : text.offline;
  return { state, detail };
}
