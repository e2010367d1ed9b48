// Backup handlers (admins only): list this device's backups and the one being taken, take one now, restore one (Innstillinger › Sikkerhetskopi).
import { z } from 'zod';
import type { Area } from '../../domain/areas';
import { BackupError, backupInProgress, DAILY_RETENTION, listBackups, restoreBackup, takeBackup } from '../../db/backup';
import type { BackupInfo } from '../../db/backup';
import { deviceSigner, signAs } from '../../db/signer';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { BackendEvent, SignedInContext } from '../core/handler';
import { auditSecurity } from '../core/security-audit';

const restoreInput = z.object({ fileName: z.string().trim().min(1, 'required').max(200) });

/** Every area whose data a restore can change: each screen is told to reload. */
const RESTORED_AREAS: readonly Area[] = ['offices', 'staff', 'users', 'settings', 'rota', 'competence', 'routines', 'consultations', 'audit', 'backups'];

function toAppError(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  return new AppError(error.problem === 'notFound' ? 'backups.notFound' : error.problem === 'busy' ? 'backups.busy' : 'backups.unreadable');
}

/** Tells open screens that a backup moved on, at most every `everyMs` (and always at its start and end). */
export function announceBackupProgress(emit: (event: BackendEvent) => void, now: () => number = Date.now, everyMs = 250): () => void {
  let last = -Infinity;
  return () => {
    if (now() - last < everyMs) return;
    last = now();
    emit({ type: 'data.changed', area: 'backups' });
  };
}

/** Takes a backup in steps while other calls are answered; the screens follow its progress through backups.list. */
async function backUpNow(ctx: SignedInContext): Promise<BackupInfo> {
  const at = ctx.now();
  let backup: BackupInfo;
  try {
    backup = await takeBackup(ctx.store, 'manual', { at, onProgress: announceBackupProgress((event) => ctx.events.emit(event)) });
  } catch (error) {
    throw toAppError(error);
  }
  auditSecurity(ctx.store, { action: 'backup.created', actor: ctx.session, details: { fileName: backup.fileName, kind: backup.kind }, at });
  return backup;
}

/**
 * Puts this device's data back as it was in the backup. The caller confirms by sending the file name they were shown;
 * everyone is signed out afterwards (the users and their roles may differ), and every screen is told to reload.
 */
function restore(ctx: SignedInContext, { fileName }: z.output<typeof restoreInput>) {
  const at = ctx.now();
  let safetyBackup;
  try {
    ({ safetyBackup } = restoreBackup(ctx.store, fileName, at));
  } catch (error) {
    throw toAppError(error);
  }
  // Recorded after the restore, so the event is in the data as it now is (and syncs from here). The restored chain of
  // authority may not hold the admin's current key (a reset after the backup), so this computer signs it (DEVICE_MAY).
  signAs(deviceSigner(ctx.store.db, ctx.store.clock.deviceId), () =>
    auditSecurity(ctx.store, { action: 'backup.restored', actor: ctx.session, details: { fileName, safetyBackup: safetyBackup.fileName }, at }),
  );
  ctx.sessions.removeAll();
  for (const area of RESTORED_AREAS) ctx.events.emit({ type: 'data.changed', area });
  return { fileName, safetyBackup: safetyBackup.fileName };
}

export const backupsHandlers = {
  'backups.list': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => ({
      folder: ctx.store.backupDir,
      retention: DAILY_RETENTION,
      inProgress: backupInProgress(ctx.store),
      backups: listBackups(ctx.store.backupDir),
    }),
  }),
  'backups.create': defineHandler({ access: ['admin'], changes: 'backups', input: z.object({}), run: backUpNow }),
  'backups.restore': defineHandler({ access: ['admin'], input: restoreInput, run: restore }),
};
export type BackupsHandlers = typeof backupsHandlers;
