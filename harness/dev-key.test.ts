// Tests the harness's database key: from the environment, or a development key kept in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDatabaseKey } from '../db/encryption';
import { tempDir } from '../test/helpers/temp-store';
import { DEV_KEY_FILE_NAME, harnessDatabaseKey } from './dev-key';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('harness database key', () => {
  it('uses SAMVAKT_DB_KEY when set and writes no file', () => {
    const dir = tempDir();
    dirs.push(dir);
    const key = generateDatabaseKey();
    expect(harnessDatabaseKey(dir, { SAMVAKT_DB_KEY: key })).toEqual({ key, source: 'env' });
    expect(fs.existsSync(path.join(dir, DEV_KEY_FILE_NAME))).toBe(false);
  });

  it('makes a development key once and reuses it', () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = harnessDatabaseKey(dir, {});
    expect(first.source).toBe('new');
    expect(harnessDatabaseKey(dir, {})).toEqual({ key: first.key, source: 'file' });
    expect(() => harnessDatabaseKey(dir, { SAMVAKT_DB_KEY: 'not-a-key' })).toThrow(/feil format/);
  });
});
