// Runs @doyensec/electronegativity over a folder offline and prints its findings as JSON (used by electron/electronegativity.test.ts).
// Usage: node electron/testing/electronegativity-scan.mjs <folder> <electron version>
import Module from 'node:module';

// The scanner fetches translations and Electron's release list over the internet; this machine and CI have none, and
// the check must not depend on it. Every 'got' request fails at once instead (the scanner then uses its own files).
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') return () => Promise.reject(new Error('offline: no network requests from the security scan'));
  return originalLoad.call(this, request, parent, isMain);
};

const require = Module.createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const [input, electronVersion] = process.argv.slice(2);
// The release list is only for "newer Electron has security fixes", which needs the network: not part of this check.
const result = await run({ input, output: null, isSarif: false, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'], electronVersionOverride: electronVersion, isRelative: true });
process.stdout.write(
  `${JSON.stringify({
    checks: result.atomicChecks + result.globalChecks,
    errors: result.errors,
    issues: result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      description: issue.description,
    })),
  })}\n`,
);
