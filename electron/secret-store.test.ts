// The desktop secret store with fakes: safeStorage encryption on disk in main, and the message round trip from the backend process.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers/temp-store';
import { answerSecretRequest, createPortSecretStore, createSafeStorageSecretStore, isSecretRequest } from './secret-store';
import type { SafeStorageLike, SecretReplyMessage, SecretRequestMessage } from './secret-store';

/** Reversible "encryption" that leaves no plain text, so the test can tell the file is not the secret. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
  decryptString: (data) => Buffer.from(data.toString().slice(4), 'base64').toString(),
});

describe('desktop sync secret store', () => {
  it('keeps the secret encrypted on disk and reads it back', async () => {
    const dir = tempDir();
    const store = createSafeStorageSecretStore(fakeSafeStorage(), dir);
    await store.write('sync-device-secret', 'hemmelig-verdi');
    const files = fs.readdirSync(dir);
    expect(fs.readFileSync(`${dir}/${files[0]}`, 'utf8')).not.toContain('hemmelig-verdi');
    expect(await store.read('sync-device-secret')).toBe('hemmelig-verdi');
    await store.remove('sync-device-secret');
    expect(await store.read('sync-device-secret')).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to store a secret when the operating system offers no encryption', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage(false), tempDir());
    await expect(store.write('sync-device-secret', 'x')).rejects.toThrow(/nøkkellager/);
  });

  it('reaches the store in main from the backend process by messages', async () => {
    const dir = tempDir();
    const mainStore = createSafeStorageSecretStore(fakeSafeStorage(), dir);
    const listeners: ((event: { data: unknown }) => void)[] = [];
    // The fake parent port: requests go to main, which answers asynchronously like Electron does.
    const port = {
      postMessage(message: SecretRequestMessage) {
        expect(isSecretRequest(message)).toBe(true);
        void answerSecretRequest(mainStore, message, (reply: SecretReplyMessage) => setTimeout(() => listeners.forEach((listener) => listener({ data: reply })), 1));
      },
      on(_event: 'message', listener: (event: { data: unknown }) => void) {
        listeners.push(listener);
      },
    };
    const store = createPortSecretStore(port);
    expect(await store.read('sync-device-secret')).toBeNull();
    await store.write('sync-device-secret', 'fra-bakgrunnsprosessen');
    expect(await mainStore.read('sync-device-secret')).toBe('fra-bakgrunnsprosessen');
    expect(await store.read('sync-device-secret')).toBe('fra-bakgrunnsprosessen');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
