// Test helper: a cooperation with a root admin and signed accounts, founded on a real store through the write path, and pulled pages built from signed transactions.
import { authorityRowValues } from '../../db/authority-records';
import type { LocalStore } from '../../db/open';
import { createOutbox } from '../../db/outbox';
import { signAs, userSigner } from '../../db/signer';
import type { Signer } from '../../db/signer';
import type { Role } from '../../domain/roles';
import type { AuthorityRecord } from '../../domain/trust/authority';
import { toPushTransaction } from '../../sync/engine';
import type { PageSeals } from '../../sync/merge';
import type { PulledChange, PushTransaction, TransactionSeal } from '../../sync/protocol';
import { generateSigningKey, signedRecord } from './trust';
import type { SigningKey } from './trust';

/** The cooperation row's id: the smallest id any test or simulation uses, so it stays the cooperation every signature covers. */
export const COOPERATION_ROW = '0-cooperation';

export interface Person {
  id: string;
  roles: Role[];
  key: SigningKey;
  signer: Signer;
}

export interface SignedCooperation {
  cooperationId: string;
  /** The root admin first, then the accounts in the order given. */
  people: Record<string, Person>;
  records: AuthorityRecord[];
}

/** An HLC timestamp at wall time `ms` from clock `clock`. */
export const hlcAt = (ms: number, clock = 'setup', counter = 0) => `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${clock}`;

/**
 * Founds a cooperation on `store`: its row, a root admin (`rootId`) and an account per entry, each with a users row,
 * written through the write path and signed by the admin as the backend does. Records are dated `recordsAtMs` (before
 * anything they must allow, on every simulated clock).
 */
export function foundCooperation(store: LocalStore, rootId: string, accounts: { id: string; roles: Role[] }[], recordsAtMs: number): SignedCooperation {
  const cooperationId = COOPERATION_ROW;
  const rootKey = generateSigningKey();
  const admin: Person = { id: rootId, roles: ['admin'], key: rootKey, signer: userSigner(rootId, rootKey) };
  const people: Record<string, Person> = { [rootId]: admin };
  const records: AuthorityRecord[] = [];
  const writeAccount = (person: Person, record: AuthorityRecord) =>
    signAs(admin.signer, () =>
      store.writer.write((changes) => {
        // The cooperation row comes with the root, signed by the first admin: every computer checks it like any change.
        if (record.kind === 'root') changes.insert('cooperation', COOPERATION_ROW, { name: 'Indre Namdal', example_data: 0 });
        changes.insert('authority_records', record.id, recordValues(record));
        changes.insert('users', person.id, { username: person.id, password_hash: `hash-${person.id}`, roles: JSON.stringify(person.roles), active: 1 });
      }),
    );
  const root = signedRecord(cooperationId, { kind: 'root', subjectId: rootId, role: null, publicKey: rootKey.publicKey, signerId: rootId, at: hlcAt(recordsAtMs), details: null }, rootKey);
  records.push(root);
  writeAccount(admin, root);
  accounts.forEach((account, index) => {
    const key = generateSigningKey();
    const person: Person = { ...account, key, signer: userSigner(account.id, key) };
    people[account.id] = person;
    const record = signedRecord(
      cooperationId,
      { kind: 'account', subjectId: account.id, role: null, publicKey: key.publicKey, signerId: rootId, at: hlcAt(recordsAtMs, 'setup', index + 1), details: JSON.stringify({ roles: account.roles }) },
      rootKey,
    );
    records.push(record);
    writeAccount(person, record);
  });
  return { cooperationId, people, records };
}

/** An authority record as the values of its authority_records row. */
export const recordValues = authorityRowValues;

/** Everything in the store's outbox, as pushed transactions (to hand to another computer's merge). */
export function outboxTransactions(store: LocalStore): PushTransaction[] {
  return createOutbox(store.db).nextBatch(1_000_000).transactions.map(toPushTransaction);
}

/** A pull page (cells with seq, the seals of the signed transactions) as a service would serve these transactions. */
export function pageOf(transactions: readonly PushTransaction[], deviceKeys: Record<string, string> = {}, firstSeq = 1): { changes: PulledChange[]; seals: PageSeals } {
  const changes: PulledChange[] = [];
  const seals: Record<string, TransactionSeal> = {};
  let seq = firstSeq;
  for (const transaction of transactions) {
    if (transaction.author !== 'legacy') seals[transaction.hlc] = { author: transaction.author, signature: transaction.signature!, digests: transaction.digests! };
    for (const cell of transaction.cells) changes.push({ seq: seq++, hlc: transaction.hlc, ...cell });
  }
  return { changes, seals: { transactions: seals, deviceKeys } };
}
