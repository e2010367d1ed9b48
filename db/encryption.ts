// Encryption at rest of the local store: SQLCipher-format files (better-sqlite3-multiple-ciphers), the key format, and converting an old unencrypted file.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import EncryptedDatabase from 'better-sqlite3-multiple-ciphers';
import type Database from 'better-sqlite3';

/** The environment variable the harness, tests and the Electron backend process read the key from. */
export const DATABASE_KEY_ENV = 'SAMVAKT_DB_KEY';

/** A database key: 32 random bytes as 64 lowercase hex digits, used directly as the AES-256 key (no passphrase KDF). */
export type DatabaseKey = string;

const KEY_PATTERN = /^[0-9a-f]{64}$/;
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function generateDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex');
}

export function isDatabaseKey(value: unknown): value is DatabaseKey {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}

/** Reads a key from text (an env variable or a file); surrounding whitespace and upper case are accepted. */
export function parseDatabaseKey(text: string): DatabaseKey {
  const key = text.trim().toLowerCase();
  if (!isDatabaseKey(key)) throw new DatabaseKeyError('malformed');
  return key;
}

export type DatabaseKeyProblem = 'malformed' | 'wrong' | 'missing';

/** The store cannot be opened with the key given; the message is Norwegian and shown to the user as it is. */
export class DatabaseKeyError extends Error {
  constructor(readonly problem: DatabaseKeyProblem) {
    super(
      problem === 'malformed'
        ? `Nøkkelen til den lokale databasen har feil format (${DATABASE_KEY_ENV} må være 64 heksadesimale tegn). Ingen data er endret.`
        : problem === 'missing'
          ? 'Den lokale databasen er kryptert, men Samvakt fikk ingen nøkkel til den. Start Samvakt på nytt som samme Windows-/macOS-bruker som før. Ingen data er endret.'
          : 'Den lokale databasen kan ikke åpnes med nøkkelen på denne maskinen (feil nøkkel, eller filen er skadet). ' +
            'Start Samvakt som samme bruker som før, eller gjenopprett en sikkerhetskopi. Ingen data er endret.',
    );
    this.name = 'DatabaseKeyError';
  }
}

export type DatabaseFileState = 'missing' | 'plaintext' | 'encrypted';

/** What is on disk: nothing (or an empty file), a plain SQLite file, or something else (an encrypted file). */
export function databaseFileState(file: string): DatabaseFileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const header = Buffer.alloc(PLAINTEXT_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    if (read === 0) return 'missing';
    return read === header.length && header.equals(PLAINTEXT_HEADER) ? 'plaintext' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

export interface SqliteOpenOptions {
  nativeBinding?: string | undefined;
  readonly?: boolean;
  fileMustExist?: boolean;
}

/** Opens a connection with the cipher library, without a key yet (better-sqlite3's API and types). */
export function openConnection(file: string, options: SqliteOpenOptions = {}): Database.Database {
  return new EncryptedDatabase(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
    ...(options.fileMustExist ? { fileMustExist: true } : {}),
  }) as unknown as Database.Database;
}

/** SQLCipher 4 format (readable by SQLCipher tools for support), keyed with the raw 256-bit key. */
function cipherPragmas(): string[] {
  return ["cipher = 'sqlcipher'", 'legacy = 4'];
}

/** Gives a fresh connection its key; must run before anything reads the file. */
export function applyKey(db: Database.Database, key: DatabaseKey): void {
  for (const pragma of cipherPragmas()) db.pragma(pragma);
  db.pragma(`key = "x'${key}'"`);
}

/** SQL that attaches another encrypted file with the same key (for restore checks and copies). */
export function attachSql(alias: string): string {
  return `ATTACH DATABASE ? AS ${alias} KEY ?`;
}
export function attachKeyParam(key: DatabaseKey | null): string {
  return key ? `x'${key}'` : '';
}

/** Checks that the key opens the file: the first read of an encrypted file with a wrong key fails with SQLITE_NOTADB. */
export function assertKeyOpens(db: Database.Database): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError('wrong');
    throw error;
  }
}

/**
 * Encrypts an unencrypted SQLite file in place. Rekeying rewrites every page inside one transaction with a rollback
 * journal (WAL is switched off for it), so a crash halfway leaves the old file, and the next start converts again.
 */
export function encryptPlaintextFile(file: string, key: DatabaseKey, nativeBinding?: string): void {
  const db = openConnection(file, { nativeBinding, fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE'); // folds a leftover -wal into the file first
    for (const pragma of cipherPragmas()) db.pragma(pragma);
    db.pragma(`rekey = "x'${key}'"`);
  } finally {
    db.close();
  }
}

/** Encrypts every unencrypted SQLite file in a folder (backups made before encryption); returns the files converted. */
export function encryptPlaintextFilesIn(dir: string, key: DatabaseKey, nativeBinding?: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const converted: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.sqlite3')) continue;
    const file = path.join(dir, name);
    if (databaseFileState(file) !== 'plaintext') continue;
    encryptPlaintextFile(file, key, nativeBinding);
    converted.push(file);
  }
  return converted;
}
