// Office handlers: list for everyone signed in; addOffice, edit and delete for admins.
import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { officeInputSchema } from '../../domain/offices';
import { createOffice, deleteOffice, findOfficeByName, getOffice, listOffices, updateOffice } from '../../db/offices';
import { listStaff } from '../../db/staff';
import type { ChangeSet } from '../../db/write-path';
import { AppError, fieldError } from '../errors';
import { defineHandler } from '../core/handler';
import type { SignedInContext } from '../core/handler';

const updateInput = officeInputSchema.extend({ id: idSchema });
const removeInput = z.object({ id: idSchema });

function assertUniqueName(changes: ChangeSet, name: string, exceptId?: string) {
  if (findOfficeByName(changes.db, name, exceptId)) throw fieldError({ name: 'duplicate' });
}

function addOffice(ctx: SignedInContext, input: z.output<typeof officeInputSchema>) {
  const id = ctx.store.writer.write((changes) => {
    assertUniqueName(changes, input.name);
    return createOffice(changes, input);
  });
  return { id };
}

function changeOffice(ctx: SignedInContext, { id, ...values }: z.output<typeof updateInput>) {
  ctx.store.writer.write((changes) => {
    if (!getOffice(changes.db, id)) throw new AppError('offices.notFound');
    assertUniqueName(changes, values.name, id);
    updateOffice(changes, id, values);
  });
  return { id };
}

/** Deletes an office nobody has as their base office (refused with how many do). */
function removeOffice(ctx: SignedInContext, { id }: z.output<typeof removeInput>) {
  ctx.store.writer.write((changes) => {
    const office = getOffice(changes.db, id);
    if (!office) throw new AppError('offices.notFound');
    const based = listStaff(changes.db).filter((member) => member.baseOfficeId === id).length;
    if (based > 0) throw new AppError('offices.inUse', { name: office.name, count: based });
    deleteOffice(changes, id);
  });
  return { id };
}

export const officesHandlers = {
  'offices.list': defineHandler({
    access: 'signedIn',
    input: z.object({}),
    run: (ctx) => listOffices(ctx.store.db),
  }),
  'offices.create': defineHandler({ access: ['admin'], changes: 'offices', input: officeInputSchema, run: addOffice }),
  'offices.update': defineHandler({ access: ['admin'], changes: 'offices', input: updateInput, run: changeOffice }),
  'offices.remove': defineHandler({ access: ['admin'], changes: 'offices', input: removeInput, run: removeOffice }),
};
export type OfficesHandlers = typeof officesHandlers;
