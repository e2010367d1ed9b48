// Tests of the chain of authority: root, accounts, roles, deactivation, keys, takeover, and forged or out-of-chain records.
import { generateKeyPairSync, sign, verify as verifySignature, createPublicKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluateAuthority, formatFingerprint } from './authority';
import type { AuthorityRecord } from './authority';
import { authorityRecordMessage } from './canonical';
import type { AuthorityRecordContent } from './canonical';

const COOP = 'coop-1';

interface TestKey {
  publicKey: string;
  privateKey: KeyObject;
}

function newKey(): TestKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64url'), privateKey };
}

function verify(publicKey: string, message: Uint8Array, signature: string): boolean {
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(publicKey, 'base64url')]);
  return verifySignature(null, message, createPublicKey({ key: der, format: 'der', type: 'spki' }), Buffer.from(signature, 'base64url'));
}

let counter = 0;
const at = (n: number) => `${String(1_700_000_000_000 + n).padStart(15, '0')}-000000-clock`;

function record(signer: TestKey, content: Partial<AuthorityRecordContent> & Pick<AuthorityRecordContent, 'kind' | 'subjectId' | 'signerId' | 'at'>): AuthorityRecord {
  const full: AuthorityRecordContent = { id: `r${++counter}`, role: null, publicKey: null, details: null, ...content };
  return { ...full, signature: sign(null, authorityRecordMessage(COOP, full), signer.privateKey).toString('base64url') };
}

const evaluate = (records: AuthorityRecord[], pinnedRoot: string | null = null) => evaluateAuthority(records, { cooperationId: COOP, pinnedRoot, verify });

describe('the chain of authority', () => {
  const root = newKey();
  const nurse = newKey();
  const rootRecord = record(root, { kind: 'root', subjectId: 'admin', signerId: 'admin', publicKey: root.publicKey, at: at(1) });

  it('makes the first admin the root, and accounts, roles and deactivation made by an admin count from their time', () => {
    const records = [
      rootRecord,
      record(root, { kind: 'account', subjectId: 'u-nurse', signerId: 'admin', publicKey: nurse.publicKey, details: JSON.stringify({ roles: ['nurse'] }), at: at(2) }),
      record(root, { kind: 'grant', subjectId: 'u-nurse', signerId: 'admin', role: 'lead', at: at(3) }),
      record(root, { kind: 'deactivate', subjectId: 'u-nurse', signerId: 'admin', at: at(5) }),
    ];
    const authority = evaluate(records);
    expect(authority.rootPublicKey).toBe(root.publicKey);
    expect(authority.at('u-nurse', at(2))).toEqual({ publicKey: nurse.publicKey, roles: ['nurse'], active: true });
    expect(authority.at('u-nurse', at(4))?.roles).toEqual(['nurse', 'lead']);
    expect(authority.at('u-nurse', at(6))?.active).toBe(false);
    expect(authority.at('u-nurse', at(1))).toBeNull();
    expect(authority.rejected).toEqual([]);
  });

  it('refuses records signed by someone who is not an admin, forged signatures, a second root and a root other than the pinned one', () => {
    const mallory = newKey();
    const planted = record(mallory, { kind: 'account', subjectId: 'u-evil', signerId: 'u-nurse', publicKey: mallory.publicKey, details: JSON.stringify({ roles: ['admin'] }), at: at(3) });
    const raise = record(nurse, { kind: 'grant', subjectId: 'u-nurse', signerId: 'u-nurse', role: 'admin', at: at(4) });
    const forged = { ...record(mallory, { kind: 'grant', subjectId: 'u-nurse', signerId: 'admin', role: 'admin', at: at(5) }) };
    const secondRoot = record(mallory, { kind: 'root', subjectId: 'u-evil', signerId: 'u-evil', publicKey: mallory.publicKey, at: at(6) });
    const authority = evaluate([
      rootRecord,
      record(root, { kind: 'account', subjectId: 'u-nurse', signerId: 'admin', publicKey: nurse.publicKey, details: JSON.stringify({ roles: ['nurse'] }), at: at(2) }),
      planted,
      raise,
      forged,
      secondRoot,
    ]);
    expect(authority.current('u-nurse')?.roles).toEqual(['nurse']);
    expect(authority.current('u-evil')).toBeNull();
    expect(authority.rejected.map(({ record: rejected, reason }) => [rejected.id, reason])).toEqual([
      [planted.id, 'trust.signerNotAdmin'],
      [raise.id, 'trust.signerNotAdmin'],
      [forged.id, 'trust.badSignature'],
      [secondRoot.id, 'trust.rootMismatch'],
    ]);
    const pinnedElsewhere = evaluate([rootRecord], newKey().publicKey);
    expect(pinnedElsewhere.rootPublicKey).toBeNull();
    expect(pinnedElsewhere.rejected[0]?.reason).toBe('trust.rootMismatch');
  });

  it('gives a removed admin no more power: what they sign after the revoke does not count', () => {
    const second = newKey();
    const authority = evaluate([
      rootRecord,
      record(root, { kind: 'account', subjectId: 'u-2', signerId: 'admin', publicKey: second.publicKey, details: JSON.stringify({ roles: ['admin'] }), at: at(2) }),
      record(root, { kind: 'revoke', subjectId: 'u-2', signerId: 'admin', role: 'admin', at: at(3) }),
      record(second, { kind: 'account', subjectId: 'u-3', signerId: 'u-2', publicKey: newKey().publicKey, details: JSON.stringify({ roles: ['admin'] }), at: at(4) }),
    ]);
    expect(authority.current('u-3')).toBeNull();
    expect(authority.rejected[0]?.reason).toBe('trust.signerNotAdmin');
  });

  it('takes accounts over at upgrade without keys; each binds its own first key once, and an admin reset replaces it', () => {
    const legacyKey = newKey();
    const thief = newKey();
    const reset = newKey();
    const authority = evaluate([
      rootRecord,
      record(root, { kind: 'takeover', subjectId: 'cooperation', signerId: 'admin', details: JSON.stringify({ accounts: [{ userId: 'u-old', roles: ['doctor'], active: true }] }), at: at(2) }),
      record(legacyKey, { kind: 'key', subjectId: 'u-old', signerId: 'u-old', publicKey: legacyKey.publicKey, at: at(3) }),
      record(thief, { kind: 'key', subjectId: 'u-old', signerId: 'u-old', publicKey: thief.publicKey, at: at(4) }),
      record(root, { kind: 'key', subjectId: 'u-old', signerId: 'admin', publicKey: reset.publicKey, at: at(5) }),
    ]);
    expect(authority.takenOver).toBe(true);
    expect(authority.at('u-old', at(2))).toEqual({ publicKey: null, roles: ['doctor'], active: true });
    expect(authority.at('u-old', at(4))?.publicKey).toBe(legacyKey.publicKey);
    expect(authority.current('u-old')?.publicKey).toBe(reset.publicKey);
    expect(authority.rejected.map(({ reason }) => reason)).toEqual(['trust.signerNotAdmin']);
    expect(authority.accountsWithoutKey()).toEqual([]);
  });

  it('replays the same records in any order to the same result', () => {
    const records = [
      rootRecord,
      record(root, { kind: 'account', subjectId: 'u-n', signerId: 'admin', publicKey: nurse.publicKey, details: JSON.stringify({ roles: ['nurse'] }), at: at(2) }),
      record(root, { kind: 'grant', subjectId: 'u-n', signerId: 'admin', role: 'doctor', at: at(3) }),
    ];
    expect(evaluate([...records].reverse()).current('u-n')).toEqual(evaluate(records).current('u-n'));
  });

  it('formats a fingerprint as four groups of four', () => {
    expect(formatFingerprint('a3f907kcxq2mzz99rest')).toBe('A3F9-07KC-XQ2M-ZZ99');
  });
});
