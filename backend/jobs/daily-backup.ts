// The automatic daily backup: checks after start and then every hour whether today's backup exists, and takes it in steps if not.
import { ensureDailyBackup } from '../../db/backup';
import { getCooperation } from '../../db/cooperation';
import type { LocalStore } from '../../db/open';
import type { BackendEvent } from '../core/handler';
import { auditSecurity } from '../core/security-audit';
import { announceBackupProgress } from '../handlers/backups';

export interface DailyBackupOptions {
  store: LocalStore;
  now?: () => Date;
  intervalMs?: number;
  /** How long after start the first check waits, so the sign-in screen comes first (docs/performance.md). */
  firstCheckAfterMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Where progress is announced (the backend's events), so Innstillinger shows it. */
  emit?: (event: BackendEvent) => void;
}

/**
 * Runs one check now; resolves to the file taken, or null. The copy runs in steps, so calls are answered meanwhile.
 * Errors are logged, never thrown: a failed backup must not stop the app.
 */
export async function runDailyBackup(options: DailyBackupOptions): Promise<string | null> {
  const at = (options.now ?? (() => new Date()))();
  try {
    const progress = options.emit ? announceBackupProgress(options.emit) : undefined;
    const backup = await ensureDailyBackup(options.store, at, progress);
    if (!backup) return null;
    options.emit?.({ type: 'data.changed', area: 'backups' });
    // Before the computer is set up or has joined there is no cooperation to sign the audit event for (the service would
    // refuse it): the backup is taken, the event is not written.
    if (getCooperation(options.store.db)) auditSecurity(options.store, { action: 'backup.created', actor: null, details: { fileName: backup.fileName, kind: backup.kind }, at });
    return backup.fileName;
  } catch (error) {
    if (!options.store.db.open) return null;
    (options.log ?? ((message, detail) => console.error(`[backup] ${message}`, detail)))('the daily backup failed', error);
    return null;
  }
}

/** Starts the checks (the first shortly after start); the timers do not keep the process alive. Returns a function that stops them. */
export function startDailyBackups(options: DailyBackupOptions): () => void {
  const first = setTimeout(() => void runDailyBackup(options), options.firstCheckAfterMs ?? 2_000);
  first.unref();
  const timer = setInterval(() => void runDailyBackup(options), options.intervalMs ?? 60 * 60_000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
