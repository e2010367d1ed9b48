// PostgreSQL storage for the shared service: the same log as SQLite, for many cooperations and several service instances.
import pg from 'pg';
import type { TransactionSeal } from '../sync/protocol';
import { AuthorityChangedError, cellKey, SealConflictError, SIGNING_ID_SQL, toAuthorityRecords, toDevice, toPulledChange, toSnapshotPage } from './storage';
import type { CellKey, ChangeToStore, DeviceRow, PulledRow, SnapshotPageRow } from './storage';
import type { StoredDevice, SyncStorage } from './storage';

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
`;

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

export function createPostgresStorage(connectionString: string, options: { poolSize?: number } = {}): SyncStorage {
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


  return {
    kind: 'postgres',
    async init() {
      // Several instances may start at once: serialise the schema creation.
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(72616)');
        await client.query(SCHEMA);
      });
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
      await pool.query('INSERT INTO enrolment_codes (code_hash, cooperation_id, office, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
        code.codeHash,
        code.cooperationId,
        code.office,
        code.createdAt,
        code.expiresAt,
      ]);
    },
    enrolDevice: (codeHash, now, device) =>
      inTransaction(async (client) => {
        const used = await client.query<{ cooperation_id: string; office: string }>(
          `UPDATE enrolment_codes SET used_at = $2, used_by = $3
           WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING cooperation_id, office`,
          [codeHash, now, device.id],
        );
        const code = used.rows[0];
        if (!code) return null;
        const stored: StoredDevice = { ...device, cooperationId: code.cooperation_id, office: code.office, enrolledAt: now, revokedAt: null };
        await client.query(
          'INSERT INTO devices (id, cooperation_id, clock_id, secret_hash, office, name, enrolled_at, public_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [stored.id, stored.cooperationId, stored.clockId, stored.secretHash, stored.office, stored.name, now, stored.publicKey],
        );
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
    async snapshotPage(cooperationId, after, maxRows) {
      // The same JSON as the SQLite adapter builds, grouped straight off the primary key: a row's hlc is its oldest timestamp, hlcs every cell's when they differ.
      const page = (where: string) => `
        SELECT (CASE WHEN min(hlc) = max(hlc)
                  THEN json_build_object('table', table_name, 'row', row_id, 'hlc', min(hlc), 'values', json_object_agg(column_name, value_json::json ORDER BY column_name))
                  ELSE json_build_object('table', table_name, 'row', row_id, 'hlc', min(hlc), 'values', json_object_agg(column_name, value_json::json ORDER BY column_name),
                                         'hlcs', json_object_agg(column_name, hlc ORDER BY column_name))
                END)::text AS row_json,
               count(*)::int AS cells, table_name, row_id, max(column_name) AS last_column
        FROM cells WHERE cooperation_id = $1 ${where}
        GROUP BY table_name, row_id
        ORDER BY table_name, row_id
        LIMIT $2`;
      const result = after
        ? await pool.query<SnapshotPageRow>(page('AND (table_name, row_id, column_name) > ($3, $4, $5)'), [cooperationId, maxRows, after.table, after.row, after.column])
        : await pool.query<SnapshotPageRow>(page(''), [cooperationId, maxRows]);
      return toSnapshotPage(result.rows, maxRows);
    },
  };
}
