// Test helper: a real local store in a fresh temporary folder, removed after the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLocalStore } from '../../db/open';
import type { LocalStore, OpenOptions } from '../../db/open';

export function tempDir(prefix = 'samvakt-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempStore(options: Partial<OpenOptions> = {}): LocalStore & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const store = openLocalStore({ ...options, dataDir });
  return {
    ...store,
    dataDir,
    close() {
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
