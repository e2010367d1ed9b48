// Tests for the competence handlers over a real store: types, records with computed expiry and history, expiry list, matrix, coverage, CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

let example: ExampleBackend;
let lead: string;
let nurse: string;
let staff: { id: string; name: string }[];
let typeId: string;

const call = (method: string, input: unknown, token = lead) => example.call(method, input, token);
const ok = <T = { id: string }>(method: string, input: unknown, token = lead) => example.ok<T>(method, input, token);
const person = (name: string) => staff.find((s) => s.name === name)!.id;

beforeAll(async () => {
  // "Today" is 26 November 2026 in these tests.
  example = await openExampleBackend(() => new Date('2026-11-26T09:00:00Z'));
  lead = await example.signIn('leder');
  nurse = await example.signIn('sykepleier');
  staff = await ok('staff.list', {});
  ({ id: typeId } = await ok('competence.createType', {
    name: 'Testkurs i akuttmedisin',
    category: 'course',
    renewalMonths: 24,
    appliesTo: ['nurse', 'doctor'],
    requiredFor: [],
  }));
});
afterAll(() => example.store.close());

describe('competence handlers', () => {
  it('computes the expiry from the renewal interval and keeps renewals as history', async () => {
    const nora = person('Eli Brennhaug');
    await ok('competence.addRecord', { staffId: nora, competenceTypeId: typeId, obtained: '2024-11-30' });
    await ok('competence.addRecord', { staffId: nora, competenceTypeId: typeId, obtained: '2026-11-20', evidenceRef: 'Kursbevis 2026' });
    const records = await ok<{ obtained: string; expiresOn: string }[]>('competence.records', { staffId: nora });
    const own = records.filter((r) => r.obtained >= '2024-11-30');
    expect(own.map((r) => [r.obtained, r.expiresOn])).toEqual(expect.arrayContaining([['2024-11-30', '2026-11-30'], ['2026-11-20', '2028-11-20']]));
  });

  it('lists what expires within N days and what has expired, soonest first', async () => {
    const per = person('Per Olav Skogmo');
    await ok('competence.addRecord', { staffId: per, competenceTypeId: typeId, obtained: '2024-10-01' }); // expired 2026-10-01
    const randi = person('Randi Fossli');
    await ok('competence.addRecord', { staffId: randi, competenceTypeId: typeId, obtained: '2025-01-10' }); // expires 2027-01-10
    const list = await ok<{ items: { staffName: string; state: string; expiresOn: string }[] }>('competence.expiring', { days: 60 });
    const mine = list.items.filter((item) => ['Per Olav Skogmo', 'Randi Fossli'].includes(item.staffName));
    expect(mine.map((i) => [i.staffName, i.state])).toEqual([['Per Olav Skogmo', 'expired'], ['Randi Fossli', 'expiring']]);
  });

  it('refuses bad records and lets nurses read only their own', async () => {
    const backwards = await call('competence.addRecord', { staffId: person('Siri Heggdal'), competenceTypeId: typeId, obtained: '2026-05-01', expiresOn: '2026-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation.failed', fields: { expiresOn: 'timeOrder' } } });
    const me = await ok<{ staffId: string }>('session.current', {}, nurse);
    expect((await call('competence.records', { staffId: me.staffId }, nurse)).ok).toBe(true);
    expect(await call('competence.records', { staffId: person('Siri Heggdal') }, nurse)).toEqual({ ok: false, error: { code: 'auth.forbidden' } });
    const dup = await call('competence.createType', { name: 'testkurs i AKUTTMEDISIN', category: 'course', appliesTo: ['nurse'] });
    expect(dup).toMatchObject({ ok: false, error: { fields: { name: 'duplicate' } } });
  });

  it('builds the matrix with states and exports it as CSV for Excel', async () => {
    const matrix = await ok<{ matrix: { rows: { staffId: string; cells: { competenceTypeId: string; state: string }[] }[] } }>('competence.matrix', {});
    const row = matrix.matrix.rows.find((r) => r.staffId === person('Per Olav Skogmo'))!;
    expect(row.cells.find((c) => c.competenceTypeId === typeId)!.state).toBe('expired');
    const csv = await ok<{ fileName: string; content: string }>('competence.exportCsv', { kind: 'matrix' });
    expect(csv.fileName).toBe('kompetanse-matrise-2026-11-26.csv');
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    expect(csv.content).toContain('Per Olav Skogmo');
    expect(csv.content.split('\n')[0]).toContain(';');
  });

  it('reports emergency-nurse coverage per office and open day from the example register, and feeds the rota rule', async () => {
    type Coverage = { configured: boolean; offices: { officeName: string; days: { date: string; open: boolean; covered: boolean | null }[] }[] };
    const coverage = await ok<Coverage>('competence.coverage', { week: { year: 2026, week: 49 } }, nurse);
    expect(coverage.configured).toBe(true);
    const namsskogan = coverage.offices.find((o) => o.officeName === 'Namsskogan legekontor')!;
    expect(namsskogan.days.slice(0, 5).map((d) => d.covered)).toEqual([true, true, true, true, true]);
    expect(namsskogan.days[5]).toMatchObject({ open: false, covered: null });
    // Thursday 3 December: Marte is on a course, and Jonas's emergency course has expired.
    const grong = coverage.offices.find((o) => o.officeName === 'Grong legekontor')!;
    expect(grong.days.map((d) => d.covered)).toEqual([true, true, true, false, true, null, null]);
    const rota = await ok<{ warnings: { kind: string; date: string }[] }>('rota.week', { week: { year: 2026, week: 49 } });
    expect(rota.warnings.filter((w) => w.kind === 'noEmergencyNurse').map((w) => w.date)).toEqual(['2026-12-03']);
  });
});
