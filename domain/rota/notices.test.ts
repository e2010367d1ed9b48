// Tests of which changes to a shift tell whom: only what the person could see (published weeks) counts.
import { describe, expect, it } from 'vitest';
import { shiftChangeNotices } from './notices';
import type { ShiftFacts } from './notices';

const shift: ShiftFacts = { staffId: 'marte', officeId: 'grong', date: '2026-03-19', start: '08:00', end: '15:30', kind: 'clinic' };
const published = () => true;
const draft = () => false;
const publishedBefore = (s: ShiftFacts) => s.date < '2026-03-23';

describe('shiftChangeNotices', () => {
  it('tells the person when a published shift changes time, office or is removed', () => {
    expect(shiftChangeNotices(shift, { ...shift, start: '10:00' }, published)).toEqual([
      { staffId: 'marte', officeId: 'grong', details: { kind: 'shiftChanged', change: 'changed', before: shift, after: { ...shift, start: '10:00' } } },
    ]);
    expect(shiftChangeNotices(shift, { ...shift, officeId: 'snasa' }, published)[0]).toMatchObject({ officeId: 'snasa', details: { change: 'changed' } });
    expect(shiftChangeNotices(shift, null, published)).toEqual([{ staffId: 'marte', officeId: 'grong', details: { kind: 'shiftChanged', change: 'removed', before: shift, after: null } }]);
  });

  it('tells nobody about drafts, or when nothing they work changes', () => {
    expect(shiftChangeNotices(shift, { ...shift, start: '10:00' }, draft)).toEqual([]);
    expect(shiftChangeNotices(shift, null, draft)).toEqual([]);
    expect(shiftChangeNotices(null, shift, draft)).toEqual([]);
    expect(shiftChangeNotices(shift, { ...shift }, published)).toEqual([]);
  });

  it('a shift given to someone else tells both; a new one tells its person', () => {
    const notices = shiftChangeNotices(shift, { ...shift, staffId: 'hanna' }, published);
    expect(notices.map((n) => [n.staffId, n.details.change])).toEqual([
      ['marte', 'removed'],
      ['hanna', 'added'],
    ]);
    expect(shiftChangeNotices(null, shift, published)).toEqual([{ staffId: 'marte', officeId: 'grong', details: { kind: 'shiftChanged', change: 'added', before: null, after: shift } }]);
  });

  it('a shift moved into a draft week is gone from what the person sees; moved out of one, it is new to them', () => {
    const later = { ...shift, date: '2026-03-26' };
    expect(shiftChangeNotices(shift, later, publishedBefore)[0]!.details.change).toBe('removed');
    expect(shiftChangeNotices(later, shift, publishedBefore)[0]!.details.change).toBe('added');
  });
});
