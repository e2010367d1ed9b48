// Staff handlers: list for everyone signed in; addStaffMember and edit for admins and office leads.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { staffInputSchema } from '../../domain/staff';
import type { StaffValues } from '../../domain/staff';
import { getOffice } from '../../db/offices';
import { createStaffMember, getStaffMember, listStaff, updateStaffMember } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';

const updateInput = staffInputSchema.extend({ id: idSchema });

function assertOfficeExists(changes: ChangeSet, values: StaffValues) {
  if (values.baseOfficeId && !getOffice(changes.db, values.baseOfficeId)) throw fieldError({ baseOfficeId: 'invalidChoice' });
}

function addStaffMember(ctx: SignedInContext, input: z.output<typeof staffInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertOfficeExists(changes, input);
    return createStaffMember(changes, input);
  });
  return { id };
}

function changeStaffMember(ctx: SignedInContext, { id, ...values }: z.output<typeof updateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getStaffMember(changes.db, id)) throw new AppError('staff.notFound');
    assertOfficeExists(changes, values);
    updateStaffMember(changes, id, values);
  });
  return { id };
}

export const staffHandlers = {
  'staff.list': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listStaff(ctx.store.db),
  }),
  'staff.create': defineHandler({ access: ['admin', 'lead'], changes: 'staff', input: staffInputSchema, run: addStaffMember }),
  'staff.update': defineHandler({ access: ['admin', 'lead'], changes: 'staff', input: updateInput, run: changeStaffMember }),
};
export type StaffHandlers = typeof staffHandlers;
