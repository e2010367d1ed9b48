// Entry of the backend utility process (bundled to dist/electron/backend-process.cjs): wires process.parentPort to the backend service.
import { DatabaseKeyError, parseDatabaseKey } from '../db/encryption';
import { openLocalStore } from '../db/open';
import { parseBackendArgs } from './backend-args';
import { reportFatal, runBackendService } from './backend-service';
import type { ParentPortLike } from './backend-service';
import { isDatabaseKeyMessage } from './protocol';

function missingKey(): never {
  throw new DatabaseKeyError('missing');
}

// Electron gives a utility process `process.parentPort`; typed here so this file never imports electron.
const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

if (!port) {
  console.error('backend-process must run as an Electron utility process (process.parentPort is missing).');
  process.exit(1);
} else {
  const config = parseBackendArgs(process.argv);
  if (!config) {
    reportFatal(port, 'Intern feil: Samvakt startet bakgrunnstjenesten uten datamappe. Installer Samvakt på nytt.', (code) => process.exit(code));
  } else {
    // main sends the key as the first message on the parent port; the store opens once it has arrived.
    let started = false;
    port.on('message', ({ data }) => {
      if (started || !isDatabaseKeyMessage(data)) return;
      started = true;
      const keyText = data.databaseKey;
      runBackendService({
        port,
        dataDir: config.dataDir,
        openStore: () =>
          openLocalStore({
            dataDir: config.dataDir,
            // Without a key the store would be created unencrypted: refuse instead (main always sends one).
            key: keyText ? parseDatabaseKey(keyText) : missingKey(),
            ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
          }),
        exit: (code) => process.exit(code),
      });
    });
  }
}
