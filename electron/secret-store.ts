// The sync device secret on the desktop: encrypted with Electron safeStorage in main, reached from the backend utility process by messages.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../sync/secret-store';

/** The part of Electron's safeStorage used here (main process only); tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Main process: secrets encrypted by the operating system's key store (DPAPI, Keychain, libsecret) in files under `dir`. */
export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, dir: string): SecretStore {
  const file = (name: string) => path.join(dir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.bin`);
  return {
    async read(name) {
      let encrypted: Buffer;
      try {
        encrypted = fs.readFileSync(file(name));
      } catch {
        return null;
      }
      return safeStorage.decryptString(encrypted);
    },
    async write(name, value) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('Operativsystemets nøkkellager er ikke tilgjengelig, så Samvakt kan ikke lagre maskinens nøkkel trygt.');
      }
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file(name), safeStorage.encryptString(value), { mode: 0o600 });
    },
    async remove(name) {
      fs.rmSync(file(name), { force: true });
    },
  };
}

/** Backend process → main: one secret-store operation. */
export interface SecretRequestMessage {
  secretRequest: { id: number; op: 'read' | 'write' | 'remove'; name: string; value?: string };
}
/** Main → backend process: the answer to a SecretRequestMessage with the same id. */
export interface SecretReplyMessage {
  secretReply: { id: number; value: string | null; error?: string };
}

export function isSecretRequest(message: unknown): message is SecretRequestMessage {
  const request = (message as { secretRequest?: { id?: unknown; op?: unknown; name?: unknown } } | null)?.secretRequest;
  return typeof request?.id === 'number' && typeof request.name === 'string' && (request.op === 'read' || request.op === 'write' || request.op === 'remove');
}

export function isSecretReply(message: unknown): message is SecretReplyMessage {
  return typeof (message as { secretReply?: { id?: unknown } } | null)?.secretReply?.id === 'number';
}

/** Main process: carries out one request from the backend process and posts the reply. */
export async function answerSecretRequest(store: SecretStore, message: SecretRequestMessage, reply: (message: SecretReplyMessage) => void): Promise<void> {
  const { id, op, name, value } = message.secretRequest;
  try {
    if (op === 'read') reply({ secretReply: { id, value: await store.read(name) } });
    else if (op === 'write') {
      await store.write(name, value ?? '');
      reply({ secretReply: { id, value: null } });
    } else {
      await store.remove(name);
      reply({ secretReply: { id, value: null } });
    }
  } catch (error) {
    reply({ secretReply: { id, value: null, error: error instanceof Error ? error.message : String(error) } });
  }
}

/** What the backend process needs of its message port (Electron's process.parentPort; a fake in tests). */
export interface SecretPortLike {
  postMessage(message: SecretRequestMessage): void;
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
}

/** Backend process: a SecretStore whose operations main carries out with safeStorage. */
export function createPortSecretStore(port: SecretPortLike): SecretStore {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void }>();
  port.on('message', ({ data }) => {
    if (!isSecretReply(data)) return;
    const pending = waiting.get(data.secretReply.id);
    if (!pending) return;
    waiting.delete(data.secretReply.id);
    if (data.secretReply.error !== undefined) pending.reject(new Error(data.secretReply.error));
    else pending.resolve(data.secretReply.value);
  });
  const ask = (op: 'read' | 'write' | 'remove', name: string, value?: string) =>
    new Promise<string | null>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ secretRequest: { id, op, name, ...(value !== undefined ? { value } : {}) } });
    });
  return {
    read: (name) => ask('read', name),
    write: async (name, value) => void (await ask('write', name, value)),
    remove: async (name) => void (await ask('remove', name)),
  };
}
