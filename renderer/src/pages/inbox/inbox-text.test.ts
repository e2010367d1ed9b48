// Tests for the inbox line texts: dates, weekdays and leave kinds in the user's language, and the overruled-decline wording.
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../../domain/inbox';
import { createTranslator } from '../../i18n';
import { inboxItemNote, inboxItemText } from './inbox-text';

const nb = createTranslator('nb');
const en = createTranslator('en');
const item = (kind: InboxItem['kind'], params: InboxItem['params']): InboxItem => ({ id: 'x', kind, at: '2026-12-03T09:00:00Z', params, actions: [] });

describe('inbox line texts', () => {
  it('names the weekday and date of an open shift in both languages', () => {
    const line = item('openShiftAvailable', { office: 'Grong legekontor', date: '2026-12-05', start: '10:00', end: '16:00' });
    expect(inboxItemText(nb.t, 'nb', line)).toBe('Ledig vakt ved Grong legekontor lørdag 05.12. 10:00–16:00.');
    expect(inboxItemText(en.t, 'en', line)).toBe('Open shift at Grong legekontor Saturday 5/12 10:00–16:00.');
  });

  it('translates the leave kind and formats the period', () => {
    const line = item('leaveToDecide', { person: 'Marte Kvernmo', leaveKind: 'timeOff', from: '2026-12-14', to: '2026-12-16', note: 'Juletur' });
    expect(inboxItemText(nb.t, 'nb', line)).toBe('Marte Kvernmo søker om avspasering 14.12.2026–16.12.2026.');
    expect(inboxItemNote(line)).toBe('Juletur');
    expect(inboxItemNote(item('leaveApproved', { note: '  ' }))).toBeNull();
  });

  it('counts new warnings of a swap in the singular and plural', () => {
    const params = { person: 'Jonas Sandmo', from: 'Marte Kvernmo', office: 'Grong legekontor', date: '2026-12-13', start: '08:00', end: '15:30' };
    expect(inboxItemText(nb.t, 'nb', item('swapToApprove', { ...params, warnings: 1 }))).toContain('1 nytt varsel.');
    expect(inboxItemText(nb.t, 'nb', item('swapToApprove', { ...params, warnings: 2 }))).toContain('2 nye varsler.');
  });

  it('says which approval counts when leads disagreed, and words an overruled decline differently', () => {
    const params = { office: 'Grong legekontor', date: '2026-12-06', keptPerson: 'Jonas Sandmo', overruledPerson: 'Marte Kvernmo', keptDecision: 'approve' };
    expect(inboxItemText(nb.t, 'nb', item('decisionOverruled', { ...params, overruledDecision: 'approve' }))).toContain('Jonas Sandmo fikk den; godkjenningen av Marte Kvernmo gjelder ikke');
    expect(inboxItemText(nb.t, 'nb', item('decisionOverruled', { ...params, overruledDecision: 'decline' }))).toContain('Den ble godkjent; avslaget gjelder ikke.');
  });
});
