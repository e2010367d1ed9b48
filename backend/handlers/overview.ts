// Overview handlers: the week's offices × days grid with warnings and how fresh the data is (screen and printout), and today's staffing at this device's office.
import { z } from 'zod';
import { isoWeekSchema } from '../../domain/calendar/isoWeek';
import { idSchema } from '../../domain/ids';
import { buildOverviewWeek } from '../../domain/overview/week';
import { visibleAbsence, visibleWarning } from '../../domain/rota/absence-privacy';
import { defineHandler } from '../core/handler';
import type { CallContext, SignedInContext } from '../core/handler';
import { countsByOffice } from '../../db/consultation-facts';
import { DEVICE_OFFICE_KEY, getMeta } from '../../db/local-meta';
import { getOffice, listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { osloToday } from '../../domain/calendar/oslo';
import { emergencyNurseLookup } from '../read-models/emergency-nurse';
import { draftFilterFor, weekPublication } from '../read-models/rota-publication';
import { loadRotaWeekWithLookup, plannedShifts } from '../read-models/rota-week';

/** Today's staffing at this device's office, for the one line every screen shows; null when the device has no office. */
function todayAtDeviceOffice(ctx: CallContext) {
  const officeId = getMeta(ctx.store.db, DEVICE_OFFICE_KEY);
  const office = officeId ? getOffice(ctx.store.db, officeId) : null;
  if (!office) return null;
  const date = osloToday(ctx.now().getTime());
  const staff = listStaff(ctx.store.db);
  const byId = new Map(staff.map((member) => [member.id, member]));
  const offices = new Map(listOffices(ctx.store.db).map((o) => [o.id, o.name]));
  const isEmergencyNurse = emergencyNurseLookup(ctx.store.db, staff);
  const shifts = plannedShifts(ctx.store.db, date, date).filter((shift) => shift.officeId === office.id && (shift.kind === 'clinic' || shift.kind === 'video'));
  const person = (shift: (typeof shifts)[number]) => {
    const member = byId.get(shift.staffId);
    return {
      staffId: shift.staffId,
      name: member?.name ?? '',
      profession: member?.profession ?? 'other',
      start: shift.start,
      end: shift.end,
      emergency: member?.profession === 'nurse' && (isEmergencyNurse?.(shift.staffId, date) ?? false),
      baseOfficeName: member?.baseOfficeId ? (offices.get(member.baseOfficeId) ?? null) : null,
    };
  };
  return {
    officeId: office.id,
    officeName: office.name,
    date,
    onSite: shifts.filter((shift) => shift.kind === 'clinic').map(person),
    video: shifts.filter((shift) => shift.kind === 'video').map(person),
  };
}

const weekInput = z.object({ week: isoWeekSchema, officeId: idSchema.nullable() });

/** The offices × days grid of a week (one office or all) with the rules' warnings, how fresh the data is, and the consultation counts. */
function overviewWeek(ctx: SignedInContext, { week, officeId }: z.output<typeof weekInput>) {
  // The rules already built the emergency-nurse lookup; the grid's ★ uses the same one.
  // Staff never get shifts of draft weeks; leads and admins get them, and the grid and printout say "Utkast".
  const drafts = draftFilterFor(ctx.store.db, ctx.session, ctx.now());
  const { rota, isEmergencyNurse } = loadRotaWeekWithLookup(ctx.store.db, week, drafts.hideShift ? { hideShift: drafts.hideShift } : {});
  const offices = officeId ? rota.offices.filter((office) => office.id === officeId) : rota.offices;
  const overview = buildOverviewWeek({
    week,
    offices,
    staff: rota.staff,
    shifts: rota.shifts,
    // The reasons for colleagues' absences never leave the backend: a colleague gets "fravær" only (A6).
    absences: rota.absences.map((absence) => visibleAbsence(ctx.session, absence)),
    holidays: rota.holidays,
    warnings: rota.warnings
      .filter((warning) => !officeId || warning.officeId === officeId || warning.officeId === null)
      .map((warning) => visibleWarning(ctx.session, warning)),
    ...(isEmergencyNurse ? { isEmergencyNurse } : {}),
  });
  // "Data as of": the newest change this device holds (its own or, after sync, received), from the clock state.
  const newest = ctx.store.clock.latestWallMs();
  return {
    ...overview,
    publication: weekPublication(ctx.store.db, drafts, ctx.session, week, offices.map((office) => office.id)),
    generatedAt: ctx.now().toISOString(),
    dataAsOf: newest > 0 ? new Date(newest).toISOString() : null,
    /** When this device last finished a sync with the service; null when it never has (or is not enrolled). */
    lastSyncedAt: ctx.sync.lastSuccessAt(),
    /** Consultations logged per office this week (not cancelled), for the trial's weekly view. */
    consultationCounts: countsByOffice(ctx.store.db, rota.dates[0] ?? '', rota.dates.at(-1) ?? ''),
  };
}

export const overviewHandlers = {
  'overview.week': defineHandler({ access: 'signedIn', input: weekInput, run: overviewWeek }),
  'overview.today': defineHandler({ access: 'signedIn', input: z.object({}), run: todayAtDeviceOffice }),
};
export type OverviewHandlers = typeof overviewHandlers;
