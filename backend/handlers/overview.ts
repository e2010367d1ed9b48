// Weekly overview handler: the offices × days grid with warnings, and how fresh the data is, for the screen and the printout.
import { z } from 'zod';
import { isoWeekSchema } from '../../domain/calendar/isoWeek';
import { idSchema } from '../../domain/ids';
import { buildOverviewWeek } from '../../domain/overview/week';
import { defineHandler } from '../handler';
import { emergencyNurseLookup } from '../emergency-nurse';
import { loadRotaWeek } from '../rota-week';

export const overviewHandlers = {
  'overview.week': defineHandler({
    access: 'signedIn',
    input: z.object({ week: isoWeekSchema, officeId: idSchema.nullable() }),
    run: (ctx, { week, officeId }) => {
      const rota = loadRotaWeek(ctx.store.db, week);
      const isEmergencyNurse = emergencyNurseLookup(ctx.store.db, rota.staff);
      const offices = officeId ? rota.offices.filter((office) => office.id === officeId) : rota.offices;
      const overview = buildOverviewWeek({
        week,
        offices,
        staff: rota.staff,
        shifts: rota.shifts,
        absences: rota.absences,
        holidays: rota.holidays,
        warnings: rota.warnings.filter((warning) => !officeId || warning.officeId === officeId || warning.officeId === null),
        ...(isEmergencyNurse ? { isEmergencyNurse } : {}),
      });
      // "Data as of": the newest change this device holds (its own or, after sync, received), from the clock state.
      const newest = ctx.store.clock.latestWallMs();
      return {
        ...overview,
        generatedAt: ctx.now().toISOString(),
        dataAsOf: newest > 0 ? new Date(newest).toISOString() : null,
        lastSyncedAt: null as string | null,
      };
    },
  }),
};
export type OverviewHandlers = typeof overviewHandlers;
