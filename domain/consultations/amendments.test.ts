// Tests for the append-only amendment history: current entry, cancellation, masking and redaction.
import { describe, expect, it } from 'vitest';
import { currentEntry, diffEntry, maskHistory, redactChanges } from './amendments';
import type { Amendment, ConsultationRecord } from './amendments';

const record: ConsultationRecord = {
  id: 'c1',
  at: '2026-11-26T10:15',
  officeId: 'o1',
  nurseId: 'n1',
  patient: { kind: 'synthetic', idNumber: '12848512345', birthYear: 1985, sex: 'female' },
  contact: 'phone',
  icpc2Code: 'U71',
  routineId: null,
  routineVersion: null,
  medicine: null,
  outcome: 'resolvedByNurse',
  doctorId: null,
  followUpDate: null,
  note: 'Svie ved vannlating',
  recordedBy: 'u1',
  recordedAt: '2026-11-26T09:16:00.000Z',
  anonymisedAt: null,
};

function amendment(id: string, at: string, changes: Amendment['changes'], kind: Amendment['kind'] = 'amended'): Amendment {
  return { id, consultationId: 'c1', kind, changes, reason: `grunn ${id}`, byUserId: 'u2', at };
}

describe('currentEntry', () => {
  it('applies amendments in time order, whatever order they arrive in, and keeps the original in the history', () => {
    const later = amendment('a2', '2026-11-26T12:00:00.000Z', { outcome: 'sentToLegevakt' });
    const earlier = amendment('a1', '2026-11-26T11:00:00.000Z', { outcome: 'bookedWithDoctor', contact: 'inPerson' });
    const entry = currentEntry(record, [later, earlier]);
    expect(entry).toMatchObject({ outcome: 'sentToLegevakt', contact: 'inPerson', cancelled: null, amendmentCount: 2 });
    expect(entry.history.map((step) => step.kind)).toEqual(['recorded', 'amended', 'amended']);
    expect(entry.history[1]?.changes).toEqual([
      { field: 'contact', before: 'phone', after: 'inPerson' },
      { field: 'outcome', before: 'resolvedByNurse', after: 'bookedWithDoctor' },
    ]);
    expect(entry.history[2]?.changes).toEqual([{ field: 'outcome', before: 'bookedWithDoctor', after: 'sentToLegevakt' }]);
  });

  it('keeps a cancelled entry as it was, with who cancelled it and why; later amendments do not change it', () => {
    const entry = currentEntry(record, [
      amendment('a1', '2026-11-26T11:00:00.000Z', {}, 'cancelled'),
      amendment('a2', '2026-11-26T12:00:00.000Z', { outcome: 'emergency113' }),
    ]);
    expect(entry.cancelled).toEqual({ at: '2026-11-26T11:00:00.000Z', byUserId: 'u2', reason: 'grunn a1' });
    expect(entry.outcome).toBe('resolvedByNurse');
    expect(entry.history.map((step) => step.kind)).toEqual(['recorded', 'cancelled', 'amended']);
  });

  it('ignores amendments of other entries', () => {
    const other = { ...amendment('a1', '2026-11-26T11:00:00.000Z', { outcome: 'emergency113' }), consultationId: 'c2' };
    expect(currentEntry(record, [other]).outcome).toBe('resolvedByNurse');
  });
});

describe('diffEntry', () => {
  it('returns only the fields that changed, comparing nested values', () => {
    expect(diffEntry(record, { ...record, patient: { ...record.patient }, note: 'Ny' })).toEqual({ note: 'Ny' });
    expect(diffEntry(record, { ...record })).toEqual({});
  });
});

describe('masking and redaction', () => {
  it('masks identity numbers in the history', () => {
    const changed = amendment('a1', '2026-11-26T11:00:00.000Z', { patient: { kind: 'synthetic', idNumber: '12848554321', birthYear: 1985, sex: 'female' } });
    const masked = maskHistory(currentEntry(record, [changed]).history);
    expect(JSON.stringify(masked)).not.toContain('12345');
    expect(JSON.stringify(masked)).not.toContain('54321');
    expect(masked[1]?.changes[0]).toMatchObject({ before: { idNumber: '128485*****' }, after: { idNumber: '128485*****' } });
  });

  it('removes identity number and note from an amendment but keeps the statistics fields', () => {
    const redacted = redactChanges({ patient: { kind: 'synthetic', idNumber: '12848554321', birthYear: 1985, sex: 'female' }, note: 'x', outcome: 'bookedWithDoctor' });
    expect(redacted).toEqual({ patient: { kind: 'synthetic', idNumber: null, birthYear: 1985, sex: 'female' }, note: null, outcome: 'bookedWithDoctor' });
    expect(redactChanges({ outcome: 'bookedWithDoctor' })).toEqual({ outcome: 'bookedWithDoctor' });
  });
});
