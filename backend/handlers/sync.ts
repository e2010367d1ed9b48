// Sync handlers: the status line, "Synkroniser nå", enrolling this device with the shared service (admin, or a brand-new device) and forgetting it.
import { z } from 'zod';
import { getCooperation } from '../../db/cooperation';
import { countUsers } from '../../db/users';
import { SyncError } from '../../sync/engine';
import type { SyncClientErrorCode, SyncStatus } from '../../sync/engine';
import { syncEngineFor } from '../background-sync';
import { AppError } from '../errors';
import { defineHandler } from '../handler';
import type { CallContext } from '../handler';

const enrolInput = z.object({
  serverUrl: z
    .string()
    .trim()
    .min(1, 'required')
    .max(300, 'tooLong')
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), 'invalidFormat'),
  code: z
    .string()
    .trim()
    .min(1, 'required')
    .max(64, 'tooLong')
    .refine((value) => value.replace(/[^A-Za-z0-9]/g, '').length >= 8, 'invalidFormat'),
});

/** The result of an enrolment: the status after the first sync, or why it failed (the renderer has a text for each code). */
export interface EnrolResult {
  status: SyncStatus;
  errorCode: SyncClientErrorCode | null;
}

async function enrol(ctx: CallContext, input: z.output<typeof enrolInput>): Promise<EnrolResult> {
  const engine = syncEngineFor(ctx.store);
  try {
    const status = await engine.enrol({ serverUrl: input.serverUrl, code: input.code, name: ctx.session?.name ?? 'Samvakt' });
    return { status, errorCode: null };
  } catch (error) {
    if (error instanceof SyncError) return { status: engine.status(), errorCode: error.code };
    throw error;
  }
}

export const syncHandlers = {
  /** Public: the first-run screen shows the progress of a new device's first download before anyone can sign in. */
  'sync.status': defineHandler({
    access: 'public',
    input: z.object({}),
    run: (ctx): SyncStatus => syncEngineFor(ctx.store).status(),
  }),
  'sync.now': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx): Promise<SyncStatus> => syncEngineFor(ctx.store).syncNow(),
  }),
  'sync.enrol': defineHandler({
    access: ['admin'],
    changes: 'sync',
    input: enrolInput,
    run: enrol,
  }),
  /** A brand-new device (no cooperation or users yet) joins from the first-run screen and downloads everything. */
  'sync.enrolNewDevice': defineHandler({
    access: 'public',
    changes: 'setup',
    input: enrolInput,
    run: (ctx, input) => {
      if (getCooperation(ctx.store.db) !== null && countUsers(ctx.store.db) > 0) throw new AppError('setup.alreadyDone');
      return enrol(ctx, input);
    },
  }),
  'sync.forget': defineHandler({
    access: ['admin'],
    changes: 'sync',
    input: z.object({}),
    run: async (ctx) => {
      await syncEngineFor(ctx.store).forget();
      return { forgotten: true };
    },
  }),
};
export type SyncHandlers = typeof syncHandlers;
