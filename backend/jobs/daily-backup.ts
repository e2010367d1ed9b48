// The automatic daily backup: checks at start and then every hour whether today's backup exists, and takes it if not.
import { ensureDailyBackup } from '../../db/backup';
import { getCooperation } from '../../db/cooperation';
import type { LocalStore } from '../../db/open';
import { auditSecurity } from '../core/security-audit';

export interface DailyBackupOptions {
  store: LocalStore;
  now?: () => Date;
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Runs one check now; returns the file taken, or null. Errors are logged, never thrown: a failed backup must not stop the app. */
export function runDailyBackup(options: DailyBackupOptions): string | null {
  const at = (options.now ?? (() => new Date()))();
  try {
    const backup = ensureDailyBackup(options.store, at);
    if (!backup) return null;
    // Before the computer is set up or has joined there is no cooperation to sign the audit event for (the service would
    // refuse it): the backup is taken, the event is not written.
    if (getCooperation(options.store.db)) auditSecurity(options.store, { action: 'backup.created', actor: null, details: { fileName: backup.fileName, kind: backup.kind }, at });
    return backup.fileName;
  } catch (error) {
    (options.log ?? ((message, detail) => console.error(`[backup] ${message}`, detail)))('the daily backup failed', error);
    return null;
  }
}

/** Starts the checks; the timer does not keep the process alive. Returns a function that stops them. */
export function startDailyBackups(options: DailyBackupOptions): () => void {
  runDailyBackup(options);
  const timer = setInterval(() => runDailyBackup(options), options.intervalMs ?? 60 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
