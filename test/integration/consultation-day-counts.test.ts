// Property tests: consultation_day_counts (migrations 014, 015: kept from consultation_facts) gives the same statistics as counting every entry, after amendments, cancellations, anonymisation, a merge from sync and a first download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import type { EntryFields } from '../../domain/consultations/amendments';
import type { ContactKind, Outcome } from '../../domain/consultations/entry';
import { consultationStatistics, statisticsFromCounts } from '../../domain/consultations/statistics';
import type { StatisticsPeriod } from '../../domain/consultations/statistics';
import { pick, seededRandom } from '../../domain/seeded-random';
import { createMerger } from '../../sync/merge';
import type { SnapshotRow } from '../../sync/protocol';
import { openExampleBackend } from '../helpers/example-backend';
import type { ExampleBackend } from '../helpers/example-backend';
import { openTempStore } from '../helpers/temp-store';
import { beginBulkLoad, endBulkLoad } from '../../db/bulk-load';
import { anonymiseConsultation, appendAmendment, getCurrentEntries, insertConsultation, listConsultations, refreshConsultationIndex, statisticsCounts, statisticsEntries } from '../../db/consultations';
import { REBUILD_DAY_COUNTS_FROM_FACTS } from '../../db/migrations/015-consultation-facts';
import { getConsultationFacts } from '../../db/consultation-facts';
import { consultationFacts } from '../../domain/consultations/facts';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';

type Db = ExampleBackend['store']['db'];
const OUTCOMES: readonly Outcome[] = ['resolvedByNurse', 'doctorByPhone', 'doctorByVideo', 'bookedWithDoctor', 'sentToLegevakt', 'emergency113'];
const CONTACTS: readonly ContactKind[] = ['inPerson', 'phone', 'video'];
// Odd codes on purpose: lower case, a leading space, a digit, a letter outside ASCII, one with no chapter.
const CODES = ['R74', 'U71', 'A98', 'r05', ' R74', 'L03', 'Q99', '1AB', 'Ø12', 'K85', 'S18', ''];
const FIRST = '2026-01-01';

/** What the table should hold: counted afresh from the facts (the same SQL bulk-load.ts rebuilds it with). */
function recounted(db: Db): unknown[] {
  db.exec('SAVEPOINT recount');
  try {
    db.exec(REBUILD_DAY_COUNTS_FROM_FACTS);
    return db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
  } finally {
    db.exec('ROLLBACK TO recount; RELEASE recount');
  }
}
function held(db: Db): unknown[] {
  return db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
}

/** Every entry's facts row holds its current values (amendments and cancellation applied), and there is no other row. */
function expectFactsOfEveryEntry(db: Db): void {
  const ids = db.prepare('SELECT id FROM consultations ORDER BY id').pluck().all() as string[];
  for (const entry of getCurrentEntries(db, ids)) expect(getConsultationFacts(db, entry.id)).toEqual({ ...consultationFacts(entry), deleted: false });
  expect(db.prepare('SELECT count(*) FROM consultation_facts').pluck().get()).toBe(ids.length);
}

/** Statistics from the counts and from every entry, for random ranges, offices and periods, must be equal. */
function expectSameStatistics(db: Db, seed: number, offices: readonly string[]): void {
  const next = seededRandom(seed);
  for (let run = 0; run < 30; run++) {
    const fromDate = addDays(FIRST, Math.floor(next() * 80) - 5);
    const filter = { fromDate, toDate: addDays(fromDate, Math.floor(next() * 70)), officeId: next() < 0.5 ? null : pick(next, offices) };
    const period: StatisticsPeriod = next() < 0.5 ? 'week' : 'month';
    expect(statisticsFromCounts(statisticsCounts(db, filter, period), period)).toEqual(consultationStatistics(statisticsEntries(db, filter), period));
  }
}

/** Every consultation, amendment and facts row of a store, as a snapshot or a pull would bring them. */
function rowsOf(db: Db): SnapshotRow[] {
  const rows: SnapshotRow[] = [];
  for (const table of ['consultations', 'consultation_amendments', 'consultation_facts']) {
    for (const row of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, string | number | null>[]) {
      const { id, ...values } = row;
      rows.push({ table, row: id as string, hlc: `${String(1_764_000_000_000 + rows.length).padStart(15, '0')}-000000-other-device`, values });
    }
  }
  return rows;
}

describe('consultation_day_counts', () => {
  let app: ExampleBackend;
  let offices: string[];
  beforeAll(async () => {
    app = await openExampleBackend(() => new Date('2026-04-01T10:00:00Z'));
    const next = seededRandom(1714);
    offices = listOffices(app.store.db).map((office) => office.id);
    const staff = listStaff(app.store.db);
    const nurses = staff.filter((member) => member.profession === 'nurse').map((member) => member.id);
    const doctors = staff.filter((member) => member.profession === 'doctor').map((member) => member.id);
    const receptionist = app.store.db.prepare("SELECT id FROM users WHERE username = 'resepsjon'").pluck().get() as string;
    const at = () => `${addDays(FIRST, Math.floor(next() * 75))}T${String(8 + Math.floor(next() * 9)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`;
    const ids = await app.writeAs('resepsjon', (changes) =>
      Array.from({ length: 500 }, () => {
        const outcome = pick(next, OUTCOMES);
        const fields: EntryFields = {
          at: at(),
          officeId: pick(next, offices),
          nurseId: pick(next, nurses),
          patient: { kind: 'none', idNumber: null, birthYear: 1960, sex: 'female' },
          contact: pick(next, CONTACTS),
          icpc2Code: pick(next, CODES),
          routineId: null,
          routineVersion: null,
          medicine: null,
          outcome,
          // Now and then a doctor even when resolved by the nurse: that entry is not "resolved without a doctor".
          doctorId: outcome === 'doctorByPhone' || next() < 0.1 ? pick(next, doctors) : null,
          followUpDate: null,
          note: next() < 0.3 ? 'merknad' : null,
        };
        return insertConsultation(changes, { ...fields, recordedBy: receptionist, recordedAt: '2026-04-01T08:00:00.000Z' });
      }),
    );
    // Corrections (of every field the statistics use, the date and office too), cancellations, and some of both.
    await app.writeAs('resepsjon', (changes) => {
      for (const id of ids) {
        const roll = next();
        if (roll < 0.2) {
          const amendment: Partial<EntryFields> = {};
          if (next() < 0.5) amendment.outcome = pick(next, OUTCOMES);
          if (next() < 0.4) amendment.contact = pick(next, CONTACTS);
          if (next() < 0.4) amendment.icpc2Code = pick(next, CODES);
          if (next() < 0.3) amendment.officeId = pick(next, offices);
          if (next() < 0.3) amendment.at = at();
          if (next() < 0.3) amendment.doctorId = next() < 0.5 ? null : pick(next, doctors);
          appendAmendment(changes, { consultationId: id, kind: 'amended', changes: amendment, reason: 'Feil registrert', byUserId: receptionist, at: '2026-04-01T09:00:00.000Z' });
        }
        if (roll > 0.1 && roll < 0.16) appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason: 'Registrert to ganger', byUserId: receptionist, at: '2026-04-01T09:30:00.000Z' });
      }
    });
    // Retention's anonymisation rewrites the entry (and the index row); the counts must not move.
    await app.writeAs('admin', (changes) => {
      for (const id of ids.slice(0, 120)) anonymiseConsultation(changes, id, '2026-04-01T10:00:00.000Z');
    });
  });
  afterAll(() => app.store.close());

  it('gives the same statistics as counting every entry, after amendments, cancellations and anonymisation', () => {
    expectFactsOfEveryEntry(app.store.db);
    expect(held(app.store.db)).toEqual(recounted(app.store.db));
    expectSameStatistics(app.store.db, 1, offices);
  });

  it('follows a correction, a cancellation and its effect on the day it moves from and to', async () => {
    const db = app.store.db;
    const id = db.prepare("SELECT id FROM consultation_index WHERE cancelled = 0 AND outcome = 'bookedWithDoctor' AND at < '2026-03-01' LIMIT 1").pluck().get() as string;
    const count = (day: string, key: string) => (db.prepare('SELECT n FROM consultation_day_counts WHERE day = ? AND key = ?').pluck().all(day, key) as number[]).reduce((a, b) => a + b, 0);
    refreshConsultationIndex(db);
    const day = (db.prepare('SELECT at FROM consultation_index WHERE id = ?').pluck().get(id) as string).slice(0, 10);
    const booked = count(day, 'o:bookedWithDoctor');
    const receptionist = db.prepare("SELECT id FROM users WHERE username = 'resepsjon'").pluck().get() as string;
    const resolvedOn20th = count('2026-03-20', 'o:resolvedByNurse');
    await app.writeAs('resepsjon', (changes) =>
      appendAmendment(changes, { consultationId: id, kind: 'amended', changes: { at: '2026-03-20T10:00', outcome: 'resolvedByNurse', doctorId: null }, reason: 'Feil dato', byUserId: receptionist, at: '2026-04-01T11:00:00.000Z' }),
    );
    // The amendment's own transaction moved the counts (through the facts): no refresh of the index is needed.
    expect(count(day, 'o:bookedWithDoctor')).toBe(booked - 1);
    expect(count('2026-03-20', 'o:resolvedByNurse')).toBe(resolvedOn20th + 1);
    await app.writeAs('resepsjon', (changes) =>
      appendAmendment(changes, { consultationId: id, kind: 'cancelled', changes: {}, reason: 'Registrert to ganger', byUserId: receptionist, at: '2026-04-01T11:10:00.000Z' }),
    );
    expect(count('2026-03-20', 'o:resolvedByNurse')).toBe(resolvedOn20th);
    expect(held(db)).toEqual(recounted(db));
  });

  it('stays right on another computer that receives the rows by sync, in any order and in pieces', () => {
    const rows = rowsOf(app.store.db);
    const next = seededRandom(99);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const other = openTempStore({ key: null });
    try {
      const merger = createMerger(other);
      for (let i = 0; i < rows.length; i += 97) {
        merger.applyRows(rows.slice(i, i + 97));
        refreshConsultationIndex(other.db);
        expect(held(other.db)).toEqual(recounted(other.db));
      }
      refreshConsultationIndex(app.store.db);
      expect(held(other.db)).toEqual(held(app.store.db));
      expectSameStatistics(other.db, 2, offices);
    } finally {
      other.close();
    }
  });

  it('is counted again after a first download that set the triggers aside', () => {
    const other = openTempStore({ key: null });
    try {
      beginBulkLoad(other.db);
      createMerger(other).applyRows(rowsOf(app.store.db));
      expect(held(other.db)).toEqual([]);
      endBulkLoad(other.db);
      refreshConsultationIndex(other.db);
      refreshConsultationIndex(app.store.db);
      expect(held(other.db)).toEqual(held(app.store.db));
      expectSameStatistics(other.db, 3, offices);
    } finally {
      other.close();
    }
  });

  it('counts a list only a while past the page: exact below the bound, a lower bound beyond it, the same page either way', () => {
    const db = app.store.db;
    const filter = { fromDate: FIRST, toDate: '2026-12-31' };
    const all = (db.prepare("SELECT count(*) FROM consultation_index WHERE cancelled = 0 AND at >= '2026'").pluck().get() as number);
    expect(all).toBeGreaterThan(300);
    const exact = listConsultations(db, filter, { offset: 0, limit: 50 });
    expect(exact).toMatchObject({ total: all, totalIsExact: true });
    const bounded = listConsultations(db, filter, { offset: 0, limit: 50 }, 100);
    expect(bounded).toMatchObject({ total: 100, totalIsExact: false });
    expect(bounded.entries.map((entry) => entry.id)).toEqual(exact.entries.map((entry) => entry.id));
    // Near the end the bound passes the last match, so the count is exact again.
    expect(listConsultations(db, filter, { offset: all - 60, limit: 50 }, 100)).toMatchObject({ total: all, totalIsExact: true });
    // Exactly at the bound is still exact: "over" only when there is at least one more.
    expect(listConsultations(db, filter, { offset: all - 100, limit: 50 }, 100)).toMatchObject({ total: all, totalIsExact: true });
    expect(listConsultations(db, filter, { offset: all - 101, limit: 50 }, 100)).toMatchObject({ total: all - 1, totalIsExact: false });
  });
});
