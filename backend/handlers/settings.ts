// Settings handlers: this device's office (device-local) and the cooperation's name.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { requiredText } from '../../domain/validation';
import { getCooperation, getCooperationSettings, renameCooperation, setRotaLimits } from '../../db/cooperation';
import { rotaLimitsSchema } from '../../domain/rota/limits';
import { DEFAULT_ROTA_LIMITS } from '../../domain/rota/rules';
import { DEVICE_OFFICE_KEY, getMeta, setMeta } from '../../db/local-meta';
import { getAutoLockMinutes, setAutoLockMinutes } from '../../db/security-settings';
import { autoLockSchema } from '../../domain/security';
import { auditSecurity } from '../core/security-audit';
import { getOffice } from '../../db/offices';
import { fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';

const deviceOfficeInput = z.object({ officeId: idSchema.nullable() });
const renameInput = z.object({ name: requiredText(100) });

/** This device's settings (its office, auto-lock) and the cooperation's (name, rota limits). */
function getSettings(ctx: CallContext) {
  const officeId = getMeta(ctx.store.db, DEVICE_OFFICE_KEY);
  const office = officeId ? getOffice(ctx.store.db, officeId) : null;
  const cooperation = getCooperation(ctx.store.db);
  return {
    deviceId: ctx.store.clock.deviceId,
    deviceOfficeId: office?.id ?? null,
    deviceOfficeName: office?.name ?? null,
    cooperationName: cooperation?.name ?? '',
    exampleData: cooperation?.exampleData ?? false,
    rotaLimits: { ...DEFAULT_ROTA_LIMITS, ...getCooperationSettings(ctx.store.db).rotaLimits },
    autoLockMinutes: getAutoLockMinutes(ctx.store.db),
  };
}

function setDeviceOffice(ctx: SignedInContext, { officeId }: z.output<typeof deviceOfficeInput>) {
  if (officeId && !getOffice(ctx.store.db, officeId)) throw fieldError({ officeId: 'invalidChoice' });
  setMeta(ctx.store.db, DEVICE_OFFICE_KEY, officeId);
  return { officeId };
}

/** Minutes without use before this device's screen locks (device-local, like the device's office); a change is audited. */
function setAutoLock(ctx: SignedInContext, { minutes }: z.output<typeof autoLockSchema>) {
  const before = getAutoLockMinutes(ctx.store.db);
  setAutoLockMinutes(ctx.store.db, minutes);
  if (before !== minutes) auditSecurity(ctx.store, { action: 'security.autoLockChanged', actor: ctx.session, details: { minutesBefore: before, minutes }, at: ctx.now() });
  return { minutes };
}

function renameCooperationTo(ctx: SignedInContext, { name }: z.output<typeof renameInput>) {
  ctx.store.writer.write((changes) => {
    const cooperation = getCooperation(changes.db);
    if (cooperation) renameCooperation(changes, cooperation.id, name);
  });
  return { name };
}

/** The rota's limits for the whole cooperation; the rules use them at once on every device after sync. */
function saveRotaLimits(ctx: SignedInContext, limits: z.output<typeof rotaLimitsSchema>) {
  ctx.store.writer.write((changes) => {
    const cooperation = getCooperation(changes.db);
    if (cooperation) setRotaLimits(changes, cooperation.id, limits);
  });
  return limits;
}

export const settingsHandlers = {
  'settings.get': defineHandler({ access: 'signedIn', input: z.object({}), run: getSettings }),
  'settings.setDeviceOffice': defineHandler({ access: ['admin'], changes: 'settings', input: deviceOfficeInput, run: setDeviceOffice }),
  'settings.setAutoLock': defineHandler({ access: ['admin'], changes: 'settings', input: autoLockSchema, run: setAutoLock }),
  'settings.renameCooperation': defineHandler({ access: ['admin'], changes: 'settings', input: renameInput, run: renameCooperationTo }),
  'settings.setRotaLimits': defineHandler({ access: ['lead', 'admin'], changes: 'rota', input: rotaLimitsSchema, run: saveRotaLimits }),
};
export type SettingsHandlers = typeof settingsHandlers;
