// English texts for security: the lock screen, auto-lock settings and backups; typed against the Norwegian keys.
import type { securityNb } from './security.nb';

export const securityEn: Record<keyof typeof securityNb, string> = {
  'lock.title': 'The screen is locked',
  'lock.intro': '{name} ({username}) is signed in. Enter your password to carry on where you were. Nothing you typed is lost.',
  'lock.password': 'Password',
  'lock.unlock': 'Unlock',
  'lock.unlocking': 'Unlocking …',
  'lock.switchUser': 'Switch user',
  'lock.switchHint': 'Someone else? "Switch user" signs {name} out. Anything {name} has not saved is lost.',
  'lock.lockNow': 'Lock the screen',

  'settings.securityTitle': 'Automatic lock',
  'settings.securityHint':
    'Applies to this computer. The screen locks when nobody has used Samvakt for this long. The same user unlocks with their password and carries on where they were.',
  'settings.autoLockMinutes': 'Lock after (minutes without use)',
  'settings.autoLockSave': 'Save the lock time',
  'settings.autoLockSaved': 'The lock time has been saved.',
  'settings.signInLimits': 'After {max} wrong passwords in a row the username is blocked for {minutes} minutes.',

  'backups.title': 'Backup',
  'backups.intro':
    'Samvakt backs up the database on this computer every day, while you work, and keeps one per day for the last week and one per week for {weeks} weeks before that. The backups are encrypted like the database and can only be opened on this computer.',
  'backups.progress': 'Backing up: {percent} % ({copied} of {total} MB). You can go on working meanwhile.',
  'backups.progressLabel': 'Backup',
  'backups.folder': 'Folder: {folder}',
  'backups.createNow': 'Back up now',
  'backups.creating': 'Backing up …',
  'backups.created': 'The backup has been made: {file}.',
  'backups.none': 'There are no backups yet.',
  'backups.colTakenAt': 'Taken',
  'backups.colKind': 'Kind',
  'backups.colSize': 'Size',
  'backups.colFile': 'File',
  'backups.kind.daily': 'Daily',
  'backups.kind.manual': 'Manual',
  'backups.kind.beforeRestore': 'Before restore',
  'backups.kind.beforeMigration': 'Before upgrade',
  'backups.restore': 'Restore',
  'backups.restoreLabel': 'Restore the backup from {takenAt}',
  'backups.confirmTitle': 'Restore the backup from {takenAt}?',
  'backups.confirmBody':
    'Everything on this computer goes back to how it was at {takenAt}. Anything saved after that and not yet synchronised is lost. Samvakt first copies things as they are now, and everyone is signed out.',
  'backups.confirmButton': 'Restore',
  'backups.restored': 'The backup from {takenAt} has been restored. Everyone was signed out, and this is the data as it was then.',
};
