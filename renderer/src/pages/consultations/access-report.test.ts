// Tests for the access report in words and its CSV file: names, roles, actions and coded reasons in Norwegian, oldest first.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../domain/files/csv';
import { getTranslator } from '../../i18n';
import { auditActorName, auditReasonText } from '../../i18n/audit-labels';
import { reportCsv, reportFileName, reportLines } from './access-report';
import type { AccessReport } from './access-report';

const { t } = getTranslator('nb');

const rows: AccessReport['rows'] = [
  { id: 'a', at: '2027-02-10T09:00:00.000Z', name: 'Anne Berit Formoen', username: 'resepsjon', roles: ['receptionist'], action: 'consultation.created', entryAt: '2027-02-10T09:55', reason: null },
  { id: 'b', at: '2027-02-11T08:31:00.000Z', name: 'Marte Kvernmo', username: 'sykepleier', roles: ['nurse'], action: 'consultation.revealed', entryAt: '2027-02-10T09:55', reason: 'Ringe; "tilbake"' },
  { id: 'c', at: '2027-07-01T22:30:00.000Z', name: 'Torunn Hellvik', username: 'leder', roles: ['lead', 'admin'], action: 'consultation.searchedByIdentity', entryAt: null, reason: '=SUM(A1)' },
];

describe('reportLines', () => {
  it('says who, role, when (Norwegian time), what and why in words', () => {
    expect(reportLines(t, { rows })).toEqual([
      { id: 'a', when: '10.02.2027 10:00', who: 'Anne Berit Formoen', role: 'Resepsjonist', what: 'Registrerte konsultasjon (konsultasjon 10.02.2027 09:55)', why: '' },
      { id: 'b', when: '11.02.2027 09:31', who: 'Marte Kvernmo', role: 'Sykepleier', what: 'Viste fødselsnummer (konsultasjon 10.02.2027 09:55)', why: 'Ringe; "tilbake"' },
      { id: 'c', when: '02.07.2027 00:30', who: 'Torunn Hellvik', role: 'Leder, administrator', what: 'Søkte på fødselsnummer', why: '=SUM(A1)' },
    ]);
  });
});

describe('reportCsv', () => {
  it('has a header row and one row per access, quoting what needs it and never running formulas', () => {
    const csv = reportCsv(t, { rows });
    expect(csv.startsWith('\uFEFFNår;Hvem;Rolle;Hva;Hvorfor\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ['Når', 'Hvem', 'Rolle', 'Hva', 'Hvorfor'],
      ['10.02.2027 10:00', 'Anne Berit Formoen', 'Resepsjonist', 'Registrerte konsultasjon (konsultasjon 10.02.2027 09:55)', ''],
      ['11.02.2027 09:31', 'Marte Kvernmo', 'Sykepleier', 'Viste fødselsnummer (konsultasjon 10.02.2027 09:55)', 'Ringe; "tilbake"'],
      ['02.07.2027 00:30', 'Torunn Hellvik', 'Leder, administrator', 'Søkte på fødselsnummer', "'=SUM(A1)"],
    ]);
  });

  it('is only the header when nobody accessed the patient', () => {
    expect(parseCsv(reportCsv(t, { rows: [] }))).toEqual([['Når', 'Hvem', 'Rolle', 'Hva', 'Hvorfor']]);
  });

  it('names the file by the period', () => {
    expect(reportFileName(t, { fromDate: '2027-01-01', toDate: '2027-03-31' })).toBe('innsynsrapport-2027-01-01-2027-03-31');
  });
});

describe('auditReasonText', () => {
  it("puts the app's coded reasons in words and shows typed reasons as typed", () => {
    expect(auditReasonText(t, 'session.signedOut', 'signOut')).toBe('logget ut selv');
    expect(auditReasonText(t, 'session.locked', 'inactivity')).toBe('ingen aktivitet');
    expect(auditReasonText(t, 'session.signInFailed', 'wrongPassword')).toBe('feil passord');
    // A person's own words are never translated, even when they look like a code.
    expect(auditReasonText(t, 'consultation.revealed', 'manual')).toBe('manual');
    expect(auditReasonText(t, 'consultation.viewed', null)).toBe('');
  });
});

describe('auditActorName', () => {
  it("names the person, and the app itself for what it did alone", () => {
    expect(auditActorName(t, { userId: 'u1', username: 'resepsjon', name: 'Anne Berit Formoen' })).toBe('Anne Berit Formoen');
    expect(auditActorName(t, { userId: null, username: 'system', name: 'system' })).toBe('Samvakt (automatisk)');
    // A failed sign-in with an unknown username shows the username as typed.
    expect(auditActorName(t, { userId: null, username: 'ukjent', name: 'ukjent' })).toBe('ukjent');
  });
});
