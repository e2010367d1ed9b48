// Office handlers: list for everyone signed in; create, edit and delete for admins.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { officeInputSchema } from '../../domain/offices';
import { createOffice, deleteOffice, findOfficeByName, getOffice, listOffices, updateOffice } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../handler';
import type { CallContext } from '../handler';

function assertUniqueName(ctx: CallContext, name: string, exceptId?: string) {
  if (findOfficeByName(ctx.store.db, name, exceptId)) throw fieldError({ name: 'duplicate' });
}


export const officesHandlers = {
  'offices.list': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listOffices(ctx.store.db),
  }),
  'offices.create': defineHandler({
    access: ['admin'],
    changes: 'offices',
    input: officeInputSchema,
    run: (ctx, input) => {
      const id = ctx.store.writer.write((changes) => {
        assertUniqueName(ctx, input.name);
        return createOffice(changes, input);
      });
      return { id };
    },
  }),
  'offices.update': defineHandler({
    access: ['admin'],
    changes: 'offices',
    input: officeInputSchema.extend({ id: idSchema }),
    run: (ctx, { id, ...values }) => {
      ctx.store.writer.write((changes) => {
        if (!getOffice(changes.db, id)) throw new AppError('offices.notFound');
        assertUniqueName(ctx, values.name, id);
        updateOffice(changes, id, values);
      });
      return { id };
    },
  }),
  'offices.remove': defineHandler({
    access: ['admin'],
    changes: 'offices',
    input: z.object({ id: idSchema }),
    run: (ctx, { id }) => {
      ctx.store.writer.write((changes) => {
        const office = getOffice(changes.db, id);
        if (!office) throw new AppError('offices.notFound');
        const based = listStaff(changes.db).filter((member) => member.baseOfficeId === id).length;
        if (based > 0) throw new AppError('offices.inUse', { name: office.name, count: based });
        deleteOffice(changes, id);
      });
      return { id };
    },
  }),
};
export type OfficesHandlers = typeof officesHandlers;
