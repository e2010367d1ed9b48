// Test helper: simulated offices (real local stores) editing every synced table, each edit signed by a person allowed to make it, syncing through a faulty link to an in-process service, then checked for convergence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../db/migrate';
import { DATABASE_FILE_NAME, openLocalStore } from '../../db/open';
import { listCellVersions } from '../../db/row-versions';
import type { LocalStore } from '../../db/open';
import { signAs } from '../../db/signer';
import { erasableColumns, isAppendOnly, SYNCED_TABLES } from '../../db/sync-tables';
import type { ColumnKind, SqlValue, SyncedTableName } from '../../db/sync-tables';
import { createSqliteStorage } from '../../server/sqlite-storage';
import { createSyncService } from '../../server/service';
import type { SyncStorage } from '../../server/storage';
import { createSyncEngine } from '../../sync/engine';
import type { SyncEngine } from '../../sync/engine';
import type { PushRequest } from '../../sync/protocol';
import { createMemorySecretStore } from '../../sync/secret-store';
import type { DeviceAuth } from '../../sync/transport';
import type { Role } from '../../domain/roles';
import { ROLES } from '../../domain/roles';
import { COOPERATION_ROW, foundCooperation, recordValues } from './signed-cooperation';
import type { Person, SignedCooperation } from './signed-cooperation';
import { createInProcessTransport, deliverDelayed } from './sync-in-process';
import type { Fault } from './sync-in-process';
import { signedRecord } from './trust';

export interface Step {
  device: number;
  /** `restart`: the computer stops as in a crash (the store closed mid-work, no goodbye) and starts again from its files. */
  /**
   * `repair`: "Last ned på nytt" (sync/engine.ts). `repairCrash`: a repair the computer crashes in, after a random number
   * of turns of the event loop (before the emptying, mid-download or at its end); the next start resumes it.
   */
  action: 'edit' | 'sync' | 'toggleOffline' | 'deliverDelayed' | 'restart' | 'repair' | 'repairCrash';
  seed: number;
}

export interface Schedule {
  /** Clock skew of each device in ms (its length is the number of devices). */
  skewsMs: number[];
  steps: Step[];
  /** Chance (0–1) that a message meets a fault. */
  faultRate: number;
  seed: number;
}

/** A small deterministic PRNG (mulberry32), so a failing schedule replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}
type Rng = ReturnType<typeof prng>;

const TABLES = Object.keys(SYNCED_TABLES) as SyncedTableName[];
/** The service's label for the cooperation: the operator's choice, deliberately not the cooperation row's id that signatures name. */
const SIM_LABEL = 'coop-1';
/** The office ids a random text value can be (randomValue below), so patient-scoped rows of every office reach every device. */
const SIM_OFFICES = Array.from({ length: 50 }, (_, n) => `t${n}`);

/** The simulated cooperation's people: the root admin and one account per role (no one is ever revoked, so every signed edit stays allowed). */
const PEOPLE: { id: string; roles: Role[] }[] = [
  { id: 'lead', roles: ['lead'] },
  { id: 'doctor', roles: ['doctor'] },
  { id: 'nurse', roles: ['nurse'] },
  { id: 'receptionist', roles: ['receptionist'] },
];
const LOGGERS = ['nurse', 'doctor', 'lead', 'receptionist'];
/** Who may write each table (the permission table in domain/trust/permissions.ts, by person). */
const WRITERS: Record<SyncedTableName, readonly string[]> = {
  cooperation: ['admin'],
  offices: ['admin'],
  staff: ['admin', 'lead'],
  users: ['admin'],
  shifts: ['lead', 'admin'],
  absences: ['lead', 'admin'],
  rota_patterns: ['lead', 'admin'],
  rota_pattern_exceptions: ['lead', 'admin'],
  competence_types: ['lead', 'admin'],
  staff_competences: ['lead', 'admin'],
  icpc2_codes: ['lead', 'admin'],
  routines: ['doctor'],
  routine_authorisations: ['doctor'],
  routine_confirmations: ['nurse'],
  consultations: LOGGERS,
  consultation_amendments: LOGGERS,
  consultation_facts: LOGGERS,
  prescription_requests: LOGGERS,
  prescription_answers: ['doctor'],
  audit_events: ['admin', ...LOGGERS],
  log_reviews: ['admin'],
  log_review_marks: ['admin'],
  authority_records: ['admin'],
  open_shifts: ['lead', 'admin'],
  staff_requests: ['admin', ...LOGGERS],
  request_responses: ['admin', ...LOGGERS],
  request_decisions: ['lead', 'admin'],
  rota_publications: ['lead', 'admin'],
  rota_notices: ['lead', 'admin'],
  rota_notice_reads: ['admin', ...LOGGERS],
};
/** The column an event names its author in: it must be the signer. */
const AUTHOR_COLUMNS: Partial<Record<SyncedTableName, string>> = { consultations: 'recorded_by', consultation_amendments: 'by_user_id', audit_events: 'user_id', routine_confirmations: 'user_id', prescription_requests: 'requested_by', prescription_answers: 'by_user_id', log_reviews: 'by_user_id', log_review_marks: 'by_user_id', open_shifts: 'by_user_id', staff_requests: 'by_user_id', request_responses: 'by_user_id', request_decisions: 'by_user_id', rota_publications: 'by_user_id', rota_notices: 'by_user_id', rota_notice_reads: 'user_id' };
/** Records are dated a day before the simulation starts: before anything they allow, on every skewed clock. */
const RECORDS_BEFORE_MS = 86_400_000;
const FAULTS: Fault[] = ['loseRequest', 'loseResponse', 'duplicate', 'delay'];

function foreignKeys(db: Database.Database, table: string): Map<string, string> {
  const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string }[];
  return new Map(keys.map((key) => [key.from, key.table]));
}

function randomValue(db: Database.Database, rng: Rng, kind: ColumnKind, parent: string | undefined): SqlValue {
  if (parent) {
    const ids = db.prepare(`SELECT id FROM "${parent}" ORDER BY id`).pluck().all() as string[];
    return ids.length && rng.next() < 0.8 ? rng.pick(ids) : null;
  }
  switch (kind) {
    case 'text':
      return `t${rng.int(50)}`;
    case 'integer':
      return rng.int(1000);
    case 'boolean':
      return rng.int(2);
    case 'json':
      return JSON.stringify([rng.int(10), rng.int(10)]);
  }
}

function randomValues(db: Database.Database, rng: Rng, table: SyncedTableName, subset: boolean): Record<string, SqlValue> {
  const keys = foreignKeys(db, table);
  const values: Record<string, SqlValue> = {};
  for (const [column, kind] of Object.entries(SYNCED_TABLES[table].columns as Record<string, ColumnKind>)) {
    if (subset && rng.next() < 0.6) continue;
    values[column] = randomValue(db, rng, kind, keys.get(column));
  }
  return values;
}

let template: string | null = null;

/** RAM-backed /dev/shm when there is one: the stores fsync every transaction, and the simulation makes thousands. */
function fastTempRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

/** A fresh, migrated, unencrypted database file to copy for each simulated device (migrating each one costs more than the schedule). */
function migratedTemplate(): string {
  if (template && fs.existsSync(template)) return template;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samvakt-sim-template-')), DATABASE_FILE_NAME);
  const db = new Database(file);
  migrate(db, { backupDir: null });
  db.close();
  template = file;
  return file;
}

interface Device {
  store: LocalStore;
  engine: SyncEngine;
  dataDir: string;
  offline: boolean;
  /** Closes the store as a crash would and opens it again from its files, with a new engine. */
  restart?: () => void;
}

export interface Simulation {
  storage: SyncStorage;
  devices: Device[];
  cooperation: SignedCooperation;
  /** The service's label of the cooperation (chosen by its operator; not in any signed bytes). */
  label: string;
  /** Ids of every appended (append-only) row, per table, across all devices. */
  appended: Map<string, Set<string>>;
}

/** Runs a schedule to the end, with a full fault-free exchange afterwards; returns the simulation for checks. */
export async function runSchedule(schedule: Schedule, onDone: (simulation: Simulation) => void | Promise<void>): Promise<void> {
  const rng = prng(schedule.seed);
  let time = Date.UTC(2026, 0, 5, 8, 0, 0);
  const storage = createSqliteStorage(':memory:');
  const service = createSyncService({ storage, now: () => time });
  const delayed: { auth: DeviceAuth; request: PushRequest }[] = [];
  // Enrolment goes without faults, so every device starts from the cooperation as it was founded.
  let faultsOn = false;
  const devices: Device[] = [];
  const appended = new Map<string, Set<string>>();
  let nextId = 0;
  let cooperation: SignedCooperation | null = null;
  try {
    for (const [index, skew] of schedule.skewsMs.entries()) {
      const dataDir = fs.mkdtempSync(path.join(fastTempRoot(), 'samvakt-sim-'));
      fs.copyFileSync(migratedTemplate(), path.join(dataDir, DATABASE_FILE_NAME));
      const store = openLocalStore({ dataDir, key: null, now: () => time + skew });
      const secrets = createMemorySecretStore();
      const device: Device = { store, dataDir, offline: false, engine: null as unknown as SyncEngine };
      // The device secret outlives a restart (it is in the secret store, not in memory of the engine).
      const startEngine = () =>
        createSyncEngine({
          store: device.store,
          secrets,
          now: () => time + skew,
          pullLimit: 7,
          snapshotLimit: 11,
          transportFor: () =>
            createInProcessTransport(service, {
              delayed,
              offline: () => device.offline,
              fault: () => (faultsOn && rng.next() < schedule.faultRate ? rng.pick(FAULTS) : 'none'),
            }),
        });
      device.engine = startEngine();
      device.restart = () => {
        device.engine.stop();
        device.store.close();
        device.store = openLocalStore({ dataDir, key: null, now: () => time + skew });
        device.engine = startEngine();
      };
      devices.push(device);
      // The first office founds the cooperation (its row, the root admin and signed accounts) before it enrols.
      if (index === 0) {
        cooperation = foundCooperation(store, 'admin', PEOPLE, time - RECORDS_BEFORE_MS);
        appended.set('authority_records', new Set(cooperation.records.map((record) => record.id)));
      }
      // Every device serves every office a random entry can name (text values are t0–t49), so all of them converge on everything.
      const { code } = await service.createEnrolmentCode({ cooperationId: SIM_LABEL, offices: SIM_OFFICES });
      await device.engine.enrol({ serverUrl: 'memory://service', code });
    }

    faultsOn = true;
    const founded = cooperation!;
    for (const step of schedule.steps) {
      time += 1000 + rng.int(60_000);
      const device = devices[step.device % devices.length]!;
      const local = prng(step.seed);
      if (step.action === 'toggleOffline') device.offline = !device.offline;
      else if (step.action === 'sync') await device.engine.syncNow();
      else if (step.action === 'restart') device.restart?.();
      else if (step.action === 'repair') await device.engine.repair({ requestedBy: 'admin' }).catch(() => undefined);
      else if (step.action === 'repairCrash') {
        const repairing = device.engine.repair({ requestedBy: 'admin' }).catch(() => undefined);
        for (let turn = local.int(40); turn > 0; turn--) await new Promise((resolve) => setImmediate(resolve));
        device.restart?.();
        await repairing;
      }
      else if (step.action === 'deliverDelayed') await deliverDelayed(service, delayed.splice(0, local.int(delayed.length + 1)).reverse());
      else edit(device.store, local, () => `r${step.device % devices.length}-${nextId++}`, appended, founded);
    }

    // Full exchange: everything delayed arrives, every device online, no more faults.
    faultsOn = false;
    await deliverDelayed(service, delayed);
    for (const device of devices) device.offline = false;
    for (let round = 0; round < 3; round++) for (const device of devices) await device.engine.syncNow();
    await onDone({ storage, devices, appended, cooperation: founded, label: SIM_LABEL });
  } finally {
    for (const device of devices) {
      device.store.close();
      fs.rmSync(device.dataDir, { recursive: true, force: true });
    }
    await storage.close();
  }
}

/**
 * One random edit through the real write path, signed by a person the permission table allows: insert, update,
 * tombstone, upsert of a shared id, redaction (by an admin), or a role granted by the admin (an authority record).
 */
function edit(store: LocalStore, rng: Rng, newId: () => string, appended: Map<string, Set<string>>, cooperation: SignedCooperation) {
  const table = rng.pick(TABLES);
  const db = store.db;
  const existing = db.prepare(`SELECT id FROM "${table}" ORDER BY id`).pluck().all() as string[];
  const kind = rng.int(10);
  const erasable = isAppendOnly(table) ? erasableColumns(table) : [];
  const redacting = existing.length > 0 && erasable.length > 0 && kind < 3;
  const signer: Person = cooperation.people[redacting ? 'admin' : rng.pick(WRITERS[table])]!;
  const authorColumn = AUTHOR_COLUMNS[table];
  const valuesFor = (subset: boolean) => {
    const values = randomValues(db, rng, table, subset);
    if (authorColumn) values[authorColumn] = signer.id;
    return values;
  };
  signAs(signer.signer, () => store.writer.write((changes) => {
    if (table === 'authority_records') {
      // The admin grants someone a role (only ever more rights, so no concurrent edit loses its author's).
      const subject = rng.pick(PEOPLE);
      const id = newId();
      const record = signedRecord(
        cooperation.cooperationId,
        { id, kind: 'grant', subjectId: subject.id, role: rng.pick(ROLES), publicKey: null, signerId: signer.id, at: changes.hlc, details: null },
        signer.key,
      );
      changes.insert('authority_records', id, recordValues(record));
      if (!appended.has(table)) appended.set(table, new Set());
      appended.get(table)!.add(id);
      return;
    }
    if (table === 'cooperation') {
      // One cooperation row, whose id every signature names: it is only ever updated.
      if (existing.includes(COOPERATION_ROW)) changes.update('cooperation', COOPERATION_ROW, valuesFor(true));
      return;
    }
    if (isAppendOnly(table)) {
      if (redacting) {
        // Erased like retention does: null where the column allows it, an empty value where it does not.
        const info = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; notnull: number }[];
        const kinds = SYNCED_TABLES[table].columns as Record<string, ColumnKind>;
        const erased = (column: string) => (info.find((c) => c.name === column)?.notnull ? (kinds[column] === 'json' ? '{}' : '') : null);
        changes.redact(table, rng.pick(existing), Object.fromEntries(erasable.map((column) => [column, erased(column)])));
        return;
      }
      const id = newId();
      changes.insert(table, id, valuesFor(false));
      if (!appended.has(table)) appended.set(table, new Set());
      appended.get(table)!.add(id);
      return;
    }
    if (existing.length && kind < 4) changes.update(table, rng.pick(existing), valuesFor(true));
    else if (existing.length && kind < 5) changes.remove(table, rng.pick(existing));
    // A deterministic id several devices may create at once (like a pattern occurrence's exception row).
    else if (kind < 7) changes.upsert(table, `shared-${rng.int(3)}`, valuesFor(false));
    else changes.insert(table, newId(), valuesFor(false));
  }));
}

/** Everything sync must make equal: every synced table's rows and every column's timestamp. */
export function deviceState(store: LocalStore): Record<string, unknown[]> {
  const state: Record<string, unknown[]> = {};
  for (const table of TABLES) state[table] = store.db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();
  // Column-set numbers are local to a device, so versions are compared cell by cell.
  state.row_versions = listCellVersions(store.db);
  return state;
}
