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
import { auditSecurity } from '../security-audit';
import { getOffice } from '../../db/offices';
import { fieldError } from '../errors';
import { defineHandler } from '../handler';

export const settingsHandlers = {
  'settings.get': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => {
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
    },
  }),
  'settings.setDeviceOffice': defineHandler({
    access: ['admin'],
    changes: 'settings',
    input: z.object({ officeId: idSchema.nullable() }),
    run: (ctx, { officeId }) => {
      if (officeId && !getOffice(ctx.store.db, officeId)) throw fieldError({ officeId: 'invalidChoice' });
      setMeta(ctx.store.db, DEVICE_OFFICE_KEY, officeId);
      return { officeId };
    },
  }),
  /** Minutes without use before this device's screen locks (device-local, like the device's office). */
  'settings.setAutoLock': defineHandler({
    access: ['admin'],
    changes: 'settings',
    input: autoLockSchema,
    run: (ctx, { minutes }) => {
      const before = getAutoLockMinutes(ctx.store.db);
      setAutoLockMinutes(ctx.store.db, minutes);
      if (before !== minutes) auditSecurity(ctx.store, { action: 'security.autoLockChanged', actor: ctx.session, details: { minutesBefore: before, minutes }, at: ctx.now() });
      return { minutes };
    },
  }),
  'settings.renameCooperation': defineHandler({
    access: ['admin'],
    changes: 'settings',
    input: z.object({ name: requiredText(100) }),
    run: (ctx, { name }) => {
      ctx.store.writer.write((changes) => {
        const cooperation = getCooperation(changes.db);
        if (cooperation) renameCooperation(changes, cooperation.id, name);
      });
      return { name };
    },
  }),
  /** The rota's limits for the whole cooperation; the rules use them at once on every device after sync. */
  'settings.setRotaLimits': defineHandler({
    access: ['lead', 'admin'],
    changes: 'rota',
    input: rotaLimitsSchema,
    run: (ctx, limits) => {
      ctx.store.writer.write((changes) => {
        const cooperation = getCooperation(changes.db);
        if (cooperation) setRotaLimits(changes, cooperation.id, limits);
      });
      return limits;
    },
  }),
};
export type SettingsHandlers = typeof settingsHandlers;
