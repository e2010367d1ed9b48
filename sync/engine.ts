// The client sync engine: in the backend process, in the background — first download, then pull and push, with backoff and a status for the UI.
import type { LocalStore } from '../db/open';
import { recordAudit } from '../db/audit';
import { beginBulkLoad, endBulkLoad } from '../db/bulk-load';
import { getMeta, setMeta } from '../db/local-meta';
import { closeReadSnapshot, openReadSnapshot } from '../db/read-snapshot';
import { createOutbox } from '../db/outbox';
import type { OutboxTransaction } from '../db/outbox';
import { clearSyncedData, flushWal, purgeOutOfScope } from '../db/scope-purge';
import { deviceSigner, signAs } from '../db/signer';
import { statement } from '../db/statements';
import { createSyncRejected } from '../db/sync-rejected';
import type { Area } from '../domain/areas';
import type { AuditAction } from '../domain/audit/actions';
import { ClockDriftError, DEFAULT_MAX_DRIFT_MS } from '../domain/hlc';
import { differingTables, localDigestsInSteps } from './agreement';
import { areaOfTable } from './areas';
import { createMerger } from './merge';
import type { Merger, MergeResult } from './merge';
import { MAX_PUSH_CHANGES, MAX_SNAPSHOT_LIMIT, SYNC_PROTOCOL_VERSION } from './protocol';
import { SYNCED_TABLES } from '../db/sync-tables';
import type { SecretStore } from './secret-store';
import { createHttpTransport, SyncTransportError } from './transport';
import type { DeviceAuth, SyncTransport } from './transport';
import type { PushTransaction, SyncErrorCode, TableDigest } from './protocol';

/** What the UI is told when sync fails; the renderer has a Norwegian and an English text for each. */
export const SYNC_CLIENT_ERROR_CODES = [
  'sync.offline',
  'sync.serverError',
  'sync.revoked',
  'sync.credentialInvalid',
  'sync.clockDrift',
  'sync.upgradeRequired',
  'sync.wrongCooperation',
  'sync.enrolCodeInvalid',
  'sync.rateLimited',
  'sync.refused',
  // The service refused a push on a trust check (docs/trust.md): the changes stay in the outbox, the status names the check.
  'sync.pushRefused',
] as const;
export type SyncClientErrorCode = (typeof SYNC_CLIENT_ERROR_CODES)[number];

/** Errors after which retrying cannot help until a person acts (re-enrol, upgrade). */
const STOPS_SYNC: readonly SyncClientErrorCode[] = ['sync.revoked', 'sync.credentialInvalid', 'sync.upgradeRequired', 'sync.wrongCooperation'];

export class SyncError extends Error {
  constructor(readonly code: SyncClientErrorCode, message: string) {
    super(message);
    this.name = 'SyncError';
  }
}

export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (error instanceof ClockDriftError) return new SyncError('sync.clockDrift', error.message);
  if (error instanceof SyncTransportError) {
    const map: Partial<Record<SyncTransportError['code'], SyncClientErrorCode>> = {
      network: 'sync.offline',
      'server.unavailable': 'sync.serverError',
      'auth.revoked': 'sync.revoked',
      'auth.invalid': 'sync.credentialInvalid',
      'auth.missing': 'sync.credentialInvalid',
      'clock.ahead': 'sync.clockDrift',
      'protocol.unsupported': 'sync.upgradeRequired',
      'sync.wrongCooperation': 'sync.wrongCooperation',
      'enrol.codeInvalid': 'sync.enrolCodeInvalid',
      'request.rateLimited': 'sync.rateLimited',
    };
    if (error.code.startsWith('trust.')) return new SyncError('sync.pushRefused', error.message);
    return new SyncError(map[error.code] ?? 'sync.refused', error.message);
  }
  return new SyncError('sync.serverError', error instanceof Error ? error.message : String(error));
}

export type SyncState = 'notEnrolled' | 'idle' | 'syncing' | 'offline' | 'error' | 'stopped';

/** Why a download runs: a new computer's first, a repair ("Last ned på nytt"), or offices this computer now serves. */
export type DownloadReason = 'first' | 'repair' | 'scope';

/**
 * The last agreement check: 'agree' when every table's digest equals the service's at `asOf`, 'differ' with the
 * tables that do not, 'unsettled' when the computer could not be brought level with the service (changes kept arriving,
 * or its own changes could not be sent).
 */
export interface AgreementResult {
  state: 'agree' | 'differ' | 'unsettled';
  tables: string[];
  asOf: number | null;
  checkedAt: string;
}

export interface SyncStatus {
  enrolled: boolean;
  state: SyncState;
  /** The server answered the last attempt. */
  online: boolean;
  serverUrl: string | null;
  cooperationName: string | null;
  office: string | null;
  lastSuccessAt: string | null;
  pendingChanges: number;
  /** Progress of the first download (cells), null when none is running or due. */
  firstDownload: { done: number; total: number } | null;
  lastErrorCode: SyncClientErrorCode | null;
  /** When the service refused this computer's push on a trust check: its code (trust.forbidden, …) and message. */
  pushRefusal: { code: SyncErrorCode; message: string } | null;
  /** Pulled transactions set aside because they failed the checks (sync_rejected; admins see them in Innstillinger). */
  rejectedCount: number;
  /** The offices this computer serves (it holds patient data of these only), as the service last said; null when not known. */
  offices: { id: string; name: string }[] | null;
  /** Why the download in progress runs, and for a scope download the names of the offices it fetches; null when none runs. */
  download: { reason: DownloadReason; offices: string[] } | null;
  /** A repair is under way (its download resumes after a restart). */
  repairing: boolean;
  /** The last agreement check, null before the first. */
  agreement: AgreementResult | null;
  /** An agreement check computing its local digests now: how far it has come (whole percent); null when none does. */
  agreementProgress: number | null;
}

export interface SyncEngineOptions {
  store: LocalStore;
  secrets: SecretStore;
  /** The transport for a server URL (HTTP by default; tests pass an in-process one). */
  transportFor?: (serverUrl: string) => SyncTransport;
  now?: () => number;
  intervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  pullLimit?: number;
  snapshotLimit?: number;
  maxDriftMs?: number;
  /** How long one step of the agreement check's local digests holds the event loop (8 ms; tests make it tiny). */
  agreementStepMs?: number;
}

/** What the engine tells whoever listens (the backend, which turns it into data.changed events). */
export interface SyncListener {
  /** After a merge: the areas whose data changed. */
  changed?(areas: Area[]): void;
  /** When the status changes (e.g. to refresh the status line). */
  status?(status: SyncStatus): void;
}

export interface SyncEngine {
  status(): SyncStatus;
  /** When this device last finished a sync cycle (ISO), null when never; cheaper than status() for screens that show only this. */
  lastSuccessAt(): string | null;
  /** Listens for merges and status changes; returns a function that stops listening. */
  listen(listener: SyncListener): () => void;
  /** Runs one full cycle now (or waits for the one running) and returns the status after it. */
  syncNow(): Promise<SyncStatus>;
  enrol(input: { serverUrl: string; code: string; name?: string }): Promise<SyncStatus>;
  /** Forgets the server and credential (the data stays). */
  forget(): Promise<void>;
  /** This device's transport and credential for calls beside sync (device administration); null when not enrolled. */
  credentials(): Promise<{ transport: SyncTransport; auth: DeviceAuth; cooperation: string } | null>;
  /**
   * Compares every synced table with the service: brings the computer level with the service (push, pull), takes the
   * service's digests and compares them with its own at the same sequence, retrying a few times when the service moves
   * on meanwhile. Throws SyncError when the service cannot be reached.
   */
  checkAgreement(): Promise<AgreementResult>;
  /**
   * Downloads this computer's data again ("Last ned på nytt"): pushes what is pending (a failed push loses nothing), empties
   * the synced tables keeping the outbox, downloads a fresh snapshot and applies the outbox's cells again (they still wait
   * to be pushed). A crash mid-way resumes at the next start. Throws SyncError, changing nothing, when the service cannot
   * be reached.
   */
  repair(input: { requestedBy: string }): Promise<SyncStatus>;
  /** Starts background syncing (when enrolled). */
  start(): void;
  stop(): void;
}

const META = {
  serverUrl: 'sync.serverUrl',
  deviceId: 'sync.deviceId',
  cooperationId: 'sync.cooperationId',
  cooperationName: 'sync.cooperationName',
  office: 'sync.office',
  cursor: 'sync.cursor',
  snapshot: 'sync.snapshot',
  lastSuccessAt: 'sync.lastSuccessAt',
  /** The offices this computer serves (ids, sorted JSON), from the enrolment and every pull. */
  offices: 'sync.offices',
  /** The download under way and why ({ reason, offices }); absent for a new computer's first download. */
  download: 'sync.download',
  /** A repair in progress ({ requestedBy, at }): set with the emptying of the tables, cleared when the outbox is applied again. */
  repair: 'sync.repair',
  agreement: 'sync.agreement',
} as const;
/** How many times the agreement check tries to catch the service at a still moment. */
const AGREEMENT_ATTEMPTS = 4;
const SECRET_NAME = 'sync-device-secret';
/** Rows an earlier version kept after sending, removed per step: small enough that a call waits at most a few ms. */
const PRUNE_STEP_ROWS = 500;

interface SnapshotProgress {
  asOf: number;
  next: string | null;
  total: number;
  done: number;
}

/** An outbox transaction as it is pushed: a legacy one (from before signing) without seal or cell indexes. */
export function toPushTransaction(transaction: OutboxTransaction): PushTransaction {
  const cells = transaction.cells.map(({ i, table, row, column, value, blind }) => ({
    ...(i !== null && transaction.author !== 'legacy' ? { i } : {}),
    table,
    row,
    column,
    value,
    ...(blind !== null ? { blind } : {}),
  }));
  if (transaction.author === 'legacy' || transaction.signature === null || transaction.digests === null) return { hlc: transaction.hlc, author: 'legacy', cells };
  return { hlc: transaction.hlc, author: transaction.author, signature: transaction.signature, digests: transaction.digests, cells };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** Adds a merge's areas to the cycle's; changes set aside are news for the admins' list (the 'sync' area). */
function addMerged(result: MergeResult, areas: Set<Area>) {
  result.areas.forEach((area) => areas.add(area));
  if (result.rejected > 0) areas.add('sync');
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, secrets } = options;
  const db = store.db;
  const now = options.now ?? Date.now;
  const transportFor = options.transportFor ?? ((url: string) => createHttpTransport(url));
  const outbox = createOutbox(db);
  const setAside = createSyncRejected(db);
  const intervalMs = options.intervalMs ?? 30_000;
  const minBackoffMs = options.minBackoffMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
  const maxDriftMs = options.maxDriftMs ?? DEFAULT_MAX_DRIFT_MS;
  let merger: Merger | null = null;
  let state: SyncState = getMeta(db, META.serverUrl) ? 'idle' : 'notEnrolled';
  let online = false;
  let lastErrorCode: SyncClientErrorCode | null = null;
  let pushRefusal: SyncStatus['pushRefusal'] = null;
  let running: Promise<SyncStatus> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let started = false;
  let failures = 0;
  let pendingAppliedOnce = false;
  let agreementRunning: Promise<AgreementResult> | null = null;
  let agreementProgress: number | null = null;
  const listeners = new Set<SyncListener>();

  const getMerger = () => (merger ??= createMerger(store));
  const meta = (key: string) => getMeta(db, key);
  const snapshotProgress = (): SnapshotProgress | null => {
    const text = meta(META.snapshot);
    return text ? (JSON.parse(text) as SnapshotProgress) : null;
  };

  const readOffices = (): string[] | null => {
    const text = meta(META.offices);
    return text ? (JSON.parse(text) as string[]) : null;
  };
  const officeName = statement(db, 'SELECT name FROM offices WHERE id = ?', 'pluck');
  /** Office names for people (an office this computer has not received yet shows as its id). */
  const namesOf = (ids: readonly string[]) => ids.map((id) => (officeName.get(id) as string | null | undefined) || id);

  function status(): SyncStatus {
    const enrolled = meta(META.serverUrl) !== null;
    const progress = snapshotProgress();
    const downloading = enrolled && meta(META.cursor) === null;
    const firstDownload = downloading ? { done: progress?.done ?? 0, total: progress?.total ?? 0 } : null;
    const downloadMeta = meta(META.download);
    const offices = readOffices();
    const agreement = meta(META.agreement);
    return {
      enrolled,
      state: enrolled ? state : 'notEnrolled',
      online: enrolled && online,
      serverUrl: meta(META.serverUrl),
      cooperationName: meta(META.cooperationName),
      office: meta(META.office),
      lastSuccessAt: meta(META.lastSuccessAt),
      pendingChanges: outbox.pendingCount(),
      firstDownload,
      lastErrorCode,
      pushRefusal,
      rejectedCount: setAside.count(),
      offices: offices === null ? null : offices.map((id, index) => ({ id, name: namesOf(offices)[index]! })),
      download: downloading ? (downloadMeta ? (JSON.parse(downloadMeta) as SyncStatus['download']) : { reason: 'first', offices: [] }) : null,
      repairing: meta(META.repair) !== null,
      agreement: agreement ? (JSON.parse(agreement) as AgreementResult) : null,
      agreementProgress,
    };
  }

  /** An audit event of the engine's own work, signed by this computer's key (DEVICE_MAY lists these actions). */
  function auditSync(action: AuditAction, details: Record<string, unknown>) {
    signAs(deviceSigner(db, store.clock.deviceId), () =>
      store.writer.write((changes) =>
        recordAudit(changes, store.clock.deviceId, { at: new Date(now()).toISOString(), userId: null, username: 'system', action, details }),
      ),
    );
  }

  /**
   * Takes the service's word on which offices this computer serves. When they shrank, the patient data of the offices
   * no longer served is removed in one transaction with its audit event, and the freed bytes are overwritten and the
   * WAL emptied (db/scope-purge.ts). When they grew (or the purge removed audit events in doubt), a download of the
   * snapshot is due: returns true. A store from before scopes (no offices known) held every office.
   */
  function adoptOffices(offices: readonly string[] | undefined): boolean {
    if (!offices) return false;
    const next = [...offices].sort();
    const before = readOffices();
    if (before !== null && sameList(before, next)) return false;
    const removed = before === null ? null : before.filter((id) => !next.includes(id));
    const added = before === null ? [] : next.filter((id) => !before.includes(id));
    let redownload = false;
    db.transaction(() => {
      if (removed === null || removed.length > 0) {
        const purge = purgeOutOfScope(db, next, store.clock.deviceId);
        const count = Object.values(purge.removed).reduce((sum, rows) => sum + rows, 0);
        if (removed !== null || count > 0) auditSync('sync.scopeShrunk', { offices: removed === null ? null : namesOf(removed), removed: purge.removed });
        if (purge.inDoubt > 0) redownload = true;
      }
      if (added.length > 0) {
        auditSync('sync.scopeGrown', { offices: namesOf(added) });
        redownload = true;
      }
      setMeta(db, META.offices, JSON.stringify(next));
      if (redownload) {
        setMeta(db, META.download, JSON.stringify({ reason: 'scope', offices: namesOf(added) }));
        setMeta(db, META.cursor, null);
        setMeta(db, META.snapshot, null);
      }
    })();
    // Rows this merger remembered as existing may be gone.
    merger = null;
    flushWal(db);
    return redownload;
  }

  function announceStatus(current: SyncStatus) {
    for (const listener of listeners) listener.status?.(current);
  }
  const report = () => {
    if (listeners.size > 0) announceStatus(status());
  };

  function changed(areas: Set<Area>) {
    if (areas.size === 0) return;
    for (const listener of listeners) listener.changed?.([...areas]);
  }

  async function credentials(): Promise<{ transport: SyncTransport; auth: DeviceAuth; cooperation: string } | null> {
    const serverUrl = meta(META.serverUrl);
    const deviceId = meta(META.deviceId);
    const cooperation = meta(META.cooperationId);
    const secret = await secrets.read(SECRET_NAME);
    if (!serverUrl || !deviceId || !cooperation) return null;
    if (!secret) throw new SyncError('sync.credentialInvalid', 'The device secret is missing from the secret store.');
    return { transport: transportFor(serverUrl), auth: { deviceId, secret }, cooperation };
  }

  function checkServerClock(serverTime: number) {
    if (Math.abs(now() - serverTime) > maxDriftMs) {
      throw new SyncError('sync.clockDrift', `This device's clock differs from the server's by more than the allowed drift.`);
    }
  }

  /**
   * A new device's first download: snapshot pages, each merged in one transaction, with the progress
   * saved after each so a broken download resumes at its page. The next page is requested before the
   * current one is merged, so the service builds it while this device writes. Indexes are set aside
   * for the download and rebuilt once at the end (db/bulk-load.ts).
   */
  async function download(transport: SyncTransport, auth: DeviceAuth, cooperation: string, areas: Set<Area>) {
    if (meta(META.cursor) !== null) return;
    let progress = snapshotProgress();
    const request = (after: SnapshotProgress | null) => {
      const page = transport.snapshot(auth, {
        cooperation,
        ...(after?.next ? { after: after.next, asOf: after.asOf, total: after.total } : {}),
        // The largest pages the protocol allows: a first download is bound by requests, not by memory.
        limit: options.snapshotLimit ?? MAX_SNAPSHOT_LIMIT,
      });
      // A prefetched page may fail while the current one is merged; the failure is seen when it is awaited.
      page.catch(() => {});
      return page;
    };
    let next = request(progress);
    beginBulkLoad(db);
    try {
      for (;;) {
        const page = await next;
        checkServerClock(page.serverTime);
        const resumed = Boolean(progress?.next);
        progress = {
          asOf: resumed ? progress!.asOf : page.asOf,
          next: page.next,
          total: resumed ? progress!.total : page.totalCells,
          done: (resumed ? progress!.done : 0) + page.cells,
        };
        if (page.next !== null) {
          next = request(progress);
          // Let the request reach the socket before the merge below holds the thread, so the service works meanwhile.
          await new Promise((resolve) => setImmediate(resolve));
        }
        addMerged(getMerger().applyRows(page.rows), areas);
        if (page.next === null) break;
        setMeta(db, META.snapshot, JSON.stringify(progress));
        report();
      }
    } finally {
      // Also when the download breaks off (offline for days, say): the screens need their indexes until it resumes.
      endBulkLoad(db);
    }
    // Authority records that came before the cooperation row (which their signatures cover) are checked now.
    addMerged(getMerger().settleSnapshotAuthority(), areas);
    db.transaction(() => {
      setMeta(db, META.cursor, String(progress!.asOf));
      setMeta(db, META.snapshot, null);
      setMeta(db, META.download, null);
      const repair = meta(META.repair);
      if (repair !== null) {
        // The cells this computer has not had acknowledged apply again over the fresh data; they stay in the outbox.
        addMerged(getMerger().applyOwn(outbox.pendingCells()), areas);
        const { requestedBy } = JSON.parse(repair) as { requestedBy: string };
        auditSync('sync.repaired', { requestedBy, pendingKept: outbox.pendingCount() });
        setMeta(db, META.repair, null);
      }
    })();
  }

  /** Pulls until the service has nothing more; returns true when the service's answer showed a download is due (offices grew). */
  async function pull(transport: SyncTransport, auth: DeviceAuth, cooperation: string, areas: Set<Area>): Promise<boolean> {
    for (;;) {
      const after = Number(meta(META.cursor) ?? 0);
      const page = await transport.pull(auth, { cooperation, after, ...(options.pullLimit ? { limit: options.pullLimit } : {}) });
      checkServerClock(page.serverTime);
      addMerged(getMerger().apply(page.changes, { transactions: page.transactions, deviceKeys: page.deviceKeys }), areas);
      // The cursor only moves after the page is merged: a crash in between re-reads the page, which merges to the same state.
      if (page.lastSeq > after) setMeta(db, META.cursor, String(page.lastSeq));
      if (adoptOffices(page.offices)) {
        areas.add('consultations');
        return true;
      }
      if (!page.more) return false;
    }
  }

  /**
   * Pushes the outbox in batches of signed transactions. A batch the service refuses on a trust check stays in the
   * outbox (nothing is lost): the cycle ends with sync.pushRefused and the next attempt waits for the backoff.
   */
  async function push(transport: SyncTransport, auth: DeviceAuth, cooperation: string) {
    for (;;) {
      const batch = outbox.nextBatch(MAX_PUSH_CHANGES);
      if (batch.transactions.length === 0) return;
      let response;
      try {
        response = await transport.push(auth, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation, transactions: batch.transactions.map(toPushTransaction) });
      } catch (error) {
        if (error instanceof SyncTransportError && error.code.startsWith('trust.')) pushRefusal = { code: error.code as SyncErrorCode, message: error.message };
        throw error;
      }
      outbox.acknowledge(batch.localSeqs);
      checkServerClock(response.serverTime);
    }
  }

  /**
   * Removes, in small steps that let calls through, the rows an earlier version kept in the outbox after sending them
   * (830 MiB of a five-year store). Runs after a push that reached the service, so what it removes was acknowledged.
   */
  async function pruneSentRows() {
    while (outbox.pruneSent(PRUNE_STEP_ROWS) > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  async function cycle(): Promise<SyncStatus> {
    const areas = new Set<Area>();
    try {
      const creds = await credentials();
      if (!creds) {
        state = 'notEnrolled';
        return status();
      }
      state = 'syncing';
      report();
      if (!pendingAppliedOnce) {
        getMerger().applyPending().areas.forEach((area) => areas.add(area));
        pendingAppliedOnce = true;
      }
      await download(creds.transport, creds.auth, creds.cooperation, areas);
      if (await pull(creds.transport, creds.auth, creds.cooperation, areas)) {
        await download(creds.transport, creds.auth, creds.cooperation, areas);
        await pull(creds.transport, creds.auth, creds.cooperation, areas);
      }
      await push(creds.transport, creds.auth, creds.cooperation);
      await pruneSentRows();
      online = true;
      lastErrorCode = null;
      pushRefusal = null;
      failures = 0;
      state = 'idle';
      setMeta(db, META.lastSuccessAt, new Date(now()).toISOString());
    } catch (error) {
      const syncError = toSyncError(error);
      lastErrorCode = syncError.code;
      online = syncError.code !== 'sync.offline';
      failures += 1;
      state = STOPS_SYNC.includes(syncError.code) ? 'stopped' : syncError.code === 'sync.offline' ? 'offline' : 'error';
    } finally {
      changed(areas);
    }
    const result = status();
    announceStatus(result);
    return result;
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!started || state === 'notEnrolled' || state === 'stopped') return;
    let delay = intervalMs;
    if (failures > 0) {
      const backoff = Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(failures - 1, 16));
      delay = lastErrorCode === 'sync.clockDrift' ? maxBackoffMs : Math.round(backoff * (0.75 + Math.random() * 0.5));
    }
    timer = setTimeout(() => void syncNow(), delay);
    timer.unref?.();
  }

  function syncNow(): Promise<SyncStatus> {
    if (!running) {
      running = cycle().finally(() => {
        running = null;
        schedule();
      });
    }
    return running;
  }

  /**
   * The local digests of the store as it is now, in steps on a second connection (db/read-snapshot.ts): its read
   * transaction begins in this call, before anything is awaited, so it sees exactly the state the caller just checked,
   * while the app's connection answers calls and goes on syncing between the steps. The status carries the progress.
   */
  async function digestsOfNow(): Promise<Record<string, TableDigest>> {
    const snapshot = openReadSnapshot(store.file, store.key);
    agreementProgress = 0;
    report();
    try {
      return await localDigestsInSteps(snapshot, {
        ...(options.agreementStepMs !== undefined ? { stepMs: options.agreementStepMs } : {}),
        cancelled: () => !db.open,
        onProgress: ({ rowsDone, rowsTotal }) => {
          const percent = Math.min(99, rowsTotal === 0 ? 0 : Math.floor((rowsDone * 100) / rowsTotal));
          if (percent === agreementProgress) return;
          agreementProgress = percent;
          report();
        },
      });
    } finally {
      closeReadSnapshot(snapshot);
      agreementProgress = null;
    }
  }

  async function runAgreementCheck(): Promise<AgreementResult> {
    let result: AgreementResult | null = null;
    let asOf: number | null = null;
    for (let attempt = 0; attempt < AGREEMENT_ATTEMPTS && result === null; attempt++) {
      const before = await syncNow();
      if (before.lastErrorCode && before.lastErrorCode !== 'sync.pushRefused') throw new SyncError(before.lastErrorCode, 'The service could not be reached for the agreement check.');
      const creds = await credentials();
      if (!creds) throw new SyncError('sync.credentialInvalid', 'This computer is not enrolled.');
      let remote;
      try {
        remote = await creds.transport.digest(creds.auth, { cooperation: creds.cooperation });
        checkServerClock(remote.serverTime);
      } catch (error) {
        throw toSyncError(error);
      }
      asOf = remote.asOf;
      // Level with the service: everything up to now pulled. Nothing awaits between this check and the snapshot's start.
      await syncNow();
      const cursor = meta(META.cursor);
      if (cursor === null || Number(cursor) > remote.asOf || outbox.pendingCount() > 0) continue;
      const differ = differingTables(await digestsOfNow(), remote.tables);
      result = { state: differ.length === 0 ? 'agree' : 'differ', tables: differ, asOf: remote.asOf, checkedAt: new Date(now()).toISOString() };
    }
    result ??= { state: 'unsettled', tables: [], asOf, checkedAt: new Date(now()).toISOString() };
    setMeta(db, META.agreement, JSON.stringify(result));
    report();
    return result;
  }

  /** One check at a time: a second request while one runs gets the same result. */
  function checkAgreement(): Promise<AgreementResult> {
    agreementRunning ??= runAgreementCheck().finally(() => {
      agreementRunning = null;
      report();
    });
    return agreementRunning;
  }

  /** The steps of a repair before its download: push first (a failure loses nothing), then empty the synced tables in one transaction with the marker. */
  async function beginRepair(requestedBy: string): Promise<SyncStatus> {
    const creds = await credentials();
    if (!creds) throw new SyncError('sync.credentialInvalid', 'This computer is not enrolled.');
    state = 'syncing';
    report();
    const areas = new Set<Area>();
    // The service must answer before anything is emptied (a computer offline keeps its data as it is).
    if (meta(META.cursor) !== null) await pull(creds.transport, creds.auth, creds.cooperation, areas);
    else await creds.transport.snapshot(creds.auth, { cooperation: creds.cooperation, limit: 1 });
    try {
      await push(creds.transport, creds.auth, creds.cooperation);
    } catch {
      // What was not pushed stays in the outbox and is applied again after the download.
    }
    beginBulkLoad(db);
    db.transaction(() => {
      clearSyncedData(db);
      setMeta(db, META.cursor, null);
      setMeta(db, META.snapshot, null);
      setMeta(db, META.repair, JSON.stringify({ requestedBy, at: new Date(now()).toISOString() }));
      setMeta(db, META.download, JSON.stringify({ reason: 'repair', offices: [] }));
      setMeta(db, META.agreement, null);
    })();
    merger = null;
    store.trust.forget();
    flushWal(db);
    changed(new Set(Object.keys(SYNCED_TABLES).map(areaOfTable)));
    return cycle();
  }

  async function repair({ requestedBy }: { requestedBy: string }): Promise<SyncStatus> {
    while (running) await running.catch(() => {});
    let failure: SyncError | null = null;
    running = beginRepair(requestedBy)
      .catch((error: unknown) => {
        failure = toSyncError(error);
        lastErrorCode = failure.code;
        online = failure.code !== 'sync.offline';
        state = failure.code === 'sync.offline' ? 'offline' : 'error';
        const current = status();
        announceStatus(current);
        return current;
      })
      .finally(() => {
        running = null;
        schedule();
      });
    const result = await running;
    if (failure) throw failure;
    return result;
  }

  return {
    status,
    checkAgreement,
    repair,
    lastSuccessAt: () => meta(META.lastSuccessAt),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow,
    credentials,
    async enrol(input) {
      const serverUrl = input.serverUrl.trim().replace(/\/+$/, '');
      const transport = transportFor(serverUrl);
      let response;
      try {
        response = await transport.enrol({
          protocol: SYNC_PROTOCOL_VERSION,
          code: input.code.trim(),
          clockId: store.clock.deviceId,
          publicKey: deviceSigner(db, store.clock.deviceId).key.publicKey,
          ...(input.name ? { name: input.name } : {}),
        });
      } catch (error) {
        throw toSyncError(error);
      }
      await secrets.write(SECRET_NAME, response.secret);
      db.transaction(() => {
        // The service's root, pinned when this computer joins (a computer that made or saw a root already keeps its own).
        if (response.rootPublicKey) store.trust.pinRoot(response.rootPublicKey);
        setMeta(db, META.serverUrl, serverUrl);
        setMeta(db, META.deviceId, response.deviceId);
        setMeta(db, META.cooperationId, response.cooperationId);
        setMeta(db, META.cooperationName, response.cooperationName);
        setMeta(db, META.office, response.office);
        setMeta(db, META.offices, JSON.stringify([...response.offices].sort()));
        setMeta(db, META.cursor, null);
        setMeta(db, META.snapshot, null);
        // Everything this device wrote and no service acknowledged goes to the service too (the outbox keeps nothing else).
      })();
      state = 'idle';
      lastErrorCode = null;
      pushRefusal = null;
      failures = 0;
      return syncNow();
    },
    async forget() {
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
      await secrets.remove(SECRET_NAME);
      db.transaction(() => {
        for (const key of Object.values(META)) setMeta(db, key, null);
      })();
      state = 'notEnrolled';
      online = false;
      lastErrorCode = null;
      pushRefusal = null;
      report();
    },
    start() {
      started = true;
      if (meta(META.serverUrl)) void syncNow();
    },
    stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
