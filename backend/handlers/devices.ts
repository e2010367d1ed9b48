// Device administration handlers (admins): the cooperation's devices as the service knows them, enrolment codes, revoking a device.
import { z } from 'zod';
import { getOffice } from '../../db/offices';
import { createEnrolmentCode, listDevices, revokeDevice, setDeviceOffices } from '../core/device-admin';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditSecurity } from '../core/security-audit';

/** How long a new enrolment code works: a day, three days or a week. */
export const ENROLMENT_CODE_HOURS = [24, 72, 168] as const;

/** One or more offices, each once: the computer receives patient data of these offices only. */
const officeIdsSchema = z
  .array(z.string().trim().min(1, 'required'))
  .min(1, 'required')
  .max(100, 'tooLong')
  .transform((ids) => [...new Set(ids)].sort());

const enrolmentCodeInput = z.object({
  officeIds: officeIdsSchema,
  validHours: z
    .number()
    .int()
    .refine((hours) => (ENROLMENT_CODE_HOURS as readonly number[]).includes(hours), 'invalidChoice')
    .default(72),
});

const revokeInput = z.object({ deviceId: z.string().trim().min(1, 'required').max(100, 'tooLong') });
const setOfficesInput = z.object({ deviceId: z.string().trim().min(1, 'required').max(100, 'tooLong'), officeIds: officeIdsSchema });

/** The offices by id, refusing an id that is no office here. */
function officesOf(ctx: SignedInContext, ids: readonly string[]) {
  return ids.map((id) => {
    const office = getOffice(ctx.store.db, id);
    if (!office) throw new AppError('offices.notFound');
    return office;
  });
}

/** A one-time code that enrols a new device serving one or more of the cooperation's offices. The code itself is not logged. */
async function createEnrolmentCodeForOffices(ctx: SignedInContext, input: z.output<typeof enrolmentCodeInput>) {
  const offices = officesOf(ctx, input.officeIds);
  const created = await createEnrolmentCode(ctx.sync, input.officeIds, input.validHours);
  const names = offices.map((office) => office.name);
  auditSecurity(ctx.store, {
    action: 'device.enrolmentCodeCreated',
    actor: ctx.session,
    targetTable: 'offices',
    targetId: offices[0]!.id,
    details: { office: names.join(', '), offices: names, expiresAt: created.expiresAt },
    at: ctx.now(),
  });
  return { ...created, office: names.join(', '), offices: names };
}

/** Changes which offices a computer serves: the service sends it only those offices' patient data from its next pull, and the computer removes the rest. */
async function changeDeviceOffices(ctx: SignedInContext, input: z.output<typeof setOfficesInput>) {
  const offices = officesOf(ctx, input.officeIds);
  const { device, result } = await setDeviceOffices(ctx.sync, input.deviceId, input.officeIds);
  auditSecurity(ctx.store, {
    action: 'device.officesChanged',
    actor: ctx.session,
    targetId: device.id,
    details: { name: device.name, before: device.office, offices: offices.map((office) => office.name).sort((a, b) => a.localeCompare(b, 'nb')) },
    at: ctx.now(),
  });
  // This computer's own offices changed: its next pull notices, so do it now.
  if (device.self) await ctx.sync.syncNow();
  return result;
}

/** Revokes another device of the cooperation: its next request to the service is refused. */
async function revokeOtherDevice(ctx: SignedInContext, input: z.output<typeof revokeInput>) {
  const { device, result } = await revokeDevice(ctx.sync, input.deviceId);
  auditSecurity(ctx.store, {
    action: 'device.revoked',
    actor: ctx.session,
    targetId: device.id,
    details: { name: device.name, office: device.office },
    at: ctx.now(),
  });
  return result;
}

export const devicesHandlers = {
  /** The cooperation's devices as the service knows them (this device is marked). */
  'sync.devices': defineHandler({
    access: ['admin'],
    input: z.object({}),
    run: (ctx) => listDevices(ctx.sync),
  }),
  'sync.createEnrolmentCode': defineHandler({ access: ['admin'], changes: 'devices', input: enrolmentCodeInput, run: createEnrolmentCodeForOffices }),
  'sync.setDeviceOffices': defineHandler({ access: ['admin'], changes: 'devices', input: setOfficesInput, run: changeDeviceOffices }),
  'sync.revokeDevice': defineHandler({ access: ['admin'], changes: 'devices', input: revokeInput, run: revokeOtherDevice }),
};
export type DevicesHandlers = typeof devicesHandlers;
