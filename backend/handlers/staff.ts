// Staff handlers: list for everyone signed in; create and edit for admins and office leads.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { staffInputSchema } from '../../domain/staff';
import type { StaffValues } from '../../domain/staff';
import { getOffice } from '../../db/offices';
import { createStaffMember, getStaffMember, listStaff, updateStaffMember } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../handler';

function assertOfficeExists(changes: ChangeSet, values: StaffValues) {
  if (values.baseOfficeId && !getOffice(changes.db, values.baseOfficeId)) throw fieldError({ baseOfficeId: 'invalidChoice' });
}

export const staffHandlers = {
  'staff.list': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listStaff(ctx.store.db),
  }),
  'staff.create': defineHandler({
    access: ['admin', 'lead'],
    changes: 'staff',
    input: staffInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        assertOfficeExists(changes, input);
        return createStaffMember(changes, input);
      });
      return { id };
    },
  }),
  'staff.update': defineHandler({
    access: ['admin', 'lead'],
    changes: 'staff',
    input: staffInputSchema.extend({ id: idSchema }),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getStaffMember(changes.db, id)) throw new AppError('staff.notFound');
        assertOfficeExists(changes, values);
        updateStaffMember(changes, id, values);
      });
      return { id };
    },
  }),
};
export type StaffHandlers = typeof staffHandlers;
