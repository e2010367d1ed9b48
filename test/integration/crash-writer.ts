// Child process for the crash-safety test: opens the encrypted store and saves offices in bursts, printing "ack <id>" after each commit.
import { DATABASE_KEY_ENV, parseDatabaseKey } from '../../db/encryption';
import { createOffice } from '../../db/offices';
import { openLocalStore } from '../../db/open';
import { STANDARD_OPENING_HOURS } from '../../domain/offices';

const [dataDir, round] = process.argv.slice(2);
if (!dataDir || !round) {
  console.error('usage: crash-writer <data dir> <round>');
  process.exit(2);
}
const store = openLocalStore({ dataDir, key: parseDatabaseKey(process.env[DATABASE_KEY_ENV] ?? '') });
process.stdout.write('ready\n');

let saved = 0;
// Saves until killed: single saves and bursts of several rows in one transaction, like a busy reception desk.
for (;;) {
  const rows = saved % 7 === 0 ? 10 : 1;
  const ids = store.writer.write((changes) =>
    Array.from({ length: rows }, (_, i) =>
      createOffice(changes, {
        name: `Krasjtest ${round}-${saved}-${i}`,
        municipality: 'Lierne',
        address: 'x'.repeat(200),
        phone: null,
        openingHours: STANDARD_OPENING_HOURS,
        drivingMinutes: {},
      }),
    ),
  );
  saved += 1;
  // Written only after the transaction committed (stdout to a pipe is synchronous on Linux and macOS).
  process.stdout.write(`ack ${ids.join(' ')}\n`);
}
