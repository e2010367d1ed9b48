// Tests for the log review handlers: an admin draws a sample of patient accesses, marks them, and sees the marks again; the review is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { listAuditEvents } from '../../db/audit';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

type Item = { auditEventId: string; found: boolean; personName: string; roles: string[]; action: string; patientMasked: string | null; flags: string[]; mark: { verdict: string; note: string; byName: string } | null };
type Review = { id: string; fromDate: string; toDate: string; seed: number; candidateCount: number; byName: string; items: Item[] };

let example: ExampleBackend;
let admin: string;
let reception: string;
let nurse: string;
let now = new Date('2026-11-26T09:00:00Z'); // 10:00 in Oslo
const ok = <T>(method: string, input: unknown, token: string) => example.ok<T>(method, input, token);
const patientA = syntheticIdentityNumber('1961-03-14', 200)!;
const patientB = syntheticIdentityNumber('1990-07-02', 300)!;
const day = '2026-11-26';

beforeAll(async () => {
  example = await openExampleBackend(() => now);
  admin = await example.signIn('admin');
  reception = await example.signIn('resepsjon');
  nurse = await example.signIn('sykepleier');
  const staff = await ok<{ id: string; name: string }[]>('staff.list', {}, admin);
  const offices = await ok<{ id: string; name: string }[]>('offices.list', {}, admin);
  const { id } = await ok<{ id: string }>(
    'consultations.create',
    {
      at: `${day}T09:30`,
      officeId: offices.find((o) => o.name.startsWith('Grong'))!.id,
      nurseId: staff.find((s) => s.name === 'Marte Kvernmo')!.id,
      patient: { kind: 'identityNumber', number: patientA },
      contact: 'phone',
      icpc2Code: 'U71',
      outcome: 'resolvedByNurse',
      note: 'Svie ved vannlating',
    },
    reception,
  );
  now = new Date('2026-11-26T10:00:00Z');
  await ok('consultations.get', { id }, nurse);
  await ok('consultations.searchByIdentity', { identityNumber: patientA, reason: 'Pasienten ringte' }, reception);
  await ok('consultations.searchByIdentity', { identityNumber: patientB, reason: 'Nysgjerrig' }, reception);
});
afterAll(() => example.store.close());

describe('log review handlers', () => {
  it('draws a sample with the unusual accesses, names people and actions, masks patients, and audits the review', async () => {
    const drawn = await ok<{ id: string; sampled: number; candidates: number }>('logReview.draw', { fromDate: day, toDate: day, seed: 7 }, admin);
    expect(drawn.candidates).toBeGreaterThanOrEqual(3);
    const review = await ok<Review>('logReview.get', { id: drawn.id }, admin);
    expect(review).toMatchObject({ fromDate: day, toDate: day, seed: 7, byName: 'Øystein Admin-Rønning' });
    const searches = review.items.filter((item) => item.action === 'consultation.searchedByIdentity');
    expect(searches).toHaveLength(2);
    // Patient B had no entry that day: that search is flagged; A's is not.
    expect(searches.filter((item) => item.flags.includes('searchWithoutEntry'))).toHaveLength(1);
    const viewed = review.items.find((item) => item.action === 'consultation.viewed')!;
    expect(viewed).toMatchObject({ found: true, personName: 'Marte Kvernmo', roles: ['nurse'] });
    expect(viewed.patientMasked).toMatch(/^[0-9A-F]{6}$/);
    // The view and the search for A concern the same patient: the same masked reference, never the number.
    expect(searches.map((item) => item.patientMasked)).toContain(viewed.patientMasked);
    const text = JSON.stringify(review);
    expect(text).not.toContain(patientA);
    expect(text).not.toContain(patientB);
    const audit = listAuditEvents(example.store.db, { actions: ['audit.reviewCreated'] });
    expect(audit).toEqual([expect.objectContaining({ targetId: drawn.id, username: 'admin' })]);
  });

  it('gives the same sample for the same seed', async () => {
    const a = await ok<{ id: string }>('logReview.draw', { fromDate: day, toDate: day, size: 2, seed: 99 }, admin);
    const b = await ok<{ id: string }>('logReview.draw', { fromDate: day, toDate: day, size: 2, seed: 99 }, admin);
    const ids = async (id: string) => (await ok<Review>('logReview.get', { id }, admin)).items.map((item) => item.auditEventId);
    expect(await ids(a.id)).toEqual(await ids(b.id));
    expect(await ids(a.id)).toHaveLength(2);
  });

  it('marks accesses ok or followed up (a note required), keeps the marks on reload and counts them in the list', async () => {
    const { id } = await ok<{ id: string }>('logReview.draw', { fromDate: day, toDate: day }, admin);
    const [first, second] = (await ok<Review>('logReview.get', { id }, admin)).items;
    await ok('logReview.mark', { reviewId: id, auditEventId: first!.auditEventId, verdict: 'ok' }, admin);
    const noNote = await example.call('logReview.mark', { reviewId: id, auditEventId: second!.auditEventId, verdict: 'followedUp', note: ' ' }, admin);
    expect(noNote).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { note: 'required' } } });
    await ok('logReview.mark', { reviewId: id, auditEventId: second!.auditEventId, verdict: 'followedUp', note: 'Snakket med resepsjonen' }, admin);
    const notInReview = await example.call('logReview.mark', { reviewId: id, auditEventId: id, verdict: 'ok' }, admin);
    expect(notInReview).toMatchObject({ ok: false, error: { code: 'logReview.notFound' } });

    const again = await ok<Review>('logReview.get', { id }, admin);
    expect(again.items[0]!.mark).toMatchObject({ verdict: 'ok', note: '', byName: 'Øystein Admin-Rønning' });
    expect(again.items[1]!.mark).toMatchObject({ verdict: 'followedUp', note: 'Snakket med resepsjonen' });
    // Marking again replaces what is shown.
    await ok('logReview.mark', { reviewId: id, auditEventId: first!.auditEventId, verdict: 'followedUp', note: 'Sjekket vakt' }, admin);
    expect((await ok<Review>('logReview.get', { id }, admin)).items[0]!.mark).toMatchObject({ verdict: 'followedUp', note: 'Sjekket vakt' });
    const list = await ok<{ reviews: { id: string; markedCount: number; itemCount: number }[] }>('logReview.list', {}, admin);
    expect(list.reviews[0]).toMatchObject({ id, markedCount: 2 });
  });

  it("flags a view of another office's entry outside the rota, and not once the rota has the person there", async () => {
    const sunday = '2026-11-29';
    const staff = await ok<{ id: string; name: string }[]>('staff.list', {}, admin);
    const offices = await ok<{ id: string; name: string }[]>('offices.list', {}, admin);
    const marte = staff.find((s) => s.name === 'Marte Kvernmo')!.id;
    const lierne = offices.find((o) => o.name.startsWith('Lierne'))!.id;
    now = new Date('2026-11-29T02:00:00Z'); // 03:00 in Oslo, a Sunday night
    const entry = { at: `${sunday}T02:30`, officeId: lierne, nurseId: marte, patient: { kind: 'none', birthYear: 1950, sex: 'female' }, contact: 'phone', icpc2Code: 'R74', outcome: 'resolvedByNurse' };
    const { id } = await ok<{ id: string }>('consultations.create', entry, reception);
    await ok('consultations.get', { id }, nurse);
    const lead = await example.signIn('leder');
    await ok('rota.createShift', { staffId: marte, officeId: lierne, date: sunday, start: '00:00', end: '06:00', kind: 'clinic' }, lead);
    now = new Date('2026-11-29T02:10:00Z');
    await ok('consultations.get', { id }, nurse);
    const drawn = await ok<{ id: string }>('logReview.draw', { fromDate: sunday, toDate: sunday }, admin);
    const views = (await ok<Review>('logReview.get', { id: drawn.id }, admin)).items.filter((item) => item.action === 'consultation.viewed');
    expect(views).toHaveLength(2);
    // Flags are judged on the rota as it is when the review is drawn: the shift now covers both views.
    expect(views.map((item) => item.flags)).toEqual([[], []]);
    // The next night she has no shift at Lierne: the same kind of access is outside her office and her shift.
    const { id: other } = await ok<{ id: string }>('consultations.create', { ...entry, at: `${sunday}T02:40` }, reception);
    now = new Date('2026-11-30T02:00:00Z'); // Monday 03:00 in Oslo
    await ok('consultations.get', { id: other }, nurse);
    const later = await ok<{ id: string }>('logReview.draw', { fromDate: '2026-11-30', toDate: '2026-11-30' }, admin);
    const flagged = (await ok<Review>('logReview.get', { id: later.id }, admin)).items.filter((item) => item.action === 'consultation.viewed');
    expect(flagged.map((item) => item.flags)).toEqual([['outsideOffice', 'outsideShift']]);
  });

  it('refuses a period that ends before it starts', async () => {
    const result = await example.call('logReview.draw', { fromDate: day, toDate: '2026-11-01' }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { toDate: 'timeOrder' } } });
  });
});
