// Crash safety: a child process saving in bursts is killed with SIGKILL many times; every acknowledged save must survive and the file stay sound.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../db/open';
import { tempDir, testDatabaseKey } from '../helpers/temp-store';
import { listOutbox } from '../../db/outbox';

const root = path.resolve(import.meta.dirname, '..', '..');
const ROUNDS = 15;
const dataDir = tempDir('samvakt-crash-');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Starts the writer, lets it save for a random while, kills it with SIGKILL and returns every id it acknowledged. */
function crashRound(round: number, key: string): Promise<{ acked: string[]; killedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'integration', 'crash-writer.ts'), dataDir, String(round)], {
      cwd: root,
      env: { ...process.env, SAMVAKT_DB_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let errors = '';
    const acked: string[] = [];
    // 20–270 ms of saving after the first: some kills land early, some deep into a burst; all while writes are in flight.
    const killedAfterMs = 20 + ((round * 97) % 250);
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('ack ')) continue;
        // The clock starts at the first save, so every round has saves in flight when the kill lands.
        if (acked.length === 0) setTimeout(() => child.kill('SIGKILL'), killedAfterMs);
        acked.push(...line.slice(4).split(' '));
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended with ${code ?? signal} before it was killed:\n${errors}`));
      else resolve({ acked, killedAfterMs });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged save through ${ROUNDS} SIGKILLs mid-burst, with a sound file each time`, async () => {
    const key = testDatabaseKey();
    const allAcked: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { acked } = await crashRound(round, key);
      expect(acked.length, `round ${round} saved nothing before the kill`).toBeGreaterThan(0);
      allAcked.push(...acked);
      const store = openLocalStore({ dataDir, key });
      try {
        expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(store.db.pragma('foreign_key_check')).toEqual([]);
        const present = new Set(store.db.prepare('SELECT id FROM offices').pluck().all() as string[]);
        const missing = allAcked.filter((id) => !present.has(id));
        expect(missing, `round ${round}: acknowledged saves lost`).toEqual([]);
        // Every saved row reached the outbox in the same transaction (sync will push it).
        const inOutbox = new Set(listOutbox(store.db).filter((entry) => entry.table === 'offices').map((entry) => entry.row)).size;
        expect(inOutbox).toBe(present.size);
      } finally {
        store.close();
      }
    }
    expect(allAcked.length).toBeGreaterThan(ROUNDS);
  }, 120_000);
});
