// PostgreSQL storage for the shared service: the same log as SQLite, for many cooperations and several service instances.
import pg from 'pg';
import type { SqlValue } from '../db/sync-tables';
import type { TransactionSeal } from '../sync/protocol';
import { migrateScopes } from './scopes';
import {
  AuthorityChangedError,
  cellKey,
  DEVICE_INSERT_COLUMNS,
  deviceFromCode,
  deviceInsertValues,
  rowKeyOf,
  SCOPE_JOIN_SQL,
  scopeFilterSql,
  SealConflictError,
  SIGNING_ID_SQL,
  syncedOfficesOf,
  textList,
  toAuthorityRecords,
  toCell,
  toDevice,
  toPulledChange,
  toSnapshotPage,
} from './storage';
import type { CellKey, CellRow, ChangeToStore, DeviceRow, PulledRow, RowOffice, SnapshotPageRow, UnmappedRow } from './storage';
import type { SyncStorage } from './storage';

// Keys and timestamps compare byte-wise (COLLATE "C") so HLC order and paging match SQLite's.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS cooperations (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    cooperation_id TEXT COLLATE "C" NOT NULL REFERENCES cooperations (id),
    office TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
  );
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    cooperation_id TEXT COLLATE "C" NOT NULL REFERENCES cooperations (id),
    clock_id TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    office TEXT NOT NULL,
    name TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS cells (
    cooperation_id TEXT COLLATE "C" NOT NULL,
    table_name TEXT COLLATE "C" NOT NULL,
    row_id TEXT COLLATE "C" NOT NULL,
    column_name TEXT COLLATE "C" NOT NULL,
    hlc TEXT COLLATE "C" NOT NULL,
    value_json TEXT NOT NULL,
    seq BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (cooperation_id, table_name, row_id, column_name)
  );
  CREATE INDEX IF NOT EXISTS cells_seq ON cells (cooperation_id, seq);
  CREATE TABLE IF NOT EXISTS transactions (
    cooperation_id TEXT COLLATE "C" NOT NULL,
    hlc TEXT COLLATE "C" NOT NULL,
    author TEXT NOT NULL,
    signature TEXT NOT NULL,
    digests TEXT NOT NULL,
    PRIMARY KEY (cooperation_id, hlc)
  );
  -- Signed changes (docs/trust.md): a service database from before gets these columns in place, empty.
  ALTER TABLE devices ADD COLUMN IF NOT EXISTS public_key TEXT;
  ALTER TABLE cooperations ADD COLUMN IF NOT EXISTS root_public_key TEXT;
  ALTER TABLE cooperations ADD COLUMN IF NOT EXISTS authority_version BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE cells ADD COLUMN IF NOT EXISTS cell_index INTEGER;
  ALTER TABLE cells ADD COLUMN IF NOT EXISTS blind TEXT;
  -- Scopes (docs/sync-protocol.md): office ids and office names still to be matched (JSON lists; null until migrated),
  -- and the office of each patient-scoped row ('' none; null: no patient data after all).
  ALTER TABLE devices ADD COLUMN IF NOT EXISTS offices TEXT;
  ALTER TABLE devices ADD COLUMN IF NOT EXISTS office_names TEXT;
  ALTER TABLE enrolment_codes ADD COLUMN IF NOT EXISTS offices TEXT;
  ALTER TABLE enrolment_codes ADD COLUMN IF NOT EXISTS office_names TEXT;
  ALTER TABLE devices ADD COLUMN IF NOT EXISTS serves_created INTEGER NOT NULL DEFAULT 0;
  -- A device from before scopes served every office and may hold offices it created: it keeps serving those.
  UPDATE devices SET serves_created = 1 WHERE offices IS NULL;
  UPDATE devices SET offices = '[]', office_names = CASE WHEN btrim(office) = '' THEN '[]' ELSE json_build_array(office)::text END WHERE offices IS NULL;
  UPDATE enrolment_codes SET offices = '[]', office_names = CASE WHEN btrim(office) = '' THEN '[]' ELSE json_build_array(office)::text END WHERE offices IS NULL;
  CREATE TABLE IF NOT EXISTS row_offices (
    cooperation_id TEXT COLLATE "C" NOT NULL,
    table_name TEXT COLLATE "C" NOT NULL,
    row_id TEXT COLLATE "C" NOT NULL,
    office_id TEXT COLLATE "C",
    PRIMARY KEY (cooperation_id, table_name, row_id)
  );
`;

/** Keeps rows' offices; an entry already there stays, unless it is null (a row that turned out to be patient data). */
const UPSERT_ROW_OFFICES = `INSERT INTO row_offices (cooperation_id, table_name, row_id, office_id)
  SELECT $1, t, r, o FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, r, o)
  ON CONFLICT (cooperation_id, table_name, row_id) DO UPDATE SET office_id = excluded.office_id WHERE row_offices.office_id IS NULL`;

/** The device's offices as a query parameter ($n, a text array) for scopeFilterSql. */
const officesParam = (n: number) => `(SELECT unnest($${n}::text[]))`;

/** How many cells a digest reads at a time (inside one repeatable-read transaction). */
const DIGEST_PAGE = 20_000;

/** Stores a batch of changes in one statement; write-once cells keep the first value stored, the others the newest timestamp. */
function upsertSql(writeOnce: boolean): string {
  return `INSERT INTO cells (cooperation_id, table_name, row_id, column_name, hlc, value_json, seq, device_id, cell_index, blind)
    SELECT $1, t, r, c, h, v, $2::bigint + n, $3, i, b
    FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[]) WITH ORDINALITY AS x(t, r, c, h, v, i, b, n)
    ON CONFLICT (cooperation_id, table_name, row_id, column_name) ${
      writeOnce
        ? 'DO NOTHING'
        : `DO UPDATE
    SET hlc = excluded.hlc, value_json = excluded.value_json, seq = excluded.seq, device_id = excluded.device_id, cell_index = excluded.cell_index, blind = excluded.blind
    WHERE excluded.hlc > cells.hlc`
    }
    RETURNING seq, table_name`;
}
const UPSERT_NEWEST = upsertSql(false);
const UPSERT_ONCE = upsertSql(true);

export function createPostgresStorage(connectionString: string, options: { poolSize?: number; log?: (line: string) => void } = {}): SyncStorage {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // A dropped idle connection must not crash the service; the next query opens a new one.
  pool.on('error', () => {});

  async function inTransaction<R>(fn: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }


  async function addRowOffices(client: pg.PoolClient | pg.Pool, cooperationId: string, entries: readonly RowOffice[]): Promise<void> {
    if (entries.length === 0) return;
    await client.query(UPSERT_ROW_OFFICES, [cooperationId, entries.map((e) => e.table), entries.map((e) => e.row), entries.map((e) => e.office)]);
  }

  const storage: SyncStorage = {
    kind: 'postgres',
    async init() {
      // Several instances may start at once: serialise the schema creation.
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(72616)');
        await client.query(SCHEMA);
      });
      await migrateScopes(storage, options.log ?? ((line) => console.warn(line)));
    },
    close: () => pool.end(),
    async ensureCooperation(id, name) {
      await pool.query('INSERT INTO cooperations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [id, name]);
    },
    async cooperationName(id) {
      const result = await pool.query<{ name: string }>('SELECT name FROM cooperations WHERE id = $1', [id]);
      return result.rows[0]?.name ?? null;
    },
    async addEnrolmentCode(code) {
      await pool.query('INSERT INTO enrolment_codes (code_hash, cooperation_id, office, offices, office_names, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        code.codeHash,
        code.cooperationId,
        code.office,
        JSON.stringify(code.offices),
        JSON.stringify(code.officeNames),
        code.createdAt,
        code.expiresAt,
      ]);
    },
    async setDeviceOffices(id, offices, pendingOfficeNames) {
      await pool.query('UPDATE devices SET offices = $2, office_names = $3 WHERE id = $1', [id, JSON.stringify([...offices].sort()), JSON.stringify(pendingOfficeNames)]);
    },
    async syncedOffices(cooperationId) {
      const result = await pool.query<{ row_id: string; column_name: string; value_json: string }>(
        "SELECT row_id, column_name, value_json FROM cells WHERE cooperation_id = $1 AND table_name = 'offices' AND column_name IN ('name', 'deleted')",
        [cooperationId],
      );
      return syncedOfficesOf(result.rows);
    },
    async rowOffices(cooperationId, rows) {
      const found = new Map<string, string | null>();
      if (rows.length === 0) return found;
      const result = await pool.query<{ table_name: string; row_id: string; office_id: string | null }>(
        `SELECT ro.table_name, ro.row_id, ro.office_id FROM unnest($2::text[], $3::text[]) AS k(t, r)
         JOIN row_offices ro ON ro.cooperation_id = $1 AND ro.table_name = k.t AND ro.row_id = k.r`,
        [cooperationId, rows.map((row) => row.table), rows.map((row) => row.row)],
      );
      for (const row of result.rows) found.set(rowKeyOf({ table: row.table_name, row: row.row_id }), row.office_id);
      return found;
    },
    addRowOffices: (cooperationId, entries) => addRowOffices(pool, cooperationId, entries),
    async unmappedRows(table, columns, limit, after) {
      // The rows come from their `deleted` cell (every row has one); the scope columns are looked up beside it.
      const result = await pool.query<{ cooperation_id: string; row_id: string; device_id: string; values_json: string }>(
        `SELECT c.cooperation_id, c.row_id, c.device_id,
                (SELECT coalesce(json_object_agg(v.column_name, v.value_json::json), '{}'::json) FROM cells v
                 WHERE v.cooperation_id = c.cooperation_id AND v.table_name = c.table_name AND v.row_id = c.row_id AND v.column_name = ANY($3::text[]))::text AS values_json
         FROM cooperations co
         JOIN cells c ON c.cooperation_id = co.id AND c.table_name = $1 AND c.column_name = 'deleted'
         WHERE (c.cooperation_id, c.row_id) > ($4, $5)
           AND NOT EXISTS (SELECT 1 FROM row_offices ro WHERE ro.cooperation_id = c.cooperation_id AND ro.table_name = c.table_name AND ro.row_id = c.row_id)
         ORDER BY c.cooperation_id, c.row_id
         LIMIT $2`,
        [table, limit, [...columns], after?.cooperationId ?? '', after?.row ?? ''],
      );
      return result.rows.map((row): UnmappedRow => ({
        cooperationId: row.cooperation_id,
        row: row.row_id,
        deviceId: row.device_id,
        values: JSON.parse(row.values_json) as Record<string, SqlValue>,
      }));
    },
    async cellValues(cooperationId, keys) {
      const found = new Map<string, SqlValue>();
      if (keys.length === 0) return found;
      const result = await pool.query<{ table_name: string; row_id: string; column_name: string; value_json: string }>(
        `SELECT c.table_name, c.row_id, c.column_name, c.value_json FROM unnest($2::text[], $3::text[], $4::text[]) AS k(t, r, col)
         JOIN cells c ON c.cooperation_id = $1 AND c.table_name = k.t AND c.row_id = k.r AND c.column_name = k.col`,
        [cooperationId, keys.map((key) => key.table), keys.map((key) => key.row), keys.map((key) => key.column)],
      );
      for (const row of result.rows) found.set(cellKey({ table: row.table_name, row: row.row_id, column: row.column_name }), JSON.parse(row.value_json) as SqlValue);
      return found;
    },
    async sequenceWindow(cooperationId, afterSeq, limit) {
      const result = await pool.query<{ seq: string; hlc: string }>('SELECT seq, hlc FROM cells WHERE cooperation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
        cooperationId,
        afterSeq,
        limit,
      ]);
      return result.rows.map((row) => ({ seq: Number(row.seq), hlc: row.hlc }));
    },
    async scopedChangesBetween(cooperationId, afterSeq, upToSeq, offices) {
      const result = await pool.query<PulledRow>(
        `SELECT c.seq, c.hlc, c.table_name, c.row_id, c.column_name, c.value_json, c.cell_index, c.blind FROM cells c ${SCOPE_JOIN_SQL}
         WHERE c.cooperation_id = $1 AND c.seq > $2 AND c.seq <= $3 AND ${scopeFilterSql(officesParam(4))} ORDER BY c.seq`,
        [cooperationId, afterSeq, upToSeq, [...offices]],
      );
      return result.rows.map(toPulledChange);
    },
    async countScopedCells(cooperationId, offices) {
      // All cells less those of rows of other offices, counted from row_offices along the cells' primary key.
      const result = await pool.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM cells WHERE cooperation_id = $1)
              - (SELECT count(*) FROM row_offices ro JOIN cells c ON c.cooperation_id = ro.cooperation_id AND c.table_name = ro.table_name AND c.row_id = ro.row_id
                 WHERE ro.cooperation_id = $1 AND ro.office_id IS NOT NULL AND NOT (ro.office_id = ANY($2::text[]))) AS n`,
        [cooperationId, [...offices]],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async scopedCells(cooperationId, offices, visit) {
      // One repeatable-read transaction: the sequence and every page of cells are read from the same snapshot.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const seq = await client.query<{ last_seq: string }>('SELECT last_seq FROM cooperations WHERE id = $1', [cooperationId]);
        const asOf = Number(seq.rows[0]?.last_seq ?? 0);
        let after: [string, string, string] | null = null;
        for (;;) {
          const where = after ? 'AND (c.table_name, c.row_id, c.column_name) > ($3, $4, $5)' : '';
          const result: pg.QueryResult<CellRow> = await client.query<CellRow>(
            `SELECT c.table_name, c.row_id, c.column_name, c.hlc, c.value_json FROM cells c ${SCOPE_JOIN_SQL}
             WHERE c.cooperation_id = $1 AND ${scopeFilterSql(officesParam(2))} ${where}
             ORDER BY c.table_name, c.row_id, c.column_name LIMIT ${DIGEST_PAGE}`,
            after ? [cooperationId, [...offices], ...after] : [cooperationId, [...offices]],
          );
          for (const row of result.rows) visit(toCell(row));
          const last = result.rows.at(-1);
          if (!last || result.rows.length < DIGEST_PAGE) break;
          after = [last.table_name, last.row_id, last.column_name];
        }
        await client.query('COMMIT');
        return asOf;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    enrolDevice: (codeHash, now, device) =>
      inTransaction(async (client) => {
        const used = await client.query<{ cooperation_id: string; office: string; offices: string | null; office_names: string | null }>(
          `UPDATE enrolment_codes SET used_at = $2, used_by = $3
           WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING cooperation_id, office, offices, office_names`,
          [codeHash, now, device.id],
        );
        const code = used.rows[0];
        if (!code) return null;
        const stored = deviceFromCode(code, device, now);
        await client.query(`INSERT INTO devices (${DEVICE_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, deviceInsertValues(stored));
        return stored;
      }),
    async findDevice(id) {
      const result = await pool.query<DeviceRow>('SELECT * FROM devices WHERE id = $1', [id]);
      return result.rows[0] ? toDevice(result.rows[0]) : null;
    },
    async revokeDevice(id, at) {
      const result = await pool.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at]);
      return result.rowCount === 1;
    },
    async listDevices(cooperationId) {
      const result = cooperationId
        ? await pool.query<DeviceRow>('SELECT * FROM devices WHERE cooperation_id = $1 ORDER BY enrolled_at', [cooperationId])
        : await pool.query<DeviceRow>('SELECT * FROM devices ORDER BY cooperation_id, enrolled_at');
      return result.rows.map(toDevice);
    },
    storeChanges: (cooperationId, deviceId, changes, options = {}) =>
      inTransaction(async (client) => {
        // The row lock on the cooperation serialises its pushes, so sequence numbers grow in commit order
        // and a puller never skips a change committed later with a lower number. It also keeps the
        // authority version still while the push is stored.
        const locked = await client.query<{ last_seq: string; root_public_key: string | null; authority_version: string }>(
          'SELECT last_seq, root_public_key, authority_version FROM cooperations WHERE id = $1 FOR UPDATE',
          [cooperationId],
        );
        const trust = locked.rows[0];
        if (options.authorityVersion !== undefined && Number(trust?.authority_version ?? 0) !== options.authorityVersion) throw new AuthorityChangedError();
        if (options.pinRoot) {
          if (trust?.root_public_key && trust.root_public_key !== options.pinRoot) throw new AuthorityChangedError();
          await client.query('UPDATE cooperations SET root_public_key = $2 WHERE id = $1 AND root_public_key IS NULL', [cooperationId, options.pinRoot]);
        }
        const seals = options.seals ?? [];
        if (seals.length > 0) {
          const digests = seals.map((seal) => JSON.stringify(seal.digests));
          const existing = await client.query<{ hlc: string; author: string; signature: string; digests: string }>(
            'SELECT hlc, author, signature, digests FROM transactions WHERE cooperation_id = $1 AND hlc = ANY($2::text[])',
            [cooperationId, seals.map((seal) => seal.hlc)],
          );
          const stored = new Map(existing.rows.map((row) => [row.hlc, row]));
          const fresh: number[] = [];
          seals.forEach((seal, index) => {
            const found = stored.get(seal.hlc);
            if (!found) fresh.push(index);
            else if (found.author !== seal.author || found.signature !== seal.signature || found.digests !== digests[index]) throw new SealConflictError(seal.hlc);
          });
          if (fresh.length > 0) {
            await client.query(
              `INSERT INTO transactions (cooperation_id, hlc, author, signature, digests)
               SELECT $1, h, a, s, d FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(h, a, s, d) ON CONFLICT DO NOTHING`,
              [cooperationId, fresh.map((i) => seals[i]!.hlc), fresh.map((i) => seals[i]!.author), fresh.map((i) => seals[i]!.signature), fresh.map((i) => digests[i]!)],
            );
          }
        }
        const base = Number(trust?.last_seq ?? 0);
        let lastSeq = base;
        let accepted = 0;
        let offset = base;
        let authority = false;
        for (const writeOnce of [false, true]) {
          const part = changes.filter((change) => change.writeOnce === writeOnce);
          if (part.length === 0) continue;
          const result = await client.query<{ seq: string; table_name: string }>(writeOnce ? UPSERT_ONCE : UPSERT_NEWEST, [
            cooperationId,
            offset,
            deviceId,
            part.map((c) => c.table),
            part.map((c) => c.row),
            part.map((c) => c.column),
            part.map((c) => c.hlc),
            part.map((c) => JSON.stringify(c.value)),
            part.map((c: ChangeToStore) => c.i),
            part.map((c) => c.blind),
          ]);
          accepted += result.rowCount ?? 0;
          for (const row of result.rows) {
            lastSeq = Math.max(lastSeq, Number(row.seq));
            if (row.table_name === 'authority_records') authority = true;
          }
          offset += part.length;
        }
        if (lastSeq > base || authority) {
          await client.query(`UPDATE cooperations SET last_seq = $2${authority ? ', authority_version = authority_version + 1' : ''} WHERE id = $1`, [cooperationId, lastSeq]);
        }
        await addRowOffices(client, cooperationId, options.rowOffices ?? []);
        if (options.grantOffices?.length) {
          const current = await client.query<{ offices: string | null }>('SELECT offices FROM devices WHERE id = $1 FOR UPDATE', [deviceId]);
          const offices = [...new Set([...textList(current.rows[0]?.offices), ...options.grantOffices])].sort();
          await client.query('UPDATE devices SET offices = $2 WHERE id = $1', [deviceId, JSON.stringify(offices)]);
        }
        return { accepted, lastSeq };
      }),
    async existingCells(cooperationId, keys) {
      const found = new Map<string, string>();
      if (keys.length === 0) return found;
      const rows = new Map<string, CellKey>();
      for (const key of keys) rows.set(`${key.table}\u0000${key.row}`, key);
      const wanted = [...rows.values()];
      // The push's rows, each looked up on the primary key (the other cells of those rows come along, harmless).
      // LATERAL … LIMIT keeps it that way: as a plain join the planner hashes all the cooperation's cells. A row has
      // fewer columns than the limit (SQLite, on every computer, allows 2,000).
      const result = await pool.query<{ table_name: string; row_id: string; column_name: string; hlc: string }>(
        `SELECT c.table_name, c.row_id, c.column_name, c.hlc
         FROM unnest($2::text[], $3::text[]) AS k(t, r)
         CROSS JOIN LATERAL (
           SELECT table_name, row_id, column_name, hlc FROM cells
           WHERE cooperation_id = $1 AND table_name = k.t AND row_id = k.r LIMIT 2001
         ) c`,
        [cooperationId, wanted.map((key) => key.table), wanted.map((key) => key.row)],
      );
      for (const row of result.rows) found.set(cellKey({ table: row.table_name, row: row.row_id, column: row.column_name }), row.hlc);
      return found;
    },
    async authorityRecords(cooperationId) {
      const result = await pool.query<{ row_id: string; column_name: string; value_json: string }>(
        "SELECT row_id, column_name, value_json FROM cells WHERE cooperation_id = $1 AND table_name = 'authority_records'",
        [cooperationId],
      );
      return toAuthorityRecords(result.rows);
    },
    async trustState(cooperationId) {
      const result = await pool.query<{ root_public_key: string | null; authority_version: string; signing_id: string | null }>(
        `SELECT root_public_key, authority_version, ${SIGNING_ID_SQL} AS signing_id FROM cooperations WHERE id = $1`,
        [cooperationId],
      );
      const row = result.rows[0];
      return { rootPublicKey: row?.root_public_key ?? null, authorityVersion: Number(row?.authority_version ?? 0), signingId: row?.signing_id ?? null };
    },
    async deviceKeys(cooperationId, clockIds) {
      const keys: Record<string, string> = {};
      if (clockIds.length === 0) return keys;
      const result = await pool.query<{ clock_id: string; public_key: string }>(
        'SELECT clock_id, public_key FROM devices WHERE cooperation_id = $1 AND public_key IS NOT NULL AND clock_id = ANY($2::text[]) ORDER BY enrolled_at',
        [cooperationId, [...new Set(clockIds)]],
      );
      for (const row of result.rows) keys[row.clock_id] = row.public_key;
      return keys;
    },
    async seals(cooperationId, hlcs) {
      const seals: Record<string, TransactionSeal> = {};
      if (hlcs.length === 0) return seals;
      const result = await pool.query<{ hlc: string; author: TransactionSeal['author']; signature: string; digests: string }>(
        'SELECT hlc, author, signature, digests FROM transactions WHERE cooperation_id = $1 AND hlc = ANY($2::text[])',
        [cooperationId, [...new Set(hlcs)]],
      );
      for (const row of result.rows) seals[row.hlc] = { author: row.author, signature: row.signature, digests: JSON.parse(row.digests) as string[] };
      return seals;
    },
    async changesAfter(cooperationId, afterSeq, limit) {
      const result = await pool.query<PulledRow>(
        'SELECT seq, hlc, table_name, row_id, column_name, value_json, cell_index, blind FROM cells WHERE cooperation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [cooperationId, afterSeq, limit],
      );
      return result.rows.map(toPulledChange);
    },
    async lastSeq(cooperationId) {
      const result = await pool.query<{ last_seq: string }>('SELECT last_seq FROM cooperations WHERE id = $1', [cooperationId]);
      return Number(result.rows[0]?.last_seq ?? 0);
    },
    async compactSeals() {
      const ids = (await pool.query<{ id: string }>('SELECT id FROM cooperations ORDER BY id')).rows.map((row) => row.id);
      let removed = 0;
      for (const id of ids) {
        // Under the cooperation's lock, as a push takes it: a push that reuses a stored seal (the second part of a split
        // transaction) cannot commit cells that point at a seal removed meanwhile. The anti-join is hashed by the planner.
        removed += await inTransaction(async (client) => {
          await client.query('SELECT 1 FROM cooperations WHERE id = $1 FOR UPDATE', [id]);
          const result = await client.query(
            'DELETE FROM transactions t WHERE t.cooperation_id = $1 AND NOT EXISTS (SELECT 1 FROM cells c WHERE c.cooperation_id = $1 AND c.hlc = t.hlc)',
            [id],
          );
          return result.rowCount ?? 0;
        });
      }
      return removed;
    },
    async countCells(cooperationId) {
      const result = await pool.query<{ n: string }>('SELECT count(*) AS n FROM cells WHERE cooperation_id = $1', [cooperationId]);
      return Number(result.rows[0]?.n ?? 0);
    },
    async snapshotPage(cooperationId, after, maxRows, offices) {
      // The same JSON as the SQLite adapter builds, grouped straight off the primary key: a row's hlc is its oldest timestamp, hlcs every cell's when they differ.
      // A device's snapshot leaves out the patient-scoped rows of other offices ($3 is its office list).
      const scope = offices ? `${SCOPE_JOIN_SQL} WHERE c.cooperation_id = $1 AND ${scopeFilterSql(officesParam(3))}` : 'WHERE c.cooperation_id = $1';
      const page = (where: string) => `
        SELECT (CASE WHEN min(c.hlc) = max(c.hlc)
                  THEN json_build_object('table', c.table_name, 'row', c.row_id, 'hlc', min(c.hlc), 'values', json_object_agg(c.column_name, c.value_json::json ORDER BY c.column_name))
                  ELSE json_build_object('table', c.table_name, 'row', c.row_id, 'hlc', min(c.hlc), 'values', json_object_agg(c.column_name, c.value_json::json ORDER BY c.column_name),
                                         'hlcs', json_object_agg(c.column_name, c.hlc ORDER BY c.column_name))
                END)::text AS row_json,
               count(*)::int AS cells, c.table_name AS table_name, c.row_id AS row_id, max(c.column_name) AS last_column
        FROM cells c ${scope} ${where}
        GROUP BY c.table_name, c.row_id
        ORDER BY c.table_name, c.row_id
        LIMIT $2`;
      const params: unknown[] = offices ? [cooperationId, maxRows, [...offices]] : [cooperationId, maxRows];
      const afterAt = params.length + 1;
      const result = after
        ? await pool.query<SnapshotPageRow>(page(`AND (c.table_name, c.row_id, c.column_name) > ($${afterAt}, $${afterAt + 1}, $${afterAt + 2})`), [...params, after.table, after.row, after.column])
        : await pool.query<SnapshotPageRow>(page(''), params);
      return toSnapshotPage(result.rows, maxRows);
    },
  };
  return storage;
}
