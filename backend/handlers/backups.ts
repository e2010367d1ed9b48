// Backup handlers (admins only): list this device's backups, take one now, restore one (Innstillinger › Sikkerhetskopi).
import { z } from 'zod';
import { BackupError, BACKUP_RETENTION, createBackup, listBackups, restoreBackup } from '../../db/backup';
import { AppError } from '../errors';
import { defineHandler } from '../handler';
import { auditSecurity } from '../security-audit';

const fileNameSchema = z.string().trim().min(1, 'required').max(200);

export const backupsHandlers = {
  'backups.list': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => ({ folder: ctx.store.backupDir, keepDaily: BACKUP_RETENTION.daily, backups: listBackups(ctx.store.backupDir) }),
  }),
  'backups.create': defineHandler({
    access: ['admin'],
    changes: 'backups',
    input: z.object({}),
    run: (ctx) => {
      const at = ctx.now();
      const backup = createBackup(ctx.store, 'manual', at);
      auditSecurity(ctx.store, { action: 'backup.created', actor: ctx.session, details: { fileName: backup.fileName, kind: backup.kind }, at });
      return backup;
    },
  }),
  /**
   * Puts this device's data back as it was in the backup. The caller confirms by sending the file name they were shown;
   * everyone is signed out afterwards (the users and their roles may differ), and every screen is told to reload.
   */
  'backups.restore': defineHandler({
    access: ['admin'],
    input: z.object({ fileName: fileNameSchema }),
    run: (ctx, { fileName }) => {
      const at = ctx.now();
      let safetyBackup;
      try {
        ({ safetyBackup } = restoreBackup(ctx.store, fileName, at));
      } catch (error) {
        if (error instanceof BackupError) throw new AppError(error.problem === 'notFound' ? 'backups.notFound' : 'backups.unreadable');
        throw error;
      }
      // Recorded after the restore, so the event is in the data as it now is (and syncs from here).
      auditSecurity(ctx.store, { action: 'backup.restored', actor: ctx.session, details: { fileName, safetyBackup: safetyBackup.fileName }, at });
      ctx.sessions.removeAll();
      for (const area of ['offices', 'staff', 'users', 'settings', 'rota', 'competence', 'routines', 'consultations', 'audit', 'backups']) {
        ctx.events.emit({ type: 'data.changed', area });
      }
      return { fileName, safetyBackup: safetyBackup.fileName };
    },
  }),
};
export type BackupsHandlers = typeof backupsHandlers;
