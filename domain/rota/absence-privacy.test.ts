// Tests for private absence reasons: who sees the kind, and what a colleague gets instead (absence and warning).
import { describe, expect, it } from 'vitest';
import { canSeeAbsenceReason, visibleAbsence, visibleWarning } from './absence-privacy';
import type { Absence } from './types';
import type { RotaWarning } from './warnings';

const absence: Absence = { id: 'a1', staffId: 'kari', from: '2026-11-23', to: '2026-11-27', kind: 'sick', note: 'Legeerklæring kommer' };
const warning: RotaWarning = {
  id: 'absence:s1:a1',
  kind: 'absence',
  severity: 'error',
  officeId: 'o1',
  staffIds: ['kari'],
  date: '2026-11-24',
  shiftIds: ['s1'],
  message: 'Kari Berg tirsdag 24.11.: har sykefravær (23.11.–27.11.2026), men står på klinikk ved Grong legekontor 08:00–15:30. Fjern vakten eller sett opp en annen.',
  details: { absenceId: 'a1', absenceKind: 'sick', from: '2026-11-23', to: '2026-11-27' },
};

describe('private absence reasons', () => {
  it('shows the reason to the person herself, leads and admins, and not to a colleague', () => {
    expect(canSeeAbsenceReason({ staffId: 'kari', roles: ['nurse'] }, 'kari')).toBe(true);
    expect(canSeeAbsenceReason({ staffId: 'leder', roles: ['lead'] }, 'kari')).toBe(true);
    expect(canSeeAbsenceReason({ staffId: 'admin', roles: ['admin'] }, 'kari')).toBe(true);
    expect(canSeeAbsenceReason({ staffId: 'lege', roles: ['doctor'] }, 'kari')).toBe(false);
    expect(canSeeAbsenceReason({ staffId: 'ola', roles: ['nurse', 'receptionist'] }, 'kari')).toBe(false);
  });

  it('gives a colleague the absence without kind and note', () => {
    expect(visibleAbsence({ staffId: 'ola', roles: ['nurse'] }, absence)).toEqual({ ...absence, kind: null, note: null });
    expect(visibleAbsence({ staffId: 'kari', roles: ['nurse'] }, absence)).toEqual(absence);
  });

  it('says "fravær" instead of the kind in a warning about a colleague, in the text and the details', () => {
    const seen = visibleWarning({ staffId: 'ola', roles: ['doctor'] }, warning);
    expect(seen.message).toContain('har fravær (23.11.–27.11.2026)');
    expect(seen.message).not.toContain('syk');
    expect(seen.kind === 'absence' && seen.details.absenceKind).toBeNull();
    expect(visibleWarning({ staffId: 'leder', roles: ['lead'] }, warning)).toBe(warning);
    const other = { ...warning, kind: 'rest' } as unknown as RotaWarning;
    expect(visibleWarning({ staffId: 'ola', roles: ['doctor'] }, other)).toBe(other);
  });
});
