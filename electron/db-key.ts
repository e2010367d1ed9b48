// The database key in the app: made once, kept encrypted by the OS (Electron safeStorage: DPAPI, Keychain, libsecret), given to the backend process.
import fs from 'node:fs';
import path from 'node:path';
import { databaseFileState, generateDatabaseKey, isDatabaseKey } from '../db/encryption';
import type { DatabaseKey } from '../db/encryption';
import { DATABASE_FILE_NAME } from '../db/open';

/** The part of Electron's safeStorage used here; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, i.e. a fixed built-in password: not acceptable for patient data. */
  getSelectedStorageBackend?(): string;
}

/** The OS-encrypted key, beside the database (useless without the same OS user's credentials). */
export const KEY_FILE_NAME = 'samvakt-db-key.bin';

export type DatabaseKeyResult = { ok: true; key: DatabaseKey; created: boolean } | { ok: false; message: string };

export function loadOrCreateDatabaseKey(options: { safeStorage: SafeStorageLike; dataDir: string }): DatabaseKeyResult {
  const { safeStorage, dataDir } = options;
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    return {
      ok: false,
      message:
        'Samvakt fant ingen sikker nøkkellagring i operativsystemet, og kan derfor ikke beskytte pasientdata på denne maskinen. ' +
        'På Linux trengs en nøkkelring (GNOME Keyring eller KWallet). Kontakt IT-ansvarlig. Ingen data er endret.',
    };
  }
  const keyFile = path.join(dataDir, KEY_FILE_NAME);
  if (fs.existsSync(keyFile)) {
    let key: string;
    try {
      key = safeStorage.decryptString(fs.readFileSync(keyFile));
    } catch {
      key = '';
    }
    if (!isDatabaseKey(key)) {
      return {
        ok: false,
        message:
          'Samvakt klarte ikke å lese nøkkelen til den lokale databasen. Den kan bare leses av samme bruker på samme maskin som laget den. ' +
          'Logg inn i operativsystemet som den brukeren, eller kontakt IT-ansvarlig. Ingen data er endret.',
      };
    }
    return { ok: true, key, created: false };
  }
  if (databaseFileState(path.join(dataDir, DATABASE_FILE_NAME)) === 'encrypted') {
    // Never make a new key for an encrypted database: it would not open it, and the old key would be overwritten.
    return {
      ok: false,
      message:
        `Nøkkelen til den lokale databasen mangler (${keyFile}). Databasen kan ikke åpnes uten den. ` +
        'Gjenopprett filen fra sikkerhetskopien av maskinen, eller kontakt IT-ansvarlig: dataene kan hentes inn igjen fra fellestjenesten. Ingen data er endret.',
    };
  }
  const key = generateDatabaseKey();
  fs.mkdirSync(dataDir, { recursive: true });
  const temporary = `${keyFile}.tmp`;
  fs.writeFileSync(temporary, safeStorage.encryptString(key), { mode: 0o600 });
  fs.renameSync(temporary, keyFile);
  return { ok: true, key, created: true };
}
