// Tests for what the routine pages show: example titles, search by title or ICPC-2 code, checklist order, version and list states, reason texts, routes, the detail page's versions and authorised nurses.
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_MESSAGES_NB } from '../../../../domain/routines/assessment';
import { EXAMPLE_MARK } from '../../../../domain/routines/examples';
import { reason } from '../../../../domain/routines/reasons';
import { DOCTOR, event, NURSE, routine, uuid } from '../../../../domain/routines/testFixtures';
import { getTranslator } from '../../i18n';
import { nb } from '../../i18n/nb';
import { routinesView } from './routine-paths';
import { authorisedOn, checklist, detailVersions, emptyAnswers, listStatus, matchRoutines, printFileName, reasonText, shortTitle, versionState, versionStateText, withAnswer } from './routine-view';
import { formatDate } from '../../format/dates';

const cystitis = routine({ title: `${EXAMPLE_MARK}: Ukomplisert blærekatarr`, icpc2Codes: ['U71'] });
const throat = routine({ routineId: uuid(11), title: 'Halsbetennelse', icpc2Codes: ['R72'] });
const allergy = routine({ routineId: uuid(12), title: 'Allergisk reaksjon', icpc2Codes: ['A92', 'S98'] });
const all = [cystitis, throat, allergy];

describe('routine titles and dates', () => {
  it('shows example titles without the mark (the mark is shown as its own label)', () => {
    expect(shortTitle(cystitis.title)).toBe('Ukomplisert blærekatarr');
    expect(shortTitle('Halsbetennelse')).toBe('Halsbetennelse');
  });

  it('formats dates per language', () => {
    expect(formatDate('2026-10-01', 'nb')).toBe('01.10.2026');
    expect(formatDate('2026-10-01', 'en')).toBe('01/10/2026');
  });
});

describe('routine search', () => {
  const search = (query: string) => matchRoutines(all, query, (item) => item).map((item) => item.icpc2Codes[0]);

  it('finds by a word in the title or the start of an ICPC-2 code, in any case', () => {
    expect(search('blære')).toEqual(['U71']);
    expect(search('U71')).toEqual(['U71']);
    expect(search('u7')).toEqual(['U71']);
    expect(search('s98')).toEqual(['A92']);
    expect(search('BLÆRE u71')).toEqual(['U71']);
    expect(search('kne')).toEqual([]);
  });

  it('lists everything by title for an empty search, exact code matches first otherwise', () => {
    expect(search('  ')).toEqual(['A92', 'R72', 'U71']);
    expect(search('a')).toEqual(['A92', 'R72', 'U71']);
  });
});

describe('criteria checklist', () => {
  it('puts red flags first, then inclusion criteria, then the other exclusions, keeping the positions', () => {
    const sections = checklist(routine());
    expect(sections.redFlags).toEqual([{ list: 'exclusion', index: 0, text: 'Feber', redFlag: true }]);
    expect(sections.inclusion.map((item) => item.index)).toEqual([0, 1]);
    expect(sections.exclusion).toEqual([{ list: 'exclusion', index: 1, text: 'Gravid', redFlag: false }]);
  });

  it('starts unanswered and records answers by position', () => {
    const answers = withAnswer(emptyAnswers(routine()), { list: 'exclusion', index: 1 }, false);
    expect(answers).toEqual({ inclusion: [null, null], exclusion: [null, false] });
  });

  it('uses the same Norwegian outcome texts as the domain', () => {
    expect(nb.messages['routines.outcome.treat']).toBe(ASSESSMENT_MESSAGES_NB.treat);
    expect(nb.messages['routines.outcome.contactDoctor']).toBe(ASSESSMENT_MESSAGES_NB.contactDoctor);
    expect(nb.messages['routines.outcome.incomplete']).toBe(ASSESSMENT_MESSAGES_NB.incomplete);
  });
});

describe('version and list states', () => {
  const today = '2026-06-01';
  it('describes each version on a date', () => {
    expect(versionState(routine(), today)).toEqual({ kind: 'inForce' });
    expect(versionState(routine({ status: 'draft' }), today)).toEqual({ kind: 'draft' });
    expect(versionState(routine({ status: 'retired', retiredFrom: '2026-05-01', supersededByVersion: 2 }), today)).toEqual({ kind: 'superseded', newVersion: 2, date: '2026-05-01' });
    expect(versionState(routine({ status: 'retired', retiredFrom: '2026-05-01' }), today)).toEqual({ kind: 'withdrawn', date: '2026-05-01' });
    expect(versionState(routine({ status: 'retired', retiredFrom: '2026-01-01' }), today)).toEqual({ kind: 'neverInForce' });
    expect(versionState(routine({ validFrom: '2026-07-01' }), today)).toEqual({ kind: 'notYetValid', date: '2026-07-01' });
    expect(versionState(routine({ validFrom: '2024-01-01', reviewDate: '2024-06-01', expiresOn: '2025-01-01' }), today)).toEqual({ kind: 'expired', date: '2025-01-01' });
  });

  it('shows active / scheduled / draft / retired from the version in force, with a pending draft or next version', () => {
    const v1 = routine();
    expect(listStatus({ inForce: v1, newest: v1 }, today)).toEqual({ kind: 'active', version: 1, pendingDraft: null, scheduled: null });
    const draft2 = routine({ version: 2, status: 'draft' });
    expect(listStatus({ inForce: v1, newest: draft2 }, today)).toMatchObject({ kind: 'active', pendingDraft: 2 });
    const next2 = routine({ version: 2, validFrom: '2026-07-01' });
    expect(listStatus({ inForce: v1, newest: next2 }, today)).toMatchObject({ kind: 'active', scheduled: { version: 2, date: '2026-07-01' } });
    expect(listStatus({ inForce: null, newest: routine({ status: 'draft' }) }, today)).toEqual({ kind: 'draft', version: 1 });
    expect(listStatus({ inForce: null, newest: routine({ validFrom: '2026-07-01' }) }, today)).toEqual({ kind: 'scheduled', version: 1, date: '2026-07-01' });
    expect(listStatus({ inForce: null, newest: routine({ status: 'retired', retiredFrom: '2026-05-01' }) }, today)).toEqual({ kind: 'retired', version: 1 });
  });
});

describe('reason texts', () => {
  const names = (id: string) => (id === 'akutt' ? 'Akuttmedisinkurs' : null);

  it('uses the domain message in Norwegian', () => {
    const expired = reason('competenceExpired', 'Akuttmedisinkurs utløp 01.10.2026', { competenceTypeId: 'akutt', date: '2026-10-01' });
    expect(reasonText(expired, getTranslator('nb'), names)).toBe('Akuttmedisinkurs utløp 01.10.2026');
  });

  it('builds English from the code and values', () => {
    const en = getTranslator('en');
    expect(reasonText(reason('competenceExpired', '…', { competenceTypeId: 'akutt', date: '2026-10-01' }), en, names)).toBe('Akuttmedisinkurs expired 01/10/2026');
    expect(reasonText(reason('notAuthorised', '…', { version: 3, authorisedVersions: '1,2' }), en, names)).toBe('Authorisation for version 3 is missing (authorised for version 1, 2)');
    expect(reasonText(reason('notAuthorised', '…', { version: 3, authorisedVersions: null }), en, names)).toBe('Authorisation for version 3 is missing');
    expect(reasonText(reason('authorisationRevoked', '…', { version: 1, date: '2026-03-01', reason: null }), en, names)).toBe('The authorisation for version 1 was revoked 01/03/2026');
    expect(reasonText(reason('newVersionScheduled', '…', { version: 4, date: '2027-03-01', authorised: 0 }), en, names)).toBe('Version 4 applies from 01/03/2027; authorisation for it is missing');
    expect(reasonText(reason('somethingNew', 'Ny regel', {}), en, names)).toBe('Ny regel');
  });
});

describe('routine paths', () => {
  const id = uuid(10);
  it('opens the check for nurses and the list for everyone else', () => {
    expect(routinesView(null, ['nurse'])).toEqual({ kind: 'check' });
    expect(routinesView(null, ['doctor'])).toEqual({ kind: 'list' });
    expect(routinesView('check', ['receptionist'])).toEqual({ kind: 'check' });
    expect(routinesView('list', ['nurse'])).toEqual({ kind: 'list' });
  });

  it('knows new, a routine, its edit page, and nothing else', () => {
    expect(routinesView('new', ['doctor'])).toEqual({ kind: 'new' });
    expect(routinesView(id, ['doctor'])).toEqual({ kind: 'detail', routineId: id });
    expect(routinesView(`edit-${id}`, ['doctor'])).toEqual({ kind: 'edit', routineId: id });
    expect(routinesView(`check-${id}`, ['doctor'])).toEqual({ kind: 'check', routineId: id });
    expect(routinesView('edit-x', ['doctor'])).toEqual({ kind: 'notFound' });
    expect(routinesView('blære', ['doctor'])).toEqual({ kind: 'notFound' });
  });
});

describe('routine detail page', () => {
  const t = getTranslator('nb').t;
  const inForce = routine({ version: 1 });
  const draft = routine({ version: 2, status: 'draft', validFrom: '2026-06-01' });

  it('names version states in words', () => {
    expect(versionStateText({ kind: 'inForce' }, { t, language: 'nb' })).toBe('I kraft');
    expect(versionStateText({ kind: 'superseded', newVersion: 3, date: '2027-02-01' }, { t, language: 'nb' })).toBe('Erstattet av versjon 3 fra 01.02.2027');
    expect(versionStateText({ kind: 'withdrawn', date: null }, { t, language: 'nb' })).toBe('Trukket tilbake fra ');
  });

  it('acts on the version in force and a newer draft', () => {
    const model = detailVersions({ inForce, newest: draft, today: '2026-05-10' });
    expect(model).toMatchObject({ sheetVersion: inForce, pending: draft, pendingDate: '2026-06-01', draft, withdrawable: inForce });
    expect(model.grantVersions).toEqual([inForce, draft]);
    const alone = detailVersions({ inForce: null, newest: draft, today: '2026-07-01' });
    expect(alone).toMatchObject({ sheetVersion: draft, pending: null, pendingDate: '2026-07-01', withdrawable: null });
  });

  it('lists the backend’s authorised nurses for the sheet version today, and applies the same rule to another version', () => {
    const granted = event({ kind: 'granted', effectiveDate: '2026-05-01', routineVersion: 2 });
    const today = [{ nurseId: NURSE, nurseName: 'Marte', since: '2026-01-02', byDoctorName: 'Ingrid' }];
    const detail = { routineId: inForce.routineId, inForce, newest: draft, today: '2026-05-10', events: [{ ...granted, nurseName: 'Marte', doctorName: '' }], authorisedToday: today };
    expect(authorisedOn(detail, inForce, '2026-05-10', new Map())).toBe(today);
    expect(authorisedOn(detail, draft, '2026-06-01', new Map([[DOCTOR, 'Ingrid']]))).toEqual([{ nurseId: NURSE, nurseName: 'Marte', since: '2026-05-01', byDoctorName: 'Ingrid' }]);
  });

  it('suggests a print file name from the title and version', () => {
    expect(printFileName(routine({ title: `${EXAMPLE_MARK}: Ukomplisert blærekatarr (kvinner)`, version: 2 }))).toBe('rutine-ukomplisert-blærekatarr-kvinner-versjon-2.pdf');
  });
});
