// Tests for the nurse's criteria check: treat, contact a doctor (urgent on a red flag), and incomplete answers.
import { describe, expect, it } from 'vitest';
import { assessPatient } from './assessment';
import { routine } from './testFixtures';

// inclusion: ['Kvinne 18–65 år', 'Positiv urinstiks']; exclusion: [Feber (red flag), Gravid]
const r = routine();

describe('assessPatient', () => {
  it('says "Kan behandles etter rutinen" when every inclusion is met and no exclusion is present', () => {
    expect(assessPatient(r, { inclusion: [true, true], exclusion: [false, false] })).toEqual({
      outcome: 'treat',
      message: 'Kan behandles etter rutinen',
      urgent: false,
      unmetInclusion: [],
      presentExclusions: [],
      unanswered: 0,
    });
  });

  it('says "Kontakt lege" for any exclusion, urgently for a red flag, even with questions left', () => {
    const pregnant = assessPatient(r, { inclusion: [true, true], exclusion: [false, true] });
    expect(pregnant).toMatchObject({ outcome: 'contactDoctor', message: 'Kontakt lege', urgent: false, presentExclusions: [{ text: 'Gravid', redFlag: false }] });
    const fever = assessPatient(r, { inclusion: [], exclusion: [true] });
    expect(fever).toMatchObject({ outcome: 'contactDoctor', urgent: true, unanswered: 3 });
  });

  it('says "Kontakt lege" when an inclusion criterion is not met', () => {
    expect(assessPatient(r, { inclusion: [true, false], exclusion: [false, false] })).toMatchObject({ outcome: 'contactDoctor', unmetInclusion: ['Positiv urinstiks'], urgent: false });
  });

  it('asks for the rest while anything is unanswered', () => {
    expect(assessPatient(r, { inclusion: [true, true], exclusion: [false, null] })).toMatchObject({ outcome: 'incomplete', message: 'Svar på alle kriteriene', unanswered: 1 });
    expect(assessPatient(r, { inclusion: [], exclusion: [] })).toMatchObject({ outcome: 'incomplete', unanswered: 4 });
  });
});
