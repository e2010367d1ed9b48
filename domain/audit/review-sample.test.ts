// Tests for the log review sample: the unusual-ness flags, the weighting rule and determinism by seed.
import { describe, expect, it } from 'vitest';
import { accessFlags, drawReviewSample, maskedPatientRef, reviewMarkSchema } from './review-sample';
import type { AccessFacts, SampleCandidate } from './review-sample';

// 2026-11-26 is in winter time: Oslo = UTC + 1.
const facts = (over: Partial<AccessFacts>): AccessFacts => ({
  action: 'consultation.viewed',
  at: '2026-11-26T09:00:00.000Z', // 10:00 in Oslo
  patientRef: null,
  entryOfficeId: 'grong',
  baseOfficeId: 'grong',
  shifts: [{ date: '2026-11-26', start: '08:00', end: '15:30', officeId: 'grong', kind: 'clinic' }],
  entryRefsThatDay: new Set(),
  ...over,
});

describe('accessFlags', () => {
  it('finds nothing unusual in a view of an own-office entry during the shift', () => {
    expect(accessFlags(facts({}))).toEqual([]);
  });

  it('flags an identity search with no entry for that patient that day, and not one with an entry', () => {
    const search = { action: 'consultation.searchedByIdentity', patientRef: 'abc', entryOfficeId: null };
    expect(accessFlags(facts(search))).toEqual(['searchWithoutEntry']);
    expect(accessFlags(facts({ ...search, entryRefsThatDay: new Set(['abc']) }))).toEqual([]);
  });

  it('flags an entry of another office unless the person had a shift there that day', () => {
    expect(accessFlags(facts({ entryOfficeId: 'lierne' }))).toEqual(['outsideOffice']);
    const away = facts({
      entryOfficeId: 'lierne',
      shifts: [{ date: '2026-11-26', start: '08:00', end: '15:30', officeId: 'lierne', kind: 'clinic' }],
    });
    expect(accessFlags(away)).toEqual([]);
  });

  it('flags an access outside the shift, uses Oslo time, and counts a night shift from the day before', () => {
    expect(accessFlags(facts({ at: '2026-11-26T15:00:00.000Z' }))).toEqual(['outsideShift']); // 16:00 Oslo
    expect(accessFlags(facts({ at: '2026-11-26T07:00:00.000Z' }))).toEqual([]); // 08:00 Oslo, the shift's start
    const night = [{ date: '2026-11-25', start: '15:30', end: '08:00', officeId: 'grong', kind: 'legevakt' }];
    expect(accessFlags(facts({ at: '2026-11-26T05:00:00.000Z', shifts: night }))).toEqual([]); // 06:00 Oslo
    expect(accessFlags(facts({ at: '2026-11-26T08:00:00.000Z', shifts: night }))).toEqual(['outsideShift']); // 09:00
  });

  it('counts a course day and having no staff record as outside a shift', () => {
    const course = [{ date: '2026-11-26', start: '08:00', end: '15:30', officeId: 'grong', kind: 'course' }];
    expect(accessFlags(facts({ shifts: course }))).toEqual(['outsideShift']);
    expect(accessFlags(facts({ shifts: null, baseOfficeId: null }))).toEqual(['outsideOffice', 'outsideShift']);
  });
});

const candidates = (ordinary: number, unusual: number): SampleCandidate[] => [
  ...Array.from({ length: ordinary }, (_, i) => ({ id: `o${i}`, flags: [] })),
  ...Array.from({ length: unusual }, (_, i) => ({ id: `u${i}`, flags: ['outsideShift' as const] })),
];

describe('drawReviewSample', () => {
  it('includes every unusual access when they are fewer than the sample, and fills up with ordinary ones', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const sample = drawReviewSample(candidates(100, 7), 20, seed);
      expect(sample).toHaveLength(20);
      expect(sample.filter((c) => c.id.startsWith('u'))).toHaveLength(7);
      expect(new Set(sample.map((c) => c.id)).size).toBe(20);
    }
  });

  it('draws unusual accesses clearly more often than ordinary ones when there are more of them than places', () => {
    const pool = candidates(200, 50);
    let unusualHits = 0;
    let ordinaryHits = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      for (const c of drawReviewSample(pool, 20, seed)) {
        if (c.id.startsWith('u')) unusualHits += 1;
        else ordinaryHits += 1;
      }
    }
    const perUnusual = unusualHits / 50;
    const perOrdinary = ordinaryHits / 200;
    expect(perUnusual / perOrdinary).toBeGreaterThan(3);
    expect(ordinaryHits).toBeGreaterThan(0); // ordinary accesses are still spot-checked
  });

  it('weighs two flags more than one', () => {
    const pool: SampleCandidate[] = [
      ...Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, flags: ['outsideShift' as const] })),
      ...Array.from({ length: 60 }, (_, i) => ({ id: `b${i}`, flags: ['outsideShift' as const, 'outsideOffice' as const] })),
    ];
    let one = 0;
    let two = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      for (const c of drawReviewSample(pool, 20, seed)) {
        if (c.id.startsWith('a')) one += 1;
        else two += 1;
      }
    }
    expect(two).toBeGreaterThan(one * 1.3);
  });

  it('gives the same sample for the same seed, in the candidates order, and another for another seed', () => {
    const pool = candidates(300, 40);
    const a = drawReviewSample(pool, 20, 42).map((c) => c.id);
    expect(drawReviewSample(pool, 20, 42).map((c) => c.id)).toEqual(a);
    expect(drawReviewSample(pool, 20, 43).map((c) => c.id)).not.toEqual(a);
    const order = pool.map((c) => c.id);
    expect([...a].sort((x, y) => order.indexOf(x) - order.indexOf(y))).toEqual(a);
  });

  it('returns every candidate when there are fewer than the sample size', () => {
    expect(drawReviewSample(candidates(3, 2), 20, 1)).toHaveLength(5);
    expect(drawReviewSample([], 20, 1)).toEqual([]);
  });
});

describe('marks and masking', () => {
  it('requires a note for "fulgt opp" but not for "ok"', () => {
    expect(reviewMarkSchema.safeParse({ verdict: 'ok' }).success).toBe(true);
    const missing = reviewMarkSchema.safeParse({ verdict: 'followedUp', note: '  ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['note'], message: 'required' });
    expect(reviewMarkSchema.safeParse({ verdict: 'followedUp', note: 'Snakket med henne' }).success).toBe(true);
  });

  it('masks the patient reference to six characters', () => {
    expect(maskedPatientRef('0123abcdef9999')).toBe('0123AB');
    expect(maskedPatientRef(null)).toBeNull();
  });
});
