// PostgreSQL storage for the shared service: the same log as SQLite, for many cooperations and several service instances.
import pg from 'pg';
import type { PulledChange } from '../sync/protocol';
import { toCell, toDevice, toSnapshotPage } from './storage';
import type { CellRow, DeviceRow, SnapshotPageRow } from './storage';
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
`;

function upsertSql(keepFirst: boolean): string {
  return `INSERT INTO cells (cooperation_id, table_name, row_id, column_name, hlc, value_json, seq, device_id)
    SELECT $1, t, r, c, h, v, $2::bigint + n, $3
    FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x(t, r, c, h, v, n)
    ON CONFLICT (cooperation_id, table_name, row_id, column_name) DO UPDATE
    SET hlc = excluded.hlc, value_json = excluded.value_json, seq = excluded.seq, device_id = excluded.device_id
    WHERE excluded.hlc ${keepFirst ? '<' : '>'} cells.hlc
    RETURNING seq`;
}

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
          'INSERT INTO devices (id, cooperation_id, clock_id, secret_hash, office, name, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [stored.id, stored.cooperationId, stored.clockId, stored.secretHash, stored.office, stored.name, now],
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
    storeChanges: (cooperationId, deviceId, changes) =>
      inTransaction(async (client) => {
        // The row lock on the cooperation serialises its pushes, so sequence numbers grow in commit order
        // and a puller never skips a change committed later with a lower number.
        const locked = await client.query<{ last_seq: string }>('SELECT last_seq FROM cooperations WHERE id = $1 FOR UPDATE', [cooperationId]);
        const base = Number(locked.rows[0]?.last_seq ?? 0);
        let lastSeq = base;
        let accepted = 0;
        let offset = base;
        for (const keepFirst of [false, true]) {
          const part = changes.filter((change) => change.keepFirst === keepFirst);
          if (part.length === 0) continue;
          const result = await client.query<{ seq: string }>(upsertSql(keepFirst), [
            cooperationId,
            offset,
            deviceId,
            part.map((c) => c.table),
            part.map((c) => c.row),
            part.map((c) => c.column),
            part.map((c) => c.hlc),
            part.map((c) => JSON.stringify(c.value)),
          ]);
          accepted += result.rowCount ?? 0;
          for (const row of result.rows) lastSeq = Math.max(lastSeq, Number(row.seq));
          offset += part.length;
        }
        if (lastSeq > base) await client.query('UPDATE cooperations SET last_seq = $2 WHERE id = $1', [cooperationId, lastSeq]);
        return { accepted, lastSeq };
      }),
    async changesAfter(cooperationId, afterSeq, limit) {
      const result = await pool.query<CellRow & { seq: string }>(
        'SELECT seq, hlc, table_name, row_id, column_name, value_json FROM cells WHERE cooperation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [cooperationId, afterSeq, limit],
      );
      return result.rows.map((row): PulledChange => ({ ...toCell(row), seq: Number(row.seq) }));
    },
    async lastSeq(cooperationId) {
      const result = await pool.query<{ last_seq: string }>('SELECT last_seq FROM cooperations WHERE id = $1', [cooperationId]);
      return Number(result.rows[0]?.last_seq ?? 0);
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
