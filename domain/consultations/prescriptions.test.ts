// Tests for the prepared-prescription rules: the working-day limit, the answer form's rule, the first answer and who sees what.
import { describe, expect, it } from 'vitest';
import { firstAnswer, flaggedForLead, isOverdue, isWorkingDay, mayAnswer, overdueFrom, preparedBy, prescriptionAnswerInputSchema, toSignFor } from './prescriptions';
import type { PrescriptionRequest, PrescriptionViewer, RequestState } from './prescriptions';

const REQUEST_ID = '01900000-0000-7000-8000-000000000001';

describe('the working-day limit', () => {
  it('counts weekends and Norwegian public holidays as non-working days', () => {
    expect(isWorkingDay('2026-12-03')).toBe(true); // Thursday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay('2027-05-17')).toBe(false); // Constitution Day, a Monday
  });

  it('is the same time on the next working day, skipping weekends and holidays', () => {
    expect(overdueFrom('2026-12-03T14:00')).toBe('2026-12-04T14:00');
    expect(overdueFrom('2026-12-04T14:00')).toBe('2026-12-07T14:00'); // Friday → Monday
    expect(overdueFrom('2026-12-24T10:00')).toBe('2026-12-28T10:00'); // Christmas Eve → over Christmas and the weekend
    expect(overdueFrom('2026-04-01T09:00')).toBe('2026-04-07T09:00'); // before Easter → after Easter Monday
    expect(overdueFrom('2027-05-14T08:30')).toBe('2027-05-18T08:30'); // Friday before 17 May on a Monday
  });

  it('starts counting at the next working day for a request made on a weekend', () => {
    expect(overdueFrom('2026-12-05T10:00')).toBe('2026-12-08T00:00');
  });

  it('flags only unanswered requests past the limit', () => {
    expect(isOverdue('2026-12-04T14:00', '2026-12-07T13:59', false)).toBe(false);
    expect(isOverdue('2026-12-04T14:00', '2026-12-07T14:00', false)).toBe(true);
    expect(isOverdue('2026-12-04T14:00', '2026-12-09T08:00', true)).toBe(false);
  });
});

describe('the answer', () => {
  it('needs a reason when declined, not when signed', () => {
    expect(prescriptionAnswerInputSchema.safeParse({ requestId: REQUEST_ID, answer: 'signed' }).success).toBe(true);
    const declined = prescriptionAnswerInputSchema.safeParse({ requestId: REQUEST_ID, answer: 'declined', reason: '  ' });
    expect(declined.success).toBe(false);
    expect(declined.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'required' });
    expect(prescriptionAnswerInputSchema.parse({ requestId: REQUEST_ID, answer: 'declined', reason: 'Feil dose' }).reason).toBe('Feil dose');
  });

  it('counts the earliest of two answers made offline', () => {
    const answers = [
      { id: 'b', at: '2026-12-03T10:05:00.000Z' },
      { id: 'a', at: '2026-12-03T10:01:00.000Z' },
    ];
    expect(firstAnswer(answers)?.id).toBe('a');
    expect(firstAnswer([])).toBeNull();
  });
});

describe('who sees what', () => {
  const request = (id: string, values: Partial<PrescriptionRequest>): PrescriptionRequest => ({
    id,
    consultationId: `c-${id}`,
    officeId: 'grong',
    nurseId: 'nurse-marte',
    responsibleKind: 'onSite',
    doctorId: 'doctor-ingrid',
    requestedBy: 'user-marte',
    at: `2026-12-03T10:0${id}:00.000Z`,
    ...values,
  });
  const state = (r: PrescriptionRequest, values: Partial<RequestState> = {}): RequestState => ({ request: r, answered: false, cancelled: false, overdue: false, ...values });
  const ingrid: PrescriptionViewer = { userId: 'user-ingrid', staffId: 'doctor-ingrid', roles: ['doctor'] };
  const lars: PrescriptionViewer = { userId: 'user-lars', staffId: 'doctor-lars', roles: ['doctor'] };
  const marte: PrescriptionViewer = { userId: 'user-marte', staffId: 'nurse-marte', roles: ['nurse'] };
  const states = [
    state(request('1', {})),
    state(request('2', { doctorId: null, responsibleKind: 'none' })),
    state(request('3', { doctorId: 'doctor-lars', officeId: 'snasa' }), { overdue: true }),
    state(request('4', {}), { answered: true }),
    state(request('5', { nurseId: 'nurse-jonas', requestedBy: 'user-jonas' }), { cancelled: true, overdue: false }),
  ];

  it('gives the responsible doctor her open requests and unassigned ones, not another doctor’s', () => {
    expect(toSignFor(ingrid, states).map((s) => s.request.id)).toEqual(['1', '2']);
    expect(toSignFor(lars, states).map((s) => s.request.id)).toEqual(['2', '3']);
    expect(mayAnswer(lars, states[0]!.request)).toBe(false);
    expect(mayAnswer(marte, states[1]!.request)).toBe(false);
  });

  it('shows the nurse every request she prepared, answered or not, newest first', () => {
    expect(preparedBy(marte, states).map((s) => s.request.id)).toEqual(['4', '3', '2', '1']);
  });

  it('flags overdue and unassigned open requests to the lead, by office', () => {
    expect(flaggedForLead(states, null).map((s) => s.request.id)).toEqual(['2', '3']);
    expect(flaggedForLead(states, ['grong']).map((s) => s.request.id)).toEqual(['2']);
  });
});
