// Vitest configuration: unit tests sit beside the code as *.test.ts(x); end-to-end tests are Playwright's.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,db,sync,server,backend,harness,electron,renderer,build}/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Set-ups that load the example cooperation (scrypt for every account, a signed chain) took over 10 s on a loaded
    // 2-core machine; a set-up is not a speed measure (bench/ is).
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
