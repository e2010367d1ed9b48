// Norwegian texts for security: the lock screen, Innstillinger › Sikkerhet (auto-lock) and Innstillinger › Sikkerhetskopi.
export const securityNb = {
  'lock.title': 'Skjermen er låst',
  'lock.intro': '{name} ({username}) er logget inn. Skriv passordet ditt for å fortsette der du var. Ingenting du har skrevet er borte.',
  'lock.password': 'Passord',
  'lock.unlock': 'Lås opp',
  'lock.unlocking': 'Låser opp …',
  'lock.switchUser': 'Bytt bruker',
  'lock.switchHint': 'Er du en annen? «Bytt bruker» logger ut {name}. Det {name} ikke har lagret, går tapt.',
  'lock.lockNow': 'Lås skjermen',

  'settings.securityTitle': 'Automatisk låsing',
  'settings.securityHint':
    'Gjelder denne maskinen. Skjermen låses når ingen har brukt Samvakt så lenge. Samme bruker låser opp med passordet og fortsetter der de var.',
  'settings.autoLockMinutes': 'Lås etter (minutter uten bruk)',
  'settings.autoLockSave': 'Lagre låsetiden',
  'settings.autoLockSaved': 'Låsetiden er lagret.',
  'settings.signInLimits': 'Etter {max} feil passord på rad sperres brukernavnet i {minutes} minutter.',

  'backups.title': 'Sikkerhetskopi',
  'backups.intro':
    'Samvakt tar en sikkerhetskopi av databasen på denne maskinen hver dag og beholder de {keep} siste daglige. Kopiene er kryptert som databasen og kan bare åpnes på denne maskinen.',
  'backups.folder': 'Mappe: {folder}',
  'backups.createNow': 'Ta sikkerhetskopi nå',
  'backups.creating': 'Tar sikkerhetskopi …',
  'backups.created': 'Sikkerhetskopien er tatt: {file}.',
  'backups.none': 'Det finnes ingen sikkerhetskopier ennå.',
  'backups.colTakenAt': 'Tatt',
  'backups.colKind': 'Type',
  'backups.colSize': 'Størrelse',
  'backups.colFile': 'Fil',
  'backups.kind.daily': 'Daglig',
  'backups.kind.manual': 'Manuell',
  'backups.kind.beforeRestore': 'Før gjenoppretting',
  'backups.kind.beforeMigration': 'Før oppgradering',
  'backups.restore': 'Gjenopprett',
  'backups.restoreLabel': 'Gjenopprett sikkerhetskopien fra {takenAt}',
  'backups.confirmTitle': 'Gjenopprette sikkerhetskopien fra {takenAt}?',
  'backups.confirmBody':
    'Alt på denne maskinen blir som det var {takenAt}. Det som er lagret etter det og ikke er synkronisert, går tapt. Samvakt tar først en kopi av slik det er nå, og alle blir logget ut.',
  'backups.confirmButton': 'Gjenopprett',
  'backups.restored': 'Sikkerhetskopien fra {takenAt} er gjenopprettet. Alle ble logget ut, og dette er dataene slik de var da.',
} as const;
