// First-run handlers: tell whether setup is needed, create the cooperation and first admin, or load the example dataset.
import { z } from 'zod';
import { requiredText } from '../../domain/validation';
import { passwordSchema, usernameSchema } from '../../domain/users';
import { createCooperation, getCooperation } from '../../db/cooperation';
import { createStaffMember } from '../../db/staff';
import { countUsers, createUser } from '../../db/users';
import { writeAuthorityRecord } from '../../db/authority-records';
import { newId } from '../../db/ids';
import { signAs, userSigner } from '../../db/signer';
import { AppError } from '../errors';
import { EXAMPLE_ACCOUNTS, loadExampleDataset } from '../demo-data/indre-namdal';
import { defineHandler } from '../core/handler';
import { osloToday } from '../../domain/calendar/oslo';
import type { CallContext } from '../core/handler';
import { newAccountKey } from '../core/account-keys';
import { hashPasswordWithKey } from '../core/passwords';
import { startSession } from './session';

function needsSetup(ctx: CallContext): boolean {
  return getCooperation(ctx.store.db) === null || countUsers(ctx.store.db) === 0;
}

function assertNeedsSetup(ctx: CallContext) {
  if (!needsSetup(ctx)) throw new AppError('setup.alreadyDone');
}

const createCooperationInput = z.object({
  cooperationName: requiredText(100),
  adminName: requiredText(100),
  username: usernameSchema,
  password: passwordSchema,
});

function setupStatus(ctx: CallContext) {
  const cooperation = getCooperation(ctx.store.db);
  return {
    needsSetup: needsSetup(ctx),
    cooperationName: cooperation?.name ?? null,
    exampleData: cooperation?.exampleData ?? false,
    // Only the example dataset has well-known passwords, so only then does the sign-in screen show them.
    exampleAccounts: cooperation?.exampleData ? EXAMPLE_ACCOUNTS : [],
  };
}

/**
 * First run: the cooperation, its first admin (as a staff member with a user) and a session for them. The admin's new
 * key is the cooperation's root (docs/trust.md): the whole transaction is signed by it, and the root record with it.
 */
async function createFirstCooperation(ctx: CallContext, input: z.output<typeof createCooperationInput>) {
  assertNeedsSetup(ctx);
  const secrets = await hashPasswordWithKey(input.password);
  assertNeedsSetup(ctx); // hashing awaited; another window may have finished setup meanwhile
  const { key, wrappedKey } = newAccountKey(secrets.wrappingKey);
  const adminId = newId();
  const signer = userSigner(adminId, key);
  const user = signAs(signer, () =>
    ctx.store.writer.write((changes) => {
      createCooperation(changes, { name: input.cooperationName, exampleData: false });
      writeAuthorityRecord(changes, { kind: 'root', subjectId: adminId, signerId: adminId, role: 'admin', publicKey: key.publicKey }, key);
      const staffId = createStaffMember(changes, {
        name: input.adminName,
        profession: 'other',
        hprNumber: null,
        homeMunicipality: null,
        baseOfficeId: null,
        positionPercent: 100,
        active: true,
      });
      const id = createUser(changes, { id: adminId, staffId, username: input.username, passwordHash: secrets.hash, roles: ['admin'], wrappedKey });
      return { id, staffId, staffName: input.adminName, username: input.username, roles: ['admin' as const] };
    }),
  );
  ctx.store.trust.pinRoot(key.publicKey);
  return startSession(ctx, user, signer);
}

async function loadExample(ctx: CallContext) {
  assertNeedsSetup(ctx);
  await loadExampleDataset(ctx.store, () => assertNeedsSetup(ctx), osloToday(ctx.now().getTime()));
  return { loaded: true };
}

export const setupHandlers = {
  'setup.status': defineHandler({ access: 'public', input: z.object({}), run: setupStatus }),
  'setup.createCooperation': defineHandler({ access: 'public', changes: 'setup', input: createCooperationInput, run: createFirstCooperation }),
  'setup.loadExample': defineHandler({ access: 'public', changes: 'setup', input: z.object({}), run: loadExample }),
};
export type SetupHandlers = typeof setupHandlers;
