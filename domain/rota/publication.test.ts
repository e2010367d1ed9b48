// Tests of draft and published weeks: the state from publish/draft records and which weeks are drafts for whom.
import { describe, expect, it } from 'vitest';
import { draftWeeksBetween, firstDraftWeek, isDraftShift, isDraftWeek, mondayOf, publicationStates, seesDrafts } from './publication';
import type { PublicationRecord } from './publication';

const TODAY = '2026-03-04'; // Wednesday of week 10; its Monday is 2026-03-02
const W = (n: number) => ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06'][n - 10]!;
let seq = 0;
const record = (kind: 'publish' | 'draft', from: string, through = from, officeId = 'grong'): PublicationRecord => ({
  id: `r${++seq}`,
  officeId,
  kind,
  fromWeek: from,
  throughWeek: through,
  hlc: `00000000000000${seq}`.slice(-15) + '-000000-device',
});

describe('mondayOf', () => {
  it('gives the Monday of the ISO week', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('1970-01-01')).toBe('1969-12-29');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('publication state', () => {
  it('has no drafts for an office without records (existing data counts as published)', () => {
    const states = publicationStates([]);
    expect(isDraftWeek(states.get('grong'), W(14), W(10))).toBe(false);
    expect(firstDraftWeek(states.get('grong'), TODAY)).toBeNull();
  });

  it('makes the week a draft was started from, and every later week, drafts until published', () => {
    const states = publicationStates([record('draft', W(12))]);
    const grong = states.get('grong');
    expect([11, 12, 13, 15].map((n) => isDraftWeek(grong, W(n), W(10)))).toEqual([false, true, true, true]);
    expect(firstDraftWeek(grong, TODAY)).toBe(W(12));
  });

  it('publishes a range; later weeks stay drafts', () => {
    const grong = publicationStates([record('draft', W(12)), record('publish', W(12), W(13))]).get('grong');
    expect([12, 13, 14].map((n) => isDraftWeek(grong, W(n), W(10)))).toEqual([false, false, true]);
    expect(firstDraftWeek(grong, TODAY)).toBe(W(14));
    expect(draftWeeksBetween(grong, W(12), W(15), TODAY)).toEqual([W(14), W(15)]);
  });

  it('a later draft record takes published weeks back; publications from two leads offline both count', () => {
    const a = record('draft', W(11));
    const b = record('publish', W(11), W(12));
    const c = record('publish', W(11), W(14));
    const d = record('draft', W(14));
    const grong = publicationStates([d, c, b, a]).get('grong'); // order given does not matter: hlc decides
    expect([11, 12, 13, 14, 15].map((n) => isDraftWeek(grong, W(n), W(10)))).toEqual([false, false, false, true, true]);
  });

  it('never counts a week that has started as a draft', () => {
    const grong = publicationStates([record('draft', W(11))]).get('grong');
    expect(isDraftWeek(grong, W(11), W(10))).toBe(true);
    expect(isDraftWeek(grong, W(11), W(11))).toBe(false);
    expect(isDraftWeek(grong, W(10), W(11))).toBe(false);
  });

  it('is per office', () => {
    const states = publicationStates([record('draft', W(12), W(12), 'grong')]);
    expect(isDraftShift(states, { officeId: 'grong', date: '2026-03-19' }, TODAY)).toBe(true);
    expect(isDraftShift(states, { officeId: 'snasa', date: '2026-03-19' }, TODAY)).toBe(false);
  });
});

describe('who sees drafts', () => {
  it('leads and admins do; nurses, doctors and receptionists do not', () => {
    expect(seesDrafts(['lead'])).toBe(true);
    expect(seesDrafts(['admin'])).toBe(true);
    expect(seesDrafts(['nurse'])).toBe(false);
    expect(seesDrafts(['doctor', 'receptionist'])).toBe(false);
  });
});
