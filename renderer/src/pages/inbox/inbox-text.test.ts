// Tests of the rota notices' sentences: a changed, removed or new shift and a changed regular rota each read as what happened.
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../../../domain/inbox';
import { createTranslator } from '../../i18n';
import { inboxItemText } from './inbox-text';

const { t } = createTranslator('nb');
const shiftNotice = (params: InboxItem['params']): InboxItem => ({ id: 'rota-notice:1', kind: 'shiftChanged', at: '2026-03-10T08:00:00.000Z', params, actions: [] });
const base = { date: '2026-03-19', start: '08:00', end: '15:30', office: 'Grong legekontor', newDate: '', newStart: '', newEnd: '', newOffice: '', occurrences: 1 };

describe('rota notices in the inbox', () => {
  it('names the shift before and after a change', () => {
    const item = shiftNotice({ ...base, change: 'changed', newDate: '2026-03-19', newStart: '10:00', newEnd: '18:00', newOffice: 'Lierne legekontor' });
    expect(inboxItemText(t, 'nb', item)).toBe('Vakten din torsdag 19.03. 08:00–15:30 ved Grong legekontor er endret: nå torsdag 19.03. 10:00–18:00 ved Lierne legekontor.');
  });

  it('says a shift was removed, a new one given, or the regular rota changed', () => {
    expect(inboxItemText(t, 'nb', shiftNotice({ ...base, change: 'removed' }))).toBe('Vakten din torsdag 19.03. 08:00–15:30 ved Grong legekontor er tatt bort.');
    expect(inboxItemText(t, 'nb', shiftNotice({ ...base, change: 'added' }))).toBe('Du har fått en ny vakt torsdag 19.03. 08:00–15:30 ved Grong legekontor.');
    expect(inboxItemText(t, 'nb', shiftNotice({ ...base, change: 'changed', occurrences: 12 }))).toContain('Den faste turnusen din er endret: 12 vakter fra torsdag 19.03.');
  });

  it('says which weeks were published', () => {
    const item: InboxItem = { id: 'rota-notice:2', kind: 'rotaPublished', at: '2026-03-10T08:00:00.000Z', params: { office: 'Grong legekontor', weeks: '12–15', fromWeek: 12, throughWeek: 15 }, actions: [] };
    expect(inboxItemText(t, 'nb', item)).toBe('Turnusen for uke 12–15 ved Grong legekontor er publisert.');
  });
});
