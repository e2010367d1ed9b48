// Tests for the "Hvem kan dekke?" lines: video from the base, driving and short rest as screens.md writes them, hours over the limits, blockers.
import { describe, expect, it } from 'vitest';
import { rankCoverCandidates } from '../../../domain/rota/cover';
import type { CoverCandidate, CoverGap, CoverStaff } from '../../../domain/rota/cover';
import { GRONG, LIERNE, NAMSSKOGAN, OFFICES, ROYRVIK, shift } from '../../../domain/rota/testFixtures';
import { getTranslator } from '../i18n';
import { blockerText, candidateParts, durationText } from './cover';

const nb = getTranslator('nb');
const en = getTranslator('en');
const THU = '2026-11-26';
const STAFF: CoverStaff[] = [
  { id: 'lars', name: 'Lars Erik Vassdal', profession: 'doctor', baseOfficeId: GRONG, active: true },
  { id: 'kari', name: 'Kari Elvenes', profession: 'doctor', baseOfficeId: LIERNE, active: true },
  { id: 'anders', name: 'Anders Tunheim', profession: 'doctor', baseOfficeId: ROYRVIK, active: true },
];
const officeName = (id: string) => OFFICES.find((office) => office.id === id)!.name.replace(' legekontor', '');

function candidates(): CoverCandidate[] {
  const gap: CoverGap = { officeId: NAMSSKOGAN, date: THU, start: '08:00', end: '15:30', need: 'doctor' };
  const shifts = [
    // Kari comes off a late legevakt in Røyrvik: 10 h rest before 08:00.
    shift({ staffId: 'kari', officeId: ROYRVIK, date: '2026-11-25', start: '16:00', end: '22:00', kind: 'legevakt' }),
    shift({ staffId: 'anders', officeId: ROYRVIK, date: THU, start: '08:00', end: '15:30' }),
  ];
  return rankCoverCandidates({ offices: OFFICES, staff: STAFF, shifts, absences: [], gap });
}
const find = (list: CoverCandidate[], id: string, mode: CoverCandidate['mode']) => list.find((item) => item.staffId === id && item.mode === mode)!;

describe('candidate lines', () => {
  it('writes video cover from the base office as screens.md does', () => {
    expect(candidateParts(nb.t, find(candidates(), 'lars', 'video'), officeName).join(' · ')).toBe('video fra Grong · ledig · ingen nye varsler');
    expect(candidateParts(en.t, find(candidates(), 'lars', 'video'), officeName).join(' · ')).toBe('video from Grong · free · no new warnings');
  });

  it('writes driving time and rest under the limit, and counts the new warnings', () => {
    const kari = find(candidates(), 'kari', 'onSite');
    expect(candidateParts(nb.t, kari, officeName).join(' · ')).toBe('2 t 10 min kjøring · ledig · 10 t hvile (under 11) · 1 nytt varsel');
  });

  it('writes durations in hours and minutes', () => {
    expect(durationText(nb.t, 90)).toBe('1 t 30 min');
    expect(durationText(nb.t, 600)).toBe('10 t');
    expect(durationText(nb.t, 45)).toBe('45 min');
    expect(durationText(en.t, 90)).toBe('1 h 30 min');
  });

  it('says why someone cannot take it, without the reason for an absence', () => {
    const anders = find(candidates(), 'anders', 'video');
    expect(anders.blockers.map((blocker) => blockerText(nb.t, blocker, 'nb'))).toEqual(['har en annen vakt samtidig']);
    expect(blockerText(nb.t, { code: 'absent', absenceId: 'a', from: '2026-11-26', to: '2026-11-27' }, 'nb')).toBe('fravær 26.11.2026–27.11.2026');
    expect(blockerText(nb.t, { code: 'competence', duty: 'emergencyNurse', messages: ['Akuttmedisinkurs utløp 01.10.2026'] }, 'nb')).toBe('Akuttmedisinkurs utløp 01.10.2026');
    expect(blockerText(en.t, { code: 'competence', duty: 'legevakt', messages: [] }, 'en')).toBe('no valid competence');
  });
});
