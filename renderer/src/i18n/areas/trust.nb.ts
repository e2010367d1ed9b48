// Norwegian (bokmål) texts of trust: the root fingerprint and the admins' review of what sync set aside (Innstillinger › Tillit).
export const trustNb = {
  'trust.title': 'Tillit og signering',
  'trust.intro':
    'Hver endring signeres av den som gjorde den, og hver maskin kontrollerer signaturen før endringen tas i bruk. Fingeravtrykket under skal være likt på alle kontorene i samarbeidet. Er det ulikt, ta kontakt med administrator før du gjør mer.',
  'trust.fingerprint': 'Samarbeidets fingeravtrykk',
  'trust.rootAdmin': 'Første administrator',
  'trust.noRoot': 'Samarbeidet har ikke fått signeringsnøkkel ennå. Den lages når den første administratoren logger inn etter oppdateringen.',
  'trust.setAsideTitle': 'Endringer som er satt til side',
  'trust.setAsideNone': 'Ingen endringer er satt til side. Alt denne maskinen har mottatt, var signert av noen som hadde lov.',
  'trust.setAsideIntro':
    '{count} {count:endring|endringer} fra felles tjeneste ble ikke tatt i bruk fordi kontrollen feilet. De er tatt vare på her. Meld fra til den som drifter felles tjeneste, og undersøk hvilken maskin de kom fra.',
  'trust.colReceived': 'Mottatt',
  'trust.colAuthor': 'Signert av',
  'trust.colReason': 'Hvorfor',
  'trust.colWhat': 'Hva',
  'trust.what': '{count} {count:felt|felt} i {tables}',
  'trust.reason.trust.badSignature': 'Signaturen stemmer ikke (endret eller forfalsket)',
  'trust.reason.trust.unknownAuthor': 'Ukjent avsender eller nøkkel',
  'trust.reason.trust.inactiveAuthor': 'Brukeren var deaktivert',
  'trust.reason.trust.forbidden': 'Rollen gir ikke lov til denne endringen',
  'trust.reason.trust.writeOnce': 'Forsøk på å skrive om noe som bare kan skrives én gang',
  'trust.reason.trust.unsigned': 'Usignert endring etter at signering ble innført',
  'trust.reason.trust.rootMismatch': 'Feil rotnøkkel for samarbeidet',
  'trust.reason.trust.signerNotAdmin': 'Signert av noen som ikke var administrator',
  'trust.reason.trust.badRecord': 'Ugyldig tilgangspost',
  'trust.reason.trust.duplicateAccount': 'Brukerkontoen fantes fra før',
  'trust.reason.trust.unknownSubject': 'Ukjent bruker i tilgangsposten',
  'trust.refusedRecords': '{count} {count:tilgangspost|tilgangsposter} teller ikke fordi de ikke var gyldig signert av en administrator.',
  'trust.withoutKeyTitle': 'Brukere uten nøkkel ennå',
  'trust.withoutKeyIntro':
    'Disse brukerne fantes før signering ble innført og får nøkkel neste gang de logger inn. Til da kan du tilbakestille passordet deres for å gi dem ny nøkkel med en gang.',
} as const;
