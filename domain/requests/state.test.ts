// Tests for derived request states and the rule that keeps one decision when leads decided offline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveRequestState, keptDecision } from './state';
import type { RequestDecision, RequestResponse } from './types';

const hlc = (ms: number, device: string) => `${String(ms).padStart(15, '0')}-000000-${device}`;
const decision = (id: string, values: Partial<RequestDecision>): RequestDecision => ({
  id,
  requestId: 'r',
  decision: 'approve',
  staffId: null,
  note: null,
  byUserId: 'lead-a',
  byStaffId: null,
  hlc: hlc(1000, 'a'),
  at: '2026-12-01T10:00:00Z',
  ...values,
});
const response = (id: string, kind: RequestResponse['kind'], staffId: string, at: string): RequestResponse => ({ id, requestId: 'r', kind, staffId, byUserId: `u-${staffId}`, at });

describe('deriveRequestState', () => {
  it('is open with the askers in the order they asked, and drops one who withdrew', () => {
    const state = deriveRequestState(
      [response('2', 'ask', 'kari', '2026-12-01T10:05:00Z'), response('1', 'ask', 'per', '2026-12-01T10:00:00Z'), response('3', 'withdraw', 'per', '2026-12-01T11:00:00Z')],
      [],
      null,
    );
    expect(state).toMatchObject({ status: 'open', candidates: ['kari'], kept: null, overruled: [] });
  });

  it('is approved or declined by the one decision', () => {
    expect(deriveRequestState([], [decision('d', { staffId: 'kari' })], 'kari').status).toBe('approved');
    expect(deriveRequestState([], [decision('d', { decision: 'decline' })], 'kari').status).toBe('declined');
  });

  it('is withdrawn when the requester takes it back before any decision, and an approval made meanwhile still counts', () => {
    const withdrawal = [response('w', 'withdraw', 'kari', '2026-12-01T12:00:00Z')];
    expect(deriveRequestState(withdrawal, [], 'kari')).toMatchObject({ status: 'withdrawn', withdrawn: true });
    expect(deriveRequestState(withdrawal, [decision('d', { staffId: 'kari' })], 'kari')).toMatchObject({ status: 'approved', withdrawn: false });
  });
});

describe('keptDecision (two leads deciding offline)', () => {
  it('keeps the approval with the latest timestamp and overrules the other', () => {
    const early = decision('x', { staffId: 'per', byUserId: 'lead-a', hlc: hlc(1000, 'a') });
    const late = decision('y', { staffId: 'kari', byUserId: 'lead-b', hlc: hlc(2000, 'b') });
    expect(keptDecision([early, late])).toEqual({ kept: late, overruled: [early] });
  });

  it('lets an approval beat a later decline', () => {
    const approval = decision('x', { staffId: 'per', hlc: hlc(1000, 'a') });
    const decline = decision('y', { decision: 'decline', hlc: hlc(5000, 'b') });
    expect(keptDecision([decline, approval])).toEqual({ kept: approval, overruled: [decline] });
  });

  it('orders equal timestamps by id', () => {
    const a = decision('a', { staffId: 'per' });
    const b = decision('b', { staffId: 'kari' });
    expect(keptDecision([a, b]).kept).toBe(b);
  });

  it('picks the same decision whatever order the computers saw them in', () => {
    const decisions = fc.uniqueArray(
      fc.record({ id: fc.uuid(), approve: fc.boolean(), ms: fc.integer({ min: 0, max: 50 }), device: fc.constantFrom('a', 'b', 'c'), staff: fc.constantFrom('per', 'kari', 'eli') }),
      { minLength: 1, maxLength: 6, selector: (d) => d.id },
    );
    const withOrder = decisions.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(withOrder, ([list, order]) => {
        const toRow = (d: (typeof list)[number]) => decision(d.id, { decision: d.approve ? 'approve' : 'decline', staffId: d.approve ? d.staff : null, hlc: hlc(d.ms, d.device) });
        const rows = list.map(toRow);
        const shuffled = order.map((d) => rows[list.indexOf(d)]!);
        const first = keptDecision(rows);
        const second = keptDecision(shuffled);
        expect(second.kept).toBe(first.kept);
        expect(second.overruled).toEqual(first.overruled);
        // One kept, every other overruled; an approval is kept whenever there is one, and it is the latest approval.
        expect(first.overruled).toHaveLength(rows.length - 1);
        const approvals = rows.filter((row) => row.decision === 'approve');
        if (approvals.length > 0) {
          expect(first.kept!.decision).toBe('approve');
          expect(approvals.every((row) => row.hlc < first.kept!.hlc || (row.hlc === first.kept!.hlc && row.id <= first.kept!.id))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
