// Tests the app's database key handling with a fake safeStorage: made once, read back, never replaced while an encrypted database exists.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalStore } from '../db/open';
import { tempDir } from '../test/helpers/temp-store';
import { KEY_FILE_NAME, loadOrCreateDatabaseKey } from './db-key';
import type { SafeStorageLike } from './db-key';

/** Stands in for the OS: "encrypts" by reversing and tagging, so the key never appears as-is in the file. */
function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`os:${[...text].reverse().join('')}`),
    decryptString: (buffer) => {
      const text = buffer.toString();
      if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(3)].reverse().join('');
    },
    ...overrides,
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
function newDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('database key (safeStorage)', () => {
  it('creates a key once, stores it only OS-encrypted, and returns the same key afterwards', () => {
    const dataDir = newDir();
    const first = loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir });
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) return;
    expect(fs.readFileSync(path.join(dataDir, KEY_FILE_NAME), 'utf8')).not.toContain(first.key);
    expect(loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir })).toEqual({ ok: true, key: first.key, created: false });
    // The key opens the store it encrypted.
    const store = openLocalStore({ dataDir, key: first.key });
    store.close();
    const reopened = loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir });
    if (!reopened.ok) throw new Error('expected the key back');
    const again = openLocalStore({ dataDir, key: reopened.key });
    expect(again.converted).toBe(false);
    again.close();
  });

  it('refuses to run without OS key storage (and on Linux without a keyring)', () => {
    const dataDir = newDir();
    expect(loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage({ isEncryptionAvailable: () => false }), dataDir })).toMatchObject({ ok: false });
    const basic = loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }), dataDir });
    expect(basic).toMatchObject({ ok: false, message: expect.stringContaining('nøkkelring') });
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('never makes a new key for an encrypted database whose key file is gone', () => {
    const dataDir = newDir();
    const made = loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir });
    if (!made.ok) throw new Error('expected a key');
    openLocalStore({ dataDir, key: made.key }).close();
    fs.rmSync(path.join(dataDir, KEY_FILE_NAME));
    expect(loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir })).toMatchObject({ ok: false, message: expect.stringContaining('mangler') });
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('says so when another OS user (or a copied file) cannot decrypt the key', () => {
    const dataDir = newDir();
    loadOrCreateDatabaseKey({ safeStorage: fakeSafeStorage(), dataDir });
    const otherUser = fakeSafeStorage({ decryptString: () => { throw new Error('Error while decrypting'); } });
    expect(loadOrCreateDatabaseKey({ safeStorage: otherUser, dataDir })).toMatchObject({ ok: false, message: expect.stringContaining('samme bruker') });
  });
});
