// Benchmark at county scale: 50 cooperations with the 5-year dataset each on one PostgreSQL, two service instances, 20,000 polling devices, 10 first downloads and a stream of pushes; prints p50/p99 per request kind and the database size.
// Run: npm run bench:county -- [--scale 1] [--devices 20000] [--seconds 60] [--push-rate 20] [--downloads 10] [--poll-seconds 30] [--runs 3]. Prints figures; asserts nothing.
// There are always 50 cooperations (--cooperations), with the devices and pushes spread over all of them; --scale is the share
// of them that hold the 5-year history (at least one per first download), the rest hold their founding rows only.
import { fork } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { digestList, generateSigningKey, newBlind, signTransaction } from '../db/signing';
import type { SigningKey } from '../db/signing';
import { createPostgresStorage } from '../server/postgres-storage';
import { createSyncService } from '../server/service';
import { isErasable, MAX_PUSH_CHANGES, MAX_SNAPSHOT_LIMIT, SYNC_PROTOCOL_VERSION } from '../sync/protocol';
import type { PullResponse, PushTransaction, SnapshotResponse } from '../sync/protocol';
import { startTestPostgres } from '../test/helpers/postgres';
import { spawnUntilReady } from '../test/helpers/spawn-process';
import { startServerProcess } from '../test/helpers/sync-server-process';
import type { ServerProcess } from '../test/helpers/sync-server-process';
import { percentile } from './stats';
import { BENCH_COOPERATION_ROW, BENCH_OFFICES, signedPushes, syncDataset } from './sync-data';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    cooperations: { type: 'string', default: '50' },
    devices: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '60' },
    'push-rate': { type: 'string', default: '20' },
    downloads: { type: 'string', default: '10' },
    'poll-seconds': { type: 'string', default: '30' },
    /** Fraction of the 5-year history per cooperation, for quick trial runs (1 = full). */
    history: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    role: { type: 'string' },
    config: { type: 'string' },
  },
});

/** Counts pushes over all runs, for unique timestamps. */
let pushCounter = 0;

/** The clock id of each cooperation's writing computer (the same label in every cooperation; devices are per cooperation). */
const WRITER_CLOCK = 'county-writer';
const PROTOCOL = String(SYNC_PROTOCOL_VERSION);

interface Poller {
  auth: string;
  cooperation: string;
  cursor: number;
}
interface ChildConfig {
  urls: string[];
  seconds: number;
  pullsPerSecond: number;
  pollers: Poller[];
  downloads: { auth: string; cooperation: string }[];
}
/** What a child process reports: latencies in ms with the epoch ms they ended at, and counts. */
interface ChildResult {
  kind: string;
  timings: [number, number][];
  totals?: number[];
  failures: number;
  dropped?: number;
  window?: [number, number];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

/** One GET or POST over a kept-alive connection; resolves with status and body text. */
function request(url: string, auth: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Child: devices polling at a fixed rate (open loop), each device's polls alternating between the instances. */
async function runPollers(config: ChildConfig): Promise<ChildResult> {
  const timings: [number, number][] = [];
  let failures = 0;
  let dropped = 0;
  let inFlight = 0;
  let sent = 0;
  const { pollers, urls } = config;
  const poll = async () => {
    const index = sent % pollers.length;
    const round = Math.floor(sent / pollers.length);
    sent += 1;
    if (inFlight > 2_000) {
      dropped += 1;
      return;
    }
    const device = pollers[index]!;
    const url = urls[(index + round) % urls.length]!;
    inFlight += 1;
    const started = performance.now();
    try {
      const res = await request(`${url}/v1/pull?protocol=${PROTOCOL}&cooperation=${device.cooperation}&after=${device.cursor}`, device.auth);
      if (res.status !== 200) failures += 1;
      else device.cursor = (JSON.parse(res.text) as PullResponse).lastSeq;
    } catch {
      failures += 1;
    }
    inFlight -= 1;
    timings.push([performance.now() - started, Date.now()]);
  };
  const interval = 1000 / config.pullsPerSecond;
  const end = performance.now() + config.seconds * 1000;
  let next = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        void poll();
        next += interval;
      }
      if (next >= end) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return { kind: 'pull', timings, failures, dropped };
}

/** Child: new devices downloading everything (snapshot pages to the end, then pulls until up to date), all at once, pages spread over the instances. */
async function runDownloads(config: ChildConfig): Promise<ChildResult> {
  const timings: [number, number][] = [];
  const totals: number[] = [];
  let failures = 0;
  let turn = 0;
  const instance = () => config.urls[turn++ % config.urls.length]!;
  const started = Date.now();
  await Promise.all(
    config.downloads.map(async ({ auth, cooperation }) => {
      const begun = performance.now();
      let params = '';
      let asOf = 0;
      try {
        for (;;) {
          const t = performance.now();
          const res = await request(`${instance()}/v1/snapshot?protocol=${PROTOCOL}&cooperation=${cooperation}&limit=${MAX_SNAPSHOT_LIMIT}${params}`, auth);
          if (res.status !== 200) throw new Error(`snapshot ${res.status}: ${res.text.slice(0, 200)}`);
          const page = JSON.parse(res.text) as SnapshotResponse;
          timings.push([performance.now() - t, Date.now()]);
          if (!params) asOf = page.asOf;
          if (page.next === null) break;
          params = `&after=${page.next}&asOf=${asOf}&total=${page.totalCells}`;
        }
        // Then what changed since the snapshot began, as the engine pulls it.
        for (let after = asOf; ; ) {
          const res = await request(`${instance()}/v1/pull?protocol=${PROTOCOL}&cooperation=${cooperation}&after=${after}`, auth);
          if (res.status !== 200) throw new Error(`pull ${res.status}`);
          const page = JSON.parse(res.text) as PullResponse;
          after = page.lastSeq;
          if (!page.more) break;
        }
        totals.push(performance.now() - begun);
      } catch (error) {
        failures += 1;
        console.error(error);
      }
    }),
  );
  return { kind: 'snapshot', timings, totals, failures, window: [started, Date.now()] };
}

if (values.role) {
  const config = JSON.parse(fs.readFileSync(values.config!, 'utf8')) as ChildConfig;
  process.once('message', () => {
    const run = values.role === 'pollers' ? runPollers(config) : runDownloads(config);
    void run.then((result) => process.send!(result, () => process.exit(0)));
  });
  process.send!('ready');
} else {
  await main();
}

/** A signed transaction by the cooperation's admin (user-1, who also holds the lead role) changing one shift's note. */
function noteChange(key: SigningKey, hlc: string, shift: string, note: string): PushTransaction {
  const author = 'user:user-1' as const;
  const cells = [{ table: 'shifts', row: shift, column: 'note', value: note }].map((cell) => ({ ...cell, blind: isErasable(cell.table, cell.column) ? newBlind() : null }));
  const digests = digestList(cells);
  const signature = signTransaction(key.privateKey, { cooperationId: BENCH_COOPERATION_ROW, author, hlc }, digests);
  return { hlc, author, signature, digests, cells: cells.map(({ blind, ...cell }, i) => ({ ...cell, ...(blind ? { blind } : {}), i })) };
}

function sorted(timings: readonly number[]): number[] {
  return [...timings].sort((a, b) => a - b);
}
function line(name: string, timings: readonly number[], unit: 'ms' | 's' = 'ms'): string {
  if (timings.length === 0) return `${name}: none`;
  const s = sorted(timings);
  const f = (v: number) => (unit === 's' ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`);
  return `${name}: n ${s.length}, p50 ${f(percentile(s, 50))}, p99 ${f(percentile(s, 99))}, max ${f(s.at(-1)!)}`;
}

async function main() {
  const downloadsWanted = Number(values.downloads);
  const cooperations = Math.max(downloadsWanted, 1, Number(values.cooperations));
  const withHistory = Math.min(cooperations, Math.max(downloadsWanted, 1, Math.round(cooperations * Number(values.scale))));
  const deviceCount = Number(values.devices);
  const seconds = Number(values.seconds);
  const pushRate = Number(values['push-rate']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-bench-county-'));
  console.log(`load average before: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}; ${os.cpus().length} cores`);
  const postgres = await startTestPostgres();
  const admin = new pg.Client({ connectionString: postgres.url });
  const servers: ServerProcess[] = [];
  try {
    await admin.connect();
    // What an operator sets for a bulk load and a busy service; none needs a restart.
    await admin.query("ALTER SYSTEM SET maintenance_work_mem = '1GB'");
    await admin.query("ALTER SYSTEM SET max_wal_size = '16GB'");
    await admin.query("ALTER SYSTEM SET checkpoint_timeout = '30min'");
    await admin.query('SELECT pg_reload_conf()');
    const storage = createPostgresStorage(postgres.url);
    await storage.init();
    const service = createSyncService({ storage, log: () => {} });

    // Each cooperation is founded by a real signed push (its root key pinned, the authority records and the cooperation
    // row stored and checked), so the pushes during the run pass every trust check.
    let started = performance.now();
    const coops: { id: string; key: SigningKey; auth: string }[] = [];
    const seed = syncDataset({ shifts: 0, consultations: 0, clockId: WRITER_CLOCK });
    for (let k = 0; k < cooperations; k++) {
      const id = `county-${k}`;
      const { code } = await service.createEnrolmentCode({ cooperationId: id, offices: [...BENCH_OFFICES] });
      const enrolled = await service.enrol({ protocol: 3, code, clockId: WRITER_CLOCK, publicKey: generateSigningKey().publicKey });
      const auth = `Bearer ${enrolled.deviceId}.${enrolled.secret}`;
      const device = await service.authenticate(auth);
      const signed = signedPushes(seed, MAX_PUSH_CHANGES);
      for (const transactions of signed.pushes) await service.push(device, { protocol: 3, cooperationId: id, transactions });
      coops.push({ id, key: signed.key, auth });
    }
    await storage.close();

    // The 5-year history (40k shifts, 120k consultations) goes straight into the log: one template table, then one
    // INSERT … SELECT per cooperation after its founding cells. Stored as unsigned cells: pulls of them carry no seals.
    const history = Number(values.history);
    const dataset = syncDataset({ clockId: WRITER_CLOCK, shifts: Math.round(40_000 * history), consultations: Math.round(120_000 * history) });
    const template = dataset.changes.filter((change) => change.table === 'shifts' || change.table === 'consultations');
    await admin.query('CREATE UNLOGGED TABLE county_template (n BIGINT, t TEXT, r TEXT, c TEXT, h TEXT, v TEXT)');
    for (let i = 0; i < template.length; i += 20_000) {
      const part = template.slice(i, i + 20_000);
      await admin.query('INSERT INTO county_template SELECT $1::bigint + o, t, r, c, h, v FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS x(t, r, c, h, v, o)', [
        i,
        part.map((c) => c.table),
        part.map((c) => c.row),
        part.map((c) => c.column),
        part.map((c) => c.hlc),
        part.map((c) => JSON.stringify(c.value)),
      ]);
    }
    console.log(`template: ${template.length} cells per cooperation (${((performance.now() - started) / 1000).toFixed(0)} s with ${cooperations} foundings)`);
    for (const coop of coops.slice(0, withHistory)) {
      const t = performance.now();
      await admin.query(
        `INSERT INTO cells (cooperation_id, table_name, row_id, column_name, hlc, value_json, seq, device_id)
         SELECT $1, t, r, c, h, v, (SELECT last_seq FROM cooperations WHERE id = $1) + n, 'bulk' FROM county_template`,
        [coop.id],
      );
      await admin.query('UPDATE cooperations SET last_seq = last_seq + $2 WHERE id = $1', [coop.id, template.length]);
      // Each entry's office, as a push would have kept it (docs/sync-protocol.md, scopes).
      await admin.query(
        `INSERT INTO row_offices (cooperation_id, table_name, row_id, office_id)
         SELECT $1, 'consultations', r, v::json #>> '{}' FROM county_template WHERE t = 'consultations' AND c = 'office_id'`,
        [coop.id],
      );
      if (coop === coops[0]) console.log(`one cooperation's history: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    await admin.query('DROP TABLE county_template');

    // The polling devices and the new devices, registered in the device table as enrolment would (secret stored hashed).
    const deviceRows = Array.from({ length: deviceCount + downloadsWanted }, (_, i) => {
      const secret = createHash('sha256').update(`county-secret-${i}`).digest('base64url');
      const poller = i < deviceCount;
      return { id: randomUUID(), secret, cooperation: coops[poller ? i % cooperations : i - deviceCount]!.id, clock: `${poller ? 'poller' : 'new'}-${i}` };
    });
    for (let i = 0; i < deviceRows.length; i += 5_000) {
      const part = deviceRows.slice(i, i + 5_000);
      await admin.query(
        `INSERT INTO devices (id, cooperation_id, clock_id, secret_hash, office, offices, office_names, name, enrolled_at)
         SELECT id, c, k, h, 'Alle kontor', $5, '[]', 'benk', '2026-01-01T00:00:00.000Z' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, c, k, h)`,
        [part.map((d) => d.id), part.map((d) => d.cooperation), part.map((d) => d.clock), part.map((d) => createHash('sha256').update(d.secret).digest('hex')), JSON.stringify(BENCH_OFFICES)],
      );
    }
    await admin.query('VACUUM ANALYZE');
    console.log(`loaded ${cooperations} cooperations, ${withHistory} with the history, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const size = await admin.query<{ db: string; cells: string; cells_indexes: string; transactions: string; rows: string }>(
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS db, pg_size_pretty(pg_relation_size('cells')) AS cells,
              pg_size_pretty(pg_indexes_size('cells')) AS cells_indexes, pg_size_pretty(pg_total_relation_size('transactions')) AS transactions,
              (SELECT reltuples::bigint FROM pg_class WHERE relname = 'cells')::text AS rows`,
    );
    const sizes = size.rows[0]!;
    console.log(`database: ${sizes.db} (cells ${sizes.rows} rows: table ${sizes.cells}, indexes ${sizes.cells_indexes}; seals ${sizes.transactions})`);

    // Two service instances on the same database; every request goes to either, without stickiness.
    started = performance.now();
    // COUNTY_PROFILE=DIR writes a CPU profile of each instance there (for finding what a request costs).
    const profile = process.env.COUNTY_PROFILE;
    for (let i = 0; i < 2; i++) {
      if (!profile) servers.push(await startServerProcess(dir, { env: { DATABASE_URL: postgres.url } }));
      else {
        const cli = fileURLToPath(new URL('../server/cli.ts', import.meta.url));
        const spawned = await spawnUntilReady(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--import', 'tsx', cli, '--data-dir', dir, '--port', '0'], {
          name: 'sync server',
          ready: /"msg":"listening","url":"([^"]+)"/,
          env: { ...process.env, DATABASE_URL: postgres.url },
        });
        servers.push({ url: spawned.ready[1]!, port: 0, child: spawned.child, output: spawned.output, stop: spawned.stop });
      }
    }
    const urls = servers.map((server) => server.url);
    const figures: Record<string, number>[] = [];
    for (let run = 1; run <= Number(values.runs); run++) {
      console.log(`\nrun ${run} of ${values.runs}`);
      figures.push(await measure({ admin, urls, servers, coops, deviceRows, deviceCount, seconds, pushRate, dir }));
    }
    const median = (key: string) => sorted(figures.map((f) => f[key]!)).at(Math.floor(figures.length / 2))!;
    console.log(`\nmedian of ${figures.length} runs (${cooperations} cooperations, ${withHistory} with the 5-year history, ${deviceCount} devices, database ${sizes.db}):`);
    for (const key of Object.keys(figures[0]!)) console.log(`  ${key}: ${median(key).toFixed(key.endsWith('/s') ? 0 : 1)}  (runs: ${figures.map((f) => f[key]!.toFixed(1)).join(', ')})`);
  } finally {
    for (const server of servers) await server.stop();
    await admin.end().catch(() => {});
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system) a process has used, and for a parent also its children that have exited (PostgreSQL's backends). */
function cpuSeconds(pid: number, withExitedChildren = false): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (withExitedChildren ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of the whole PostgreSQL server: the postmaster, its live processes and those that have exited. */
async function postgresCpu(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = Number(fs.readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  let total = cpuSeconds(postmaster, true);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === postmaster) total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

interface MeasureInput {
  admin: pg.Client;
  urls: string[];
  servers: ServerProcess[];
  coops: { id: string; key: SigningKey; auth: string }[];
  deviceRows: { id: string; secret: string; cooperation: string }[];
  deviceCount: number;
  seconds: number;
  pushRate: number;
  dir: string;
}

/** One run: polling, pushes and the first downloads at once; prints the figures and returns them for the medians. */
async function measure(input: MeasureInput): Promise<Record<string, number>> {
  const { admin, urls, servers, coops, deviceRows, deviceCount, seconds, pushRate, dir } = input;
  const cursors = new Map((await admin.query<{ id: string; last_seq: string }>('SELECT id, last_seq FROM cooperations')).rows.map((row) => [row.id, Number(row.last_seq)]));
  const config: ChildConfig = {
    urls,
    seconds,
    pullsPerSecond: deviceCount / Number(values['poll-seconds']),
    pollers: deviceRows.slice(0, deviceCount).map((d) => ({ auth: `Bearer ${d.id}.${d.secret}`, cooperation: d.cooperation, cursor: cursors.get(d.cooperation)! })),
    downloads: deviceRows.slice(deviceCount).map((d) => ({ auth: `Bearer ${d.id}.${d.secret}`, cooperation: d.cooperation })),
  };
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  const script = fileURLToPath(import.meta.url);
  const child = (role: string) => {
    const proc = fork(script, ['--role', role, '--config', configFile], { execArgv: ['--import', 'tsx'] });
    const ready = new Promise<void>((resolve) => proc.once('message', () => resolve()));
    return { proc, ready, result: () => new Promise<ChildResult>((resolve) => proc.once('message', (message) => resolve(message as ChildResult))) };
  };
  const pollers = child('pollers');
  const downloads = child('downloads');
  await Promise.all([pollers.ready, downloads.ready]);
  const logFrom = servers.map((server) => server.output().length);
  const cpuBefore = { service: servers.map((server) => cpuSeconds(server.child.pid!)), postgres: await postgresCpu(admin), load: os.loadavg()[0]! };
  const wallStart = performance.now();
  const pollResult = pollers.result();
  pollers.proc.send('start');
  // The first downloads begin after the polling has settled (5 s).
  const downloadsDone = new Promise<ChildResult>((resolve) =>
    setTimeout(() => {
      const result = downloads.result();
      downloads.proc.send('start');
      void result.then(resolve);
    }, 5_000),
  );

  // The push stream from this process: one signed transaction per push, to a random cooperation, spread over the instances.
  const pushTimings: [number, number][] = [];
  let pushFailures = 0;
  const pushes: Promise<void>[] = [];
  const pushEnd = performance.now() + seconds * 1000;
  const shiftCount = Math.max(1, Math.round(40_000 * Number(values.history)));
  for (let next = performance.now(); next < pushEnd; next += 1000 / pushRate) {
    const wait = next - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const coop = coops[Math.floor(Math.random() * coops.length)]!;
    pushCounter += 1;
    const hlc = `${String(Date.now()).padStart(15, '0')}-${String(pushCounter % 1_000_000).padStart(6, '0')}-${WRITER_CLOCK}`;
    const body = JSON.stringify({ protocol: 3, cooperationId: coop.id, transactions: [noteChange(coop.key, hlc, `shift-${Math.floor(Math.random() * shiftCount)}`, `endret ${pushCounter}`)] });
    const t = performance.now();
    pushes.push(
      request(`${urls[pushCounter % urls.length]!}/v1/push`, coop.auth, body).then(
        (res) => {
          if (res.status !== 200) {
            pushFailures += 1;
            if (pushFailures <= 3) console.error(`push ${res.status}: ${res.text.slice(0, 300)}`);
          }
          pushTimings.push([performance.now() - t, Date.now()]);
        },
        () => void (pushFailures += 1),
      ),
    );
  }
  await Promise.all(pushes);
  const [pulls, snapshots] = await Promise.all([pollResult, downloadsDone]);
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = {
    service: servers.reduce((sum, server, i) => sum + cpuSeconds(server.child.pid!) - cpuBefore.service[i]!, 0),
    postgres: (await postgresCpu(admin)) - cpuBefore.postgres,
  };
  const [from, to] = snapshots.window!;
  const during = (timings: [number, number][]) => timings.filter(([, at]) => at >= from && at <= to).map(([ms]) => ms);
  const pullMs = pulls.timings.map(([ms]) => ms);
  const pushMs = pushTimings.map(([ms]) => ms);
  const pageMs = snapshots.timings.map(([ms]) => ms);
  const requests = pulls.timings.length + pushTimings.length + pageMs.length;
  const cells = (snapshots.totals!.length * 2.72e6 * Number(values.history)) / 1000;
  console.log(`load average ${cpuBefore.load.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (shared with other work)`);
  console.log(`pull rate: asked ${config.pullsPerSecond.toFixed(0)}/s, answered ${(pulls.timings.length / seconds).toFixed(0)}/s (${pulls.failures} failed, ${pulls.dropped} not sent: over 2,000 waiting)`);
  console.log(line('pull, whole run (target p99 ≤ 100 ms)', pullMs));
  console.log(line(`pull, while the ${config.downloads.length} first downloads ran`, during(pulls.timings)));
  console.log(line(`push at ${pushRate}/s, whole run (target p99 ≤ 100 ms; ${pushFailures} failed)`, pushMs));
  console.log(line('push, while the first downloads ran', during(pushTimings)));
  console.log(line(`snapshot page (${MAX_SNAPSHOT_LIMIT} cells asked)`, pageMs));
  console.log(line(`first download, snapshot to the end + pulls (target ≤ 15 s; ${snapshots.failures} failed)`, snapshots.totals!, 's'));
  console.log(`downloads ran ${((to - from) / 1000).toFixed(1)} s`);
  console.log(`CPU used in ${wall.toFixed(0)} s: service instances ${cpu.service.toFixed(1)} s, PostgreSQL ${cpu.postgres.toFixed(1)} s, for ${requests} requests and ~${cells.toFixed(0)}k downloaded cells`);
  // The same requests as the instances timed them (from their log): the rest of the client's figure is queueing on this machine.
  const served = new Map<string, number[]>();
  servers.forEach((server, i) => {
    for (const text of server.output().slice(logFrom[i]).split('\n')) {
      if (text.includes('"msg":"pulls"')) console.log(`  in the service, pull summary: ${text}`);
      if (!text.includes('"msg":"request"')) continue;
      const entry = JSON.parse(text) as { path: string; ms: number };
      const list = served.get(entry.path) ?? [];
      list.push(entry.ms);
      served.set(entry.path, list);
    }
  });
  for (const [name, timings] of served) console.log(line(`  in the service: ${name}`, timings));
  const p = (timings: number[], q: number) => (timings.length ? percentile(sorted(timings), q) : NaN);
  return {
    'pulls answered/s': pulls.timings.length / seconds,
    'pull p50 ms': p(pullMs, 50),
    'pull p99 ms': p(pullMs, 99),
    'push p50 ms': p(pushMs, 50),
    'push p99 ms': p(pushMs, 99),
    'snapshot page p50 ms': p(pageMs, 50),
    'snapshot page p99 ms': p(pageMs, 99),
    'first download max s': Math.max(...snapshots.totals!) / 1000,
    'service CPU ms per request': (cpu.service * 1000) / Math.max(1, pulls.timings.length + pushTimings.length),
    'CPU s (service + PostgreSQL)': cpu.service + cpu.postgres,
  };
}
