// Sync handlers: the status line, "Synkroniser nå", enrolling this device (admin, or a brand-new device) and forgetting it.
import os from 'node:os';
import { z } from 'zod';
import { getCooperation } from '../../db/cooperation';
import { DEVICE_OFFICE_KEY, getMeta, setMeta } from '../../db/local-meta';
import { listOffices } from '../../db/offices';
import { countUsers } from '../../db/users';
import { SyncError } from '../../sync/engine';
import type { AgreementResult, SyncClientErrorCode, SyncStatus } from '../../sync/engine';
import { localData } from '../core/device-admin';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { auditSecurity } from '../core/security-audit';

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

/** The result of an enrolment: the status after the first sync, or why it failed (the renderer has a text for each code). */
export interface EnrolResult {
  status: SyncStatus;
  errorCode: SyncClientErrorCode | null;
}

/**
 * The enrolment code names the offices this computer serves: the first of them becomes the computer's office (the
 * header, the log form's default and the overview use it) unless someone already chose one here.
 */
function adoptEnrolledOffice(ctx: CallContext, status: SyncStatus): void {
  if (getMeta(ctx.store.db, DEVICE_OFFICE_KEY)) return;
  const served = status.offices?.find(({ id }) => listOffices(ctx.store.db).some((office) => office.id === id));
  if (served) {
    setMeta(ctx.store.db, DEVICE_OFFICE_KEY, served.id);
    return;
  }
  const officeName = status.office;
  if (!officeName) return;
  const wanted = officeName.trim().toLocaleLowerCase('nb');
  const office = listOffices(ctx.store.db).find((candidate) => candidate.name.trim().toLocaleLowerCase('nb') === wanted);
  if (office) setMeta(ctx.store.db, DEVICE_OFFICE_KEY, office.id);
}

async function enrol(ctx: CallContext, input: z.output<typeof enrolInput>): Promise<EnrolResult> {
  try {
    // The computer's own name is what an admin recognises in the cooperation's device list.
    const status = await ctx.sync.enrol({ serverUrl: input.serverUrl, code: input.code, name: os.hostname().trim().slice(0, 100) || 'Samvakt' });
    adoptEnrolledOffice(ctx, status);
    return { status, errorCode: null };
  } catch (error) {
    if (error instanceof SyncError) return { status: ctx.sync.status(), errorCode: error.code };
    throw error;
  }
}

/**
 * An admin enrols this device. When it already holds its own data (a cooperation, offices, staff or users made here),
 * enrolling sends all of it to the service and merges it with the cooperation's data, so the caller must confirm.
 */
async function enrolAsAdmin(ctx: SignedInContext, input: z.output<typeof adminEnrolInput>): Promise<EnrolResult> {
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
  return { status: await ctx.sync.syncNow(), errorCode: null };
}

/** A brand-new device (no cooperation or users yet) joins from the first-run screen and downloads everything. */
function enrolNewDevice(ctx: CallContext, input: z.output<typeof enrolInput>): Promise<EnrolResult> {
  if (getCooperation(ctx.store.db) !== null && countUsers(ctx.store.db) > 0) throw new AppError('setup.alreadyDone');
  return enrol(ctx, input);
}

/** The engine's failures as the app explains them (the status line has its own texts for the background's). */
function toAppError(error: unknown): unknown {
  if (!(error instanceof SyncError)) return error;
  if (error.code === 'sync.offline' || error.code === 'sync.serverError' || error.code === 'sync.rateLimited') return new AppError('sync.unreachable');
  if (error.code === 'sync.revoked' || error.code === 'sync.credentialInvalid' || error.code === 'sync.wrongCooperation') return new AppError('sync.deviceRejected');
  return new AppError('sync.serviceRefused');
}

function requireEnrolled(ctx: SignedInContext) {
  if (!ctx.sync.status().enrolled) throw new AppError('sync.notEnrolled');
}

/** Compares every synced table with the service (digests at one sequence); the result also shows in the status. */
async function checkAgreement(ctx: SignedInContext): Promise<AgreementResult> {
  requireEnrolled(ctx);
  try {
    return await ctx.sync.checkAgreement();
  } catch (error) {
    throw toAppError(error);
  }
}

/** "Last ned på nytt": the admin confirmed; the engine keeps every change not yet pushed and audits the repair when it ends. */
async function repair(ctx: SignedInContext): Promise<SyncStatus> {
  requireEnrolled(ctx);
  try {
    return await ctx.sync.repair({ requestedBy: ctx.session.username });
  } catch (error) {
    throw toAppError(error);
  }
}

async function forget(ctx: SignedInContext) {
  await ctx.sync.forget();
  return { forgotten: true };
}

export const syncHandlers = {
  /** Public: the first-run screen shows the progress of a new device's first download before anyone can sign in. */
  'sync.status': defineHandler({
    access: 'public',
    input: z.object({}),
    run: (ctx): SyncStatus => ctx.sync.status(),
  }),
  'sync.now': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx): Promise<SyncStatus> => ctx.sync.syncNow(),
  }),
  /** What this device holds of its own, so the enrol form can say what will be sent and merged. */
  'sync.localData': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => localData(ctx.store.db),
  }),
  'sync.enrol': defineHandler({ access: ['admin'], changes: 'sync', input: adminEnrolInput, run: enrolAsAdmin }),
  'sync.enrolNewDevice': defineHandler({ access: 'public', changes: 'setup', input: enrolInput, run: enrolNewDevice }),
  'sync.forget': defineHandler({ access: ['admin'], changes: 'sync', input: z.object({}), run: forget }),
  /** Any signed-in person may ask whether this computer agrees with the service (digests only, no data). */
  'sync.checkAgreement': defineHandler({ access: 'signedIn', changes: 'sync', input: z.object({}), run: checkAgreement }),
  /** Admins only, after a confirmation in the app (the input says it was given). */
  'sync.repair': defineHandler({ access: ['admin'], changes: 'sync', input: z.object({ confirmed: z.literal(true) }), run: repair }),
};
export type SyncHandlers = typeof syncHandlers;
