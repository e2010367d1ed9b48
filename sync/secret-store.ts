// Where the device credential's secret is kept: an interface the backend is given (Electron safeStorage on the desktop, a file in the harness).
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  read(name: string): Promise<string | null>;
  write(name: string, value: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/** Secrets in memory only (tests; a backend without any store configured forgets enrolment on restart). */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    read: async (name) => values.get(name) ?? null,
    write: async (name, value) => void values.set(name, value),
    remove: async (name) => void values.delete(name),
  };
}

/**
 * Secrets as files readable only by the owner (the browser harness and the server-less test setups).
 * Not encrypted: the desktop app uses Electron's safeStorage instead.
 */
export function createFileSecretStore(dir: string): SecretStore {
  const file = (name: string) => path.join(dir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.secret`);
  return {
    async read(name) {
      try {
        return fs.readFileSync(file(name), 'utf8');
      } catch {
        return null;
      }
    },
    async write(name, value) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file(name), value, { mode: 0o600 });
    },
    async remove(name) {
      fs.rmSync(file(name), { force: true });
    },
  };
}
