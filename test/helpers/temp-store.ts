// Test helper: a real local store in a fresh temporary folder, removed after the test, and writes signed as a given user.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_KEY_ENV, generateDatabaseKey, parseDatabaseKey } from '../../db/encryption';
import type { DatabaseKey } from '../../db/encryption';
import { openLocalStore } from '../../db/open';
import type { LocalStore, OpenOptions } from '../../db/open';
import { signAs, userSigner } from '../../db/signer';
import type { Signer } from '../../db/signer';
import { generateSigningKey, unwrapPrivateKey, wrapPrivateKey } from '../../db/signing';
import { createUser, findCredentials } from '../../db/users';
import type { ChangeSet } from '../../db/write-path';
import { writeAuthorityRecords } from '../../db/authority-records';
import type { NewAuthorityRecord } from '../../db/authority-records';
import { createCooperation } from '../../db/cooperation';
import { newId } from '../../db/ids';
import { createStaffMember } from '../../db/staff';
import type { Role } from '../../domain/roles';
import { hashPasswordWithKey, verifyPasswordKey } from '../../backend/core/passwords';

export function tempDir(prefix = 'samvakt-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

let processKey: DatabaseKey | null = null;

/** The key test stores are encrypted with: SAMVAKT_DB_KEY when set, else one random key for this test process. */
export function testDatabaseKey(): DatabaseKey {
  const fromEnv = process.env[DATABASE_KEY_ENV];
  if (fromEnv) return parseDatabaseKey(fromEnv);
  processKey ??= generateDatabaseKey();
  return processKey;
}

/** A store in a temporary folder, encrypted with testDatabaseKey() unless the options say otherwise (key: null = unencrypted). */
export function openTempStore(options: Partial<OpenOptions> = {}): LocalStore & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const store = openLocalStore({ key: testDatabaseKey(), ...options, dataDir });
  return {
    ...store,
    dataDir,
    close() {
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in person's signer from the store: their wrapped key, unwrapped with their password (as sign-in does). */
export async function signerFor(store: LocalStore, username: string, password: string): Promise<Signer> {
  const user = findCredentials(store.db, username);
  if (!user?.wrappedKey) throw new Error(`${username} has no key in this store`);
  const wrappingKey = await verifyPasswordKey(password, user.passwordHash);
  const key = wrappingKey ? unwrapPrivateKey(user.wrappedKey, wrappingKey) : null;
  if (!key) throw new Error(`wrong password for ${username}`);
  return userSigner(user.id, key);
}

/** Runs a write signed by `signer`, as a handler of theirs would (a store with a root refuses unsigned writes). */
export function writeAs<R>(store: LocalStore, signer: Signer, fn: (changes: ChangeSet) => R): R {
  return signAs(signer, () => store.writer.write(fn));
}

export interface SeededAccount {
  id: string;
  staffId: string;
  username: string;
  roles: Role[];
  signer: Signer;
}

/** Cheap scrypt parameters for seeded accounts (sign-in re-makes them with today's, as for any old hash). */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

/**
 * A signed cooperation as setup and the admin's user administration make it: the first admin listed is the root, every
 * other account has a key and an account record the root signs; all share `password`. Returns the accounts by username.
 */
export async function seedSignedCooperation(
  store: LocalStore,
  accounts: readonly { username: string; roles: readonly Role[] }[],
  password: string,
  params = FAST_SCRYPT,
): Promise<Map<string, SeededAccount>> {
  const secrets = await hashPasswordWithKey(password, params);
  const rootAccount = accounts.find((account) => account.roles.includes('admin'));
  if (!rootAccount) throw new Error('a signed cooperation needs an admin');
  const made = accounts.map((account) => ({ ...account, id: newId(), key: generateSigningKey() }));
  const root = made.find((account) => account.username === rootAccount.username)!;
  const seeded = new Map<string, SeededAccount>();
  writeAs(store, userSigner(root.id, root.key), (changes) => {
    createCooperation(changes, { name: 'Test', exampleData: false });
    const records: NewAuthorityRecord[] = [{ kind: 'root', subjectId: root.id, signerId: root.id, role: 'admin', publicKey: root.key.publicKey }];
    for (const role of root.roles) if (role !== 'admin') records.push({ kind: 'grant', subjectId: root.id, signerId: root.id, role });
    for (const account of made) {
      if (account !== root) records.push({ kind: 'account', subjectId: account.id, signerId: root.id, publicKey: account.key.publicKey, details: { roles: account.roles } });
    }
    writeAuthorityRecords(changes, records, root.key);
    for (const account of made) {
      const staffId = createStaffMember(changes, { name: account.username, profession: 'other', hprNumber: null, homeMunicipality: null, baseOfficeId: null, positionPercent: 100, active: true });
      createUser(changes, { id: account.id, staffId, username: account.username, passwordHash: secrets.hash, roles: [...account.roles], wrappedKey: wrapPrivateKey(account.key.privateKey, secrets.wrappingKey) });
      seeded.set(account.username, { id: account.id, staffId, username: account.username, roles: [...account.roles], signer: userSigner(account.id, account.key) });
    }
  });
  return seeded;
}
