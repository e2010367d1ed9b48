// Benchmark data for sync: cells of a 5-year dataset (offices, staff, 40k shifts, 120k consultations) as a device would push them.
import { authorityRowValues } from '../db/authority-records';
import { digestList, generateSigningKey, newBlind, signBytes, signTransaction } from '../db/signing';
import type { SigningKey } from '../db/signing';
import { authorityRecordMessage } from '../domain/trust/canonical';
import { isErasable } from '../sync/protocol';
import type { PushTransaction, WireCell, WireChange } from '../sync/protocol';
import { random } from './dataset';

const START_MS = Date.UTC(2021, 0, 4, 8);

export interface SyncDataset {
  changes: WireChange[];
  rows: number;
}

/** The id of the dataset's cooperation row. */
export const BENCH_COOPERATION_ROW = 'bench-cooperation';

function hlcAt(ms: number, counter: number, clockId: string): string {
  return `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${clockId}`;
}

/** Every cell of the dataset, stamped as if written by `clockId` over five years. */
/** The dataset's office ids (its entries are spread over them evenly). */
export const BENCH_OFFICES = ['grong', 'namsskogan', 'royrvik', 'lierne'] as const;

export function syncDataset(options: { shifts?: number; consultations?: number; clockId?: string } = {}): SyncDataset {
  const clockId = options.clockId ?? 'bench-device';
  const next = random(2026);
  const changes: WireChange[] = [];
  let rows = 0;
  let time = START_MS;
  const row = (table: string, id: string, values: Record<string, string | number | null>) => {
    time += 997;
    const hlc = hlcAt(time, 0, clockId);
    for (const [column, value] of Object.entries({ ...values, deleted: 0 })) changes.push({ hlc, table, row: id, column, value });
    rows += 1;
  };
  // The cooperation's own row: its id is what every signature names (docs/trust.md).
  row('cooperation', BENCH_COOPERATION_ROW, { name: 'Benk-samarbeidet', example_data: 0, consultation_retention_months: 60 });
  const offices = BENCH_OFFICES;
  for (const office of offices) row('offices', office, { name: `${office} legekontor`, municipality: office, address: 'Sentrum 1', phone: '74 00 00 00', opening_hours: '{}', driving_minutes: '{}' });
  const staff = Array.from({ length: 40 }, (_, i) => `staff-${i}`);
  for (const [i, id] of staff.entries()) {
    row('staff', id, { name: `Person ${i}`, profession: i % 3 === 0 ? 'doctor' : 'nurse', hpr_number: String(9100000 + i), home_municipality: 'Grong', base_office_id: offices[i % 4]!, position_percent: 100, active: 1 });
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const dateOf = (day: number) => new Date(START_MS + day * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < (options.shifts ?? 40_000); i++) {
    row('shifts', `shift-${i}`, {
      staff_id: staff[Math.floor(next() * staff.length)]!,
      office_id: offices[i % 4]!,
      date: dateOf(Math.floor(i / 22)),
      start_time: '08:00',
      end_time: '15:30',
      kind: next() < 0.1 ? 'legevakt' : 'clinic',
      note: next() < 0.2 ? 'Dekker for kollega' : null,
    });
  }
  for (let i = 0; i < (options.consultations ?? 120_000); i++) {
    const day = Math.floor(i / 66);
    row('consultations', `consultation-${i}`, {
      office_id: offices[i % 4]!,
      nurse_id: staff[1 + (i % 39)]!,
      at: `${dateOf(day)}T${pad(8 + (i % 9))}:${pad(i % 60)}`,
      patient_kind: 'identityNumber',
      patient_id_number: String(10_000_000_000 + Math.floor(next() * 89_999_999_999)),
      birth_year: 1930 + Math.floor(next() * 90),
      sex: next() < 0.5 ? 'female' : 'male',
      contact: 'inPerson',
      icpc2_code: ['R74', 'U71', 'S18', 'A03'][i % 4]!,
      routine_id: null,
      routine_version: null,
      medicine: null,
      outcome: 'resolvedByNurse',
      doctor_id: null,
      follow_up_date: null,
      note: next() < 0.5 ? 'Rådgivning gitt, ta kontakt ved forverring' : null,
      recorded_by: 'user-1',
      recorded_at: `${dateOf(day)}T17:00:00.000Z`,
      anonymised_at: null,
    });
  }
  return { changes, rows };
}

/** Splits a list into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * The dataset as signed push transactions (protocol 2): one transaction per row, signed by `user-1`, who is the
 * cooperation's root admin and holds the lead and nurse roles too (granted in the first transaction), so every
 * row passes the service's checks. Returns the pushes' transactions in batches of at most `cellsPerPush` cells.
 */
export function signedPushes(dataset: SyncDataset, cellsPerPush: number): { pushes: PushTransaction[][]; key: SigningKey; userId: string } {
  const cooperationId = BENCH_COOPERATION_ROW;
  const key = generateSigningKey();
  const author = 'user:user-1' as const;
  const first = dataset.changes[0]!.hlc;
  const firstTime = `${String(Number(first.slice(0, 15)) - 1).padStart(15, '0')}-000000-${first.slice(23)}`;
  const records = [
    { id: 'a-root', kind: 'root', subjectId: 'user-1', role: 'admin', publicKey: key.publicKey, signerId: 'user-1', at: firstTime, details: null },
    { id: 'b-grant-lead', kind: 'grant', subjectId: 'user-1', role: 'lead', publicKey: null, signerId: 'user-1', at: firstTime, details: null },
    { id: 'c-grant-nurse', kind: 'grant', subjectId: 'user-1', role: 'nurse', publicKey: null, signerId: 'user-1', at: firstTime, details: null },
  ].map((record) => ({ ...record, signature: signBytes(key.privateKey, authorityRecordMessage(cooperationId, record)) }));
  const authorityCells = records.flatMap((record) =>
    Object.entries({ ...authorityRowValues(record), deleted: 0 }).map(
      ([column, value]) => ({ table: 'authority_records', row: record.id, column, value }),
    ),
  );
  const byHlc = new Map<string, WireCell[]>([[firstTime, authorityCells]]);
  for (const change of dataset.changes) {
    const cells = byHlc.get(change.hlc);
    const cell: WireCell = { table: change.table, row: change.row, column: change.column, value: change.value };
    if (cells) cells.push(cell);
    else byHlc.set(change.hlc, [cell]);
  }
  const pushes: PushTransaction[][] = [[]];
  let cellsInPush = 0;
  for (const [hlc, cells] of byHlc) {
    const blinded = cells.map((cell) => (isErasable(cell.table, cell.column) ? { ...cell, blind: newBlind() } : cell));
    const digests = digestList(blinded.map((cell) => ({ ...cell, blind: cell.blind ?? null })));
    const signature = signTransaction(key.privateKey, { cooperationId, author, hlc }, digests);
    if (cellsInPush + cells.length > cellsPerPush) {
      pushes.push([]);
      cellsInPush = 0;
    }
    pushes.at(-1)!.push({ hlc, author, signature, digests, cells: blinded.map((cell, i) => ({ ...cell, i })) });
    cellsInPush += cells.length;
  }
  return { pushes, key, userId: 'user-1' };
}

/** Changes as unsigned transactions (one per timestamp), as a computer from before signing pushes them. */
export function legacyTransactions(changes: readonly WireChange[]): PushTransaction[] {
  const byHlc = new Map<string, PushTransaction>();
  for (const { hlc, table, row, column, value } of changes) {
    const transaction = byHlc.get(hlc);
    if (transaction) transaction.cells.push({ table, row, column, value });
    else byHlc.set(hlc, { hlc, author: 'legacy', cells: [{ table, row, column, value }] });
  }
  return [...byHlc.values()];
}
