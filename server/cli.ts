// Command line of the shared service: `npm run server -- --data-dir DIR --port N`, and admin commands (enrol-code, devices, revoke, compact).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compactOnce, startCompaction } from './compaction';
import { defaultLog, startSyncServer } from './http';
import { openStorage } from './open-storage';
import { createSyncService } from './service';

const USAGE = `Samvakt synkroniseringstjeneste

  npm run server -- [--data-dir DIR] [--port N] [--host ADDR] [--tls-cert FILE --tls-key FILE] [--trust-proxy]
  npm run server -- enrol-code --cooperation ID [--cooperation-name NAVN] --office KONTOR [--office KONTOR …] [--valid-hours 72]
                   (maskinen får pasientdata bare for kontorene den betjener: kontor med disse navnene når de er synkronisert,
                    og kontorene den selv oppretter)
  npm run server -- devices [--cooperation ID]
  npm run server -- revoke --device ID
  npm run server -- compact          (fjerner segl som ingen lagret celle bruker lenger; tjenesten gjør det selv hver 6. time)

Med DATABASE_URL=postgres://... brukes PostgreSQL i stedet for SQLite i datamappen.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'data-dir': { type: 'string', default: '.data/server' },
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
    'compact-hours': { type: 'string', default: '6' },
    'rate-per-second': { type: 'string', default: '20' },
    'rate-burst': { type: 'string', default: '200' },
    cooperation: { type: 'string' },
    'cooperation-name': { type: 'string' },
    office: { type: 'string', multiple: true },
    'valid-hours': { type: 'string', default: '72' },
    device: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const command = positionals[0] ?? 'serve';
const storage = await openStorage({ dataDir: path.resolve(values['data-dir']), databaseUrl: process.env.DATABASE_URL });
// A refused push is logged as a JSON line like every request, naming the device and why.
const service = createSyncService({ storage, log: (line) => defaultLog({ level: 'warn', msg: 'push.refused', detail: line }) });

if (command === 'enrol-code') {
  if (!values.cooperation || !values.office?.length) fail('enrol-code trenger --cooperation og --office.');
  const hours = Number(values['valid-hours']);
  if (!Number.isFinite(hours) || hours <= 0) fail('--valid-hours må være et positivt tall.');
  const result = await service.createEnrolmentCode({
    cooperationId: values.cooperation,
    officeNames: values.office,
    validHours: hours,
    ...(values['cooperation-name'] ? { cooperationName: values['cooperation-name'] } : {}),
  });
  console.log(`Innmeldingskode for ${values.office.join(', ')}: ${result.code}`);
  console.log(`Gyldig til ${result.expiresAt}, kan brukes én gang.`);
  await storage.close();
} else if (command === 'devices') {
  for (const device of await service.listDevices(values.cooperation)) {
    console.log([device.id, device.cooperationId, device.office, device.offices.join(',') || '-', device.name || '-', device.enrolledAt, device.revokedAt ? `tilbakekalt ${device.revokedAt}` : 'aktiv'].join('\t'));
  }
  await storage.close();
} else if (command === 'revoke') {
  if (!values.device) fail('revoke trenger --device.');
  const revoked = await service.revokeDevice(values.device);
  console.log(revoked ? `Enheten ${values.device} er tilbakekalt.` : `Fant ingen aktiv enhet ${values.device}.`);
  await storage.close();
  process.exit(revoked ? 0 : 1);
} else if (command === 'compact') {
  const removed = await compactOnce(storage, defaultLog);
  console.log(`Fjernet ${removed} segl som ingen lagret celle bruker lenger.`);
  await storage.close();
} else if (command === 'serve') {
  const port = Number(values.port);
  const compactHours = Number(values['compact-hours']);
  if (!Number.isFinite(compactHours) || compactHours <= 0) fail('--compact-hours må være et positivt tall.');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Ugyldig port «${values.port}».`);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) fail('TLS trenger både --tls-cert og --tls-key.');
  const server = await startSyncServer({
    service,
    port,
    host: values.host,
    trustProxy: values['trust-proxy'],
    rateLimit: { perSecond: Number(values['rate-per-second']), burst: Number(values['rate-burst']) },
    ...(values['tls-cert'] && values['tls-key'] ? { tls: { certFile: values['tls-cert'], keyFile: values['tls-key'] } } : {}),
  });
  defaultLog({ level: 'info', msg: 'listening', url: server.url, storage: storage.kind });
  const stopCompaction = startCompaction(storage, { intervalMs: compactHours * 3_600_000, log: defaultLog });
  const stop = () => {
    stopCompaction();
    void server.close().then(() => storage.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} else {
  fail(`Ukjent kommando «${command}».`);
}
