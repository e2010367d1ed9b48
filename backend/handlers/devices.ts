// Device administration handlers (admins): the cooperation's devices as the service knows them, enrolment codes, revoking a device.
import { z } from 'zod';
import { getOffice } from '../../db/offices';
import { createEnrolmentCode, listDevices, revokeDevice } from '../core/device-admin';
import { AppError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';
import { auditSecurity } from '../core/security-audit';

/** How long a new enrolment code works: a day, three days or a week. */
export const ENROLMENT_CODE_HOURS = [24, 72, 168] as const;

const enrolmentCodeInput = z.object({
  officeId: z.string().trim().min(1, 'required'),
  validHours: z
    .number()
    .int()
    .refine((hours) => (ENROLMENT_CODE_HOURS as readonly number[]).includes(hours), 'invalidChoice')
    .default(72),
});

const revokeInput = z.object({ deviceId: z.string().trim().min(1, 'required').max(100, 'tooLong') });

/** A one-time code that enrols a new device at one of the cooperation's offices. The code itself is not logged. */
async function createEnrolmentCodeForOffice(ctx: SignedInContext, input: z.output<typeof enrolmentCodeInput>) {
  const office = getOffice(ctx.store.db, input.officeId);
  if (!office) throw new AppError('offices.notFound');
  const created = await createEnrolmentCode(ctx.sync, [office.id], input.validHours);
  auditSecurity(ctx.store, {
    action: 'device.enrolmentCodeCreated',
    actor: ctx.session,
    targetTable: 'offices',
    targetId: office.id,
    details: { office: office.name, expiresAt: created.expiresAt },
    at: ctx.now(),
  });
  return { ...created, office: office.name };
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
  'sync.createEnrolmentCode': defineHandler({ access: ['admin'], changes: 'devices', input: enrolmentCodeInput, run: createEnrolmentCodeForOffice }),
  'sync.revokeDevice': defineHandler({ access: ['admin'], changes: 'devices', input: revokeInput, run: revokeOtherDevice }),
};
export type DevicesHandlers = typeof devicesHandlers;
