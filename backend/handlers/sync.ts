// Sync handlers: the status line, "Synkroniser nå", enrolling this device (admin, or a brand-new device), forgetting it, and the cooperation's devices (admin).
import os from 'node:os';
import { z } from 'zod';
import { getCooperation } from '../../db/cooperation';
import { getOffice } from '../../db/offices';
import { countUsers } from '../../db/users';
import { SyncError } from '../../sync/engine';
import type { SyncClientErrorCode, SyncStatus } from '../../sync/engine';
import { syncEngineFor } from '../background-sync';
import { createEnrolmentCode, listDevices, localData, revokeDevice } from '../device-admin';
import { AppError } from '../errors';
import { defineHandler } from '../handler';
import type { CallContext, SignedInContext } from '../handler';
import { auditSecurity } from '../security-audit';

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

/** An admin enrolling a device that holds data of its own confirms that the data goes to the service and is merged there. */
const adminEnrolInput = enrolInput.extend({ confirmMerge: z.boolean().optional() });

/** How long a new enrolment code works: a day, three days or a week. */
export const ENROLMENT_CODE_HOURS = [24, 72, 168] as const;

/** The result of an enrolment: the status after the first sync, or why it failed (the renderer has a text for each code). */
export interface EnrolResult {
  status: SyncStatus;
  errorCode: SyncClientErrorCode | null;
}

async function enrol(ctx: CallContext, input: z.output<typeof enrolInput>): Promise<EnrolResult> {
  const engine = syncEngineFor(ctx.store);
  try {
    // The computer's own name is what an admin recognises in the cooperation's device list.
    const status = await engine.enrol({ serverUrl: input.serverUrl, code: input.code, name: os.hostname().trim().slice(0, 100) || 'Samvakt' });
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
  /** What this device holds of its own, so the enrol form can say what will be sent and merged. */
  'sync.localData': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => localData(ctx.store.db),
  }),
  /**
   * An admin enrols this device. When it already holds its own data (a cooperation, offices, staff or users made here),
   * enrolling sends all of it to the service and merges it with the cooperation's data, so the caller must confirm.
   */
  'sync.enrol': defineHandler({
    access: ['admin'],
    changes: 'sync',
    input: adminEnrolInput,
    run: async (ctx, input) => {
      const local = localData(ctx.store.db);
      if (local.hasLocalData && input.confirmMerge !== true) throw new AppError('sync.mergeNotConfirmed');
      const result = await enrol(ctx, input);
      if (result.errorCode) return result;
      auditSecurity(ctx.store, {
        action: 'device.enrolled',
        actor: ctx.session,
        details: { cooperation: result.status.cooperationName, office: result.status.office, mergedLocalData: local.hasLocalData },
        at: ctx.now(),
      });
      // The audit event goes out at once rather than with the next background cycle.
      return { status: await syncEngineFor(ctx.store).syncNow(), errorCode: null };
    },
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
  /** The cooperation's devices as the service knows them (this device is marked). */
  'sync.devices': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => listDevices(ctx.store),
  }),
  /** A one-time code that enrols a new device at one of the cooperation's offices. The code itself is not logged. */
  'sync.createEnrolmentCode': defineHandler({
    access: ['admin'],
    changes: 'devices',
    input: z.object({
      officeId: z.string().trim().min(1, 'required'),
      validHours: z
        .number()
        .int()
        .refine((hours) => (ENROLMENT_CODE_HOURS as readonly number[]).includes(hours), 'invalidChoice')
        .default(72),
    }),
    run: async (ctx: SignedInContext, input) => {
      const office = getOffice(ctx.store.db, input.officeId);
      if (!office) throw new AppError('offices.notFound');
      const created = await createEnrolmentCode(ctx.store, office.name, input.validHours);
      auditSecurity(ctx.store, {
        action: 'device.enrolmentCodeCreated',
        actor: ctx.session,
        targetTable: 'offices',
        targetId: office.id,
        details: { office: office.name, expiresAt: created.expiresAt },
        at: ctx.now(),
      });
      return { ...created, office: office.name };
    },
  }),
  /** Revokes another device of the cooperation: its next request to the service is refused. */
  'sync.revokeDevice': defineHandler({
    access: ['admin'],
    changes: 'devices',
    input: z.object({ deviceId: z.string().trim().min(1, 'required').max(100, 'tooLong') }),
    run: async (ctx: SignedInContext, input) => {
      const { device, result } = await revokeDevice(ctx.store, input.deviceId);
      auditSecurity(ctx.store, {
        action: 'device.revoked',
        actor: ctx.session,
        targetId: device.id,
        details: { name: device.name, office: device.office },
        at: ctx.now(),
      });
      return result;
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
