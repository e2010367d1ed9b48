// Tests for what the prescription lists show: masked patient, responsible doctor, status with the answer, the overdue flag.
import { describe, expect, it } from 'vitest';
import { formatLocal, overdueText, patientText, responsibleText, statusText } from './prescription-view';

describe('prescription rows', () => {
  it('shows the masked number, or the birth year without one', () => {
    expect(patientText({ patient: { kind: 'fodselsnummer', idNumber: '140361*****', birthYear: 1961, sex: 'female' } })).toBe('140361*****');
    expect(patientText({ patient: { kind: 'none', idNumber: null, birthYear: 1990, sex: 'male' } })).toEqual({ key: 'prescriptions.patientNone', params: { year: 1990 } });
  });

  it('names the responsible doctor and how, or says nobody was on duty', () => {
    expect(responsibleText({ responsibleKind: 'video', doctorName: 'Ingrid Solbakk' })).toEqual({ key: 'prescriptions.responsible.video', params: { name: 'Ingrid Solbakk' } });
    expect(responsibleText({ responsibleKind: 'none', doctorName: null })).toEqual({ key: 'prescriptions.responsible.none' });
  });

  it('shows the answer with who, when and why', () => {
    const declined = statusText({ cancelled: false, withdrawn: false, answer: { answer: 'declined', reason: 'Ta kontakt', byName: 'Ingrid Solbakk', atLocal: '2026-12-04T08:05' } });
    expect(declined).toEqual({ key: 'prescriptions.status.declined', params: { name: 'Ingrid Solbakk', time: '04.12.2026 08:05', reason: 'Ta kontakt' } });
    expect(statusText({ cancelled: false, withdrawn: false, answer: null })).toEqual({ key: 'prescriptions.status.waiting' });
    expect(statusText({ cancelled: true, withdrawn: false, answer: null })).toEqual({ key: 'prescriptions.status.cancelled' });
    expect(statusText({ cancelled: true, withdrawn: true, answer: null })).toEqual({ key: 'prescriptions.status.withdrawn' });
  });

  it('flags an overdue request with the time it became overdue', () => {
    expect(formatLocal('2026-12-07T14:00')).toBe('07.12.2026 14:00');
    expect(overdueText({ overdue: true, overdueFrom: '2026-12-07T14:00' })).toEqual({ key: 'prescriptions.overdue', params: { time: '07.12.2026 14:00' } });
    expect(overdueText({ overdue: false, overdueFrom: '2026-12-07T14:00' })).toBeNull();
  });
});
