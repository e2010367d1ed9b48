// The worked example in docs/sync-protocol.md is true: its cell bytes, digests, message and signature are what the code makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellBytes, transactionMessage } from '../domain/trust/canonical';
import { cellDigest, importPrivateKey, signTransaction, verifyTransaction } from './signing';

const doc = readFileSync(new URL('../docs/sync-protocol.md', import.meta.url), 'utf8');
const example = doc.slice(doc.indexOf('Worked example'));
/** The hex after a label in the example block, joined over its continuation lines. */
function hexAfter(label: string): string {
  const start = example.indexOf(label);
  const lines = example.slice(start + label.length).split('\n');
  const parts = [lines[0]!.replace(/^.*?= /, '').trim()];
  for (const line of lines.slice(1)) {
    if (!/^ {20}[0-9a-f]+$/.test(line)) break;
    parts.push(line.trim());
  }
  return parts.join('');
}
const valueAfter = (label: string) => new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s*=\\s*(\\S+)`).exec(example)![1]!;

const key = importPrivateKey(Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 7)]));
const cells = [
  { table: 'consultations', row: 'c-1', column: 'outcome', value: 'treated', blind: null },
  { table: 'consultations', row: 'c-1', column: 'patient_id_number', value: '01017012345', blind: 'AAAAAAAAAAAAAAAAAAAAAA' },
];
const header = { cooperationId: 'indre-namdal', author: 'user:u-1' as const, hlc: '001764244800000-000003-dev1' };

describe('the signed transaction example in docs/sync-protocol.md', () => {
  it('has the public key, cell bytes, digests and message the code makes', () => {
    expect(example).toContain(key.publicKey);
    expect(Buffer.from(cellBytes(cells[0]!)).toString('hex')).toBe(hexAfter('cellBytes(cell 0)'));
    expect(cellDigest(cells[0]!).toString('base64url')).toBe(valueAfter('digest(cell 0)'));
    expect(cellDigest(cells[1]!).toString('base64url')).toBe(valueAfter('digest(cell 1)'));
    const digests = cells.map((cell) => cellDigest(cell));
    expect(Buffer.from(transactionMessage(header, digests)).toString('hex')).toBe(hexAfter('message (hex)'));
  });

  it('has the signature the key makes, and it verifies', () => {
    const digests = cells.map((cell) => cellDigest(cell).toString('base64url'));
    const signature = signTransaction(key.privateKey, header, digests);
    expect(doc).toContain(`"signature": "${signature}"`);
    expect(verifyTransaction(key.publicKey, header, digests, signature)).toBe(true);
    expect(verifyTransaction(key.publicKey, { ...header, hlc: '001764244800000-000004-dev1' }, digests, signature)).toBe(false);
  });
});
