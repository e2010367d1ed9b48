// The PostgreSQL test server starts wherever the checkout sits, also in a folder only root may enter (issue 17 part 7).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { binariesFor, startTestPostgres } from '../helpers/postgres';

/** Every folder from the root down to `file` lets other users pass (o+x), so the `postgres` user can run it. */
function othersCanReach(file: string): boolean {
  let folder = path.dirname(file);
  for (;;) {
    if ((fs.statSync(folder).mode & 0o001) === 0) return false;
    const parent = path.dirname(folder);
    if (parent === folder) return true;
    folder = parent;
  }
}

describe('test PostgreSQL outside the checkout', () => {
  it('for root, keeps binaries that the postgres user can reach even when the checkout is 0700', () => {
    const binaries = binariesFor('root');
    expect(othersCanReach(path.join(binaries, 'bin', 'postgres'))).toBe(true);
    expect(fs.statSync(path.join(binaries, 'bin', 'postgres')).mode & 0o005).toBe(0o005);
  });

  it('starts a server that answers, with UTF-8 text intact, and removes its folder on stop', async () => {
    const postgres = await startTestPostgres();
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ text: string; encoding: string }>("SELECT 'Ørland–Åfjord' AS text, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()");
    await client.end();
    await postgres.stop();
    expect(rows[0]).toEqual({ text: 'Ørland–Åfjord', encoding: 'UTF8' });
    await expect(new pg.Client({ connectionString: postgres.url }).connect()).rejects.toThrow();
  });
});
