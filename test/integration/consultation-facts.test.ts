// Cooperation-wide figures from consultation_facts: the same statistics and overview counts on a one-office computer as on an all-offices one, and the backfill of entries without facts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../backend/api';
import type { Backend } from '../../backend/api';
import { EXAMPLE_PASSWORD } from '../../backend/demo-data/indre-namdal';
import { createLocalOnlySync } from '../../backend/jobs/background-sync';
import { backfillConsultationFacts } from '../../backend/jobs/consultation-facts';
import { countEntriesWithoutFacts, getConsultationFacts, writeConsultationFacts } from '../../db/consultation-facts';
import { getCurrentEntries } from '../../db/consultations';
import { listOffices } from '../../db/offices';
import { DATABASE_FILE_NAME } from '../../db/open';
import { signAs } from '../../db/signer';
import { addDays } from '../../domain/calendar/dates';
import { consultationFacts } from '../../domain/consultations/facts';
import { isoWeekOf } from '../../domain/calendar/isoWeek';
import { openExampleBackend } from '../helpers/example-backend';
import type { ExampleBackend } from '../helpers/example-backend';
import { openTempStore, tempDir } from '../helpers/temp-store';

const NOW = new Date('2026-11-26T12:00:00Z');
const TODAY = '2026-11-26';
type Store = ExampleBackend['store'];

/** A second computer's store: a copy of the first one's file, opened on its own. */
function copyOf(store: Store): Store {
  const dataDir = tempDir();
  store.db.prepare('VACUUM INTO ?').run(path.join(dataDir, DATABASE_FILE_NAME));
  return openTempStore({ dataDir });
}

/** What a computer serving only `officeId` holds: the other offices' entries, amendments and prescriptions are gone (the facts stay). */
function keepOnlyOffice(store: Store, officeId: string): void {
  store.db.transaction(() => {
    const others = "SELECT id FROM consultations WHERE office_id <> ?";
    store.db.prepare(`DELETE FROM prescription_answers WHERE request_id IN (SELECT id FROM prescription_requests WHERE consultation_id IN (${others}))`).run(officeId);
    store.db.prepare(`DELETE FROM prescription_requests WHERE consultation_id IN (${others})`).run(officeId);
    store.db.prepare(`DELETE FROM consultation_amendments WHERE consultation_id IN (${others})`).run(officeId);
    store.db.prepare(`DELETE FROM consultation_index WHERE id IN (${others})`).run(officeId);
    store.db.prepare(`DELETE FROM audit_events WHERE target_table = 'consultations' AND target_id IN (${others})`).run(officeId);
    store.db.prepare('DELETE FROM consultations WHERE office_id <> ?').run(officeId);
  })();
}

async function signIn(backend: Backend, username: string): Promise<string> {
  const result = await backend.call({ method: 'session.signIn', input: { username, password: EXAMPLE_PASSWORD }, sessionToken: null });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { sessionToken: string }).sessionToken;
}

async function value(backend: Backend, token: string, method: string, input: unknown): Promise<unknown> {
  const result = await backend.call({ method, input, sessionToken: token });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Every figure a screen shows from the log: the statistics (all offices and each, by week and month) and the overview of each week. */
async function figures(backend: Backend, offices: readonly string[]): Promise<unknown[]> {
  const token = await signIn(backend, 'leder');
  const out: unknown[] = [];
  const range = { fromDate: addDays(TODAY, -60), toDate: TODAY };
  for (const period of ['week', 'month'] as const) {
    for (const officeId of [null, ...offices]) out.push(await value(backend, token, 'consultations.statistics', { ...range, officeId, period }));
  }
  for (let day = addDays(TODAY, -49); day <= TODAY; day = addDays(day, 7)) {
    // dataAsOf is when this computer last wrote or received anything (signing in writes an audit event): not a figure.
    const overview = (await value(backend, token, 'overview.week', { week: isoWeekOf(day), officeId: null })) as Record<string, unknown>;
    out.push({ ...overview, dataAsOf: null });
  }
  return out;
}

describe('cooperation-wide figures from consultation_facts', () => {
  let all: ExampleBackend;
  let offices: string[];
  const opened: Store[] = [];
  beforeAll(async () => {
    all = await openExampleBackend(() => NOW);
    offices = listOffices(all.store.db).map((office) => office.id);
  });
  afterAll(() => {
    for (const store of opened) store.close();
    all.store.close();
  });

  it('are the same on a computer that holds only one office\'s entries', async () => {
    const allFigures = await figures(all.backend, offices);
    const lierne = listOffices(all.store.db).find((office) => office.name.includes('Lierne'))?.id as string;
    const one = copyOf(all.store);
    opened.push(one);
    keepOnlyOffice(one, lierne);
    const oneBackend = createBackend({ store: one, sync: createLocalOnlySync(one), now: () => NOW });
    // Not a vacuous comparison: the one-office computer really lacks the other offices' entries, which the example has.
    const entries = (store: Store) => store.db.prepare('SELECT count(*) FROM consultations').pluck().get() as number;
    expect(entries(one)).toBeGreaterThan(0);
    expect(entries(one)).toBeLessThan(entries(all.store) / 2);
    expect(one.db.prepare('SELECT count(DISTINCT office_id) FROM consultation_facts').pluck().get()).toBe(4);
    // Its backfill finds nothing to do: every entry it holds has its facts, and it leaves the others' facts alone.
    expect(await backfillConsultationFacts({ store: one })).toEqual({ written: 0, checked: 0 });
    const oneFigures = await figures(oneBackend, offices);
    expect(oneFigures).toEqual(allFigures);
    // And the figures hold something: every office had entries in the period.
    const statistics = allFigures[0] as { totalsByOffice: { officeId: string; count: number }[] };
    expect(statistics.totalsByOffice.map((row) => row.officeId).sort()).toEqual([...offices].sort());
    oneBackend.close();
  });

  it('are filled in by the backfill for entries without facts, signed by the computer, and a second run does nothing', async () => {
    const store = copyOf(all.store);
    opened.push(store);
    const before = store.db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all();
    const total = store.db.prepare('SELECT count(*) FROM consultations').pluck().get() as number;
    // As after the upgrade to migration 015: entries, but no facts (and so no counts).
    store.db.exec("DELETE FROM consultation_facts; DELETE FROM row_versions WHERE table_name = 'consultation_facts'");
    expect(countEntriesWithoutFacts(store.db)).toBe(total);
    expect(store.db.prepare('SELECT count(*) FROM consultation_day_counts WHERE n <> 0').pluck().get()).toBe(0);
    // One entry's facts survived but disagree (an amendment made by a computer on an older version): put right, not rewritten.
    const [kept] = store.db.prepare('SELECT id FROM consultations ORDER BY id LIMIT 1').pluck().all() as string[];
    const entry = getCurrentEntries(store.db, [kept as string])[0]!;
    const facts = consultationFacts(entry);
    const events: unknown[] = [];
    const receptionist = await all.signer('resepsjon');
    signAs(receptionist, () => store.writer.write((changes) => writeConsultationFacts(changes, entry.id, { ...entry, contact: entry.contact === 'phone' ? 'video' : 'phone' })));
    expect(getConsultationFacts(store.db, entry.id)?.contact).not.toBe(facts.contact);
    const outboxBefore = store.db.prepare("SELECT max(local_seq) FROM outbox").pluck().get() as number;
    // The statistics say how many entries they leave out meanwhile, and stop saying it once the backfill is done.
    const backend = createBackend({ store, sync: createLocalOnlySync(store), now: () => NOW });
    const statistics = async (of: Backend) =>
      (await value(of, await signIn(of, 'leder'), 'consultations.statistics', { fromDate: addDays(TODAY, -60), toDate: TODAY, officeId: null, period: 'month' })) as { notYetCounted: number; total: { count: number } };
    expect(await statistics(backend)).toMatchObject({ notYetCounted: total - 1, total: { count: entry.cancelled ? 0 : 1 } });

    const result = await backfillConsultationFacts({ store, batchSize: 37, stepMs: Number.POSITIVE_INFINITY, announceEveryMs: 0, emit: (event) => events.push(event) });
    expect(result.written).toBe(total);
    expect(countEntriesWithoutFacts(store.db)).toBe(0);
    for (const current of getCurrentEntries(store.db, store.db.prepare('SELECT id FROM consultations').pluck().all() as string[])) {
      expect(getConsultationFacts(store.db, current.id)).toEqual({ ...consultationFacts(current), deleted: false });
    }
    expect(store.db.prepare('SELECT day, office_id, key, n FROM consultation_day_counts WHERE n <> 0 ORDER BY 1, 2, 3').all()).toEqual(before);
    // Every batch (the first of 20, then as many as the pace allows, here the most: 37) is its own transaction signed by
    // this computer's key; the disagreeing row got only its wrong column.
    const authors = store.db.prepare("SELECT DISTINCT t.author FROM outbox o JOIN outbox_transactions t ON t.hlc = o.hlc WHERE o.local_seq > ? AND o.table_name = 'consultation_facts'").pluck().all(outboxBefore);
    expect(authors).toEqual([`device:${store.clock.deviceId}`]);
    expect(store.db.prepare("SELECT count(DISTINCT hlc) FROM outbox WHERE local_seq > ? AND table_name = 'consultation_facts'").pluck().get(outboxBefore)).toBe(1 + Math.ceil((total - 20) / 37));
    expect(store.db.prepare("SELECT column_name FROM outbox WHERE local_seq > ? AND row_id = ?").pluck().all(outboxBefore, entry.id)).toEqual(['contact']);
    expect(events.length).toBeGreaterThan(0);
    expect(await statistics(backend)).toEqual(await statistics(all.backend));
    expect((await statistics(backend)).notYetCounted).toBe(0);
    backend.close();

    const outboxAfter = store.db.prepare('SELECT max(local_seq) FROM outbox').pluck().get() as number;
    expect(await backfillConsultationFacts({ store })).toEqual({ written: 0, checked: 0 });
    expect(store.db.prepare('SELECT max(local_seq) FROM outbox').pluck().get()).toBe(outboxAfter);
  });
});
