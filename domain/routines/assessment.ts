// The nurse's criteria check for one patient: every inclusion criterion met and no exclusion or red flag present → treat under the routine; otherwise contact a doctor.
import type { ExclusionCriterion, Routine } from './types';

export type AssessmentOutcome = 'treat' | 'contactDoctor' | 'incomplete';

/** The nurse's ticks, by position in the routine version's lists: true = met / present, false = not, null/undefined = not answered. */
export interface CriteriaAnswers {
  inclusion: readonly (boolean | null | undefined)[];
  exclusion: readonly (boolean | null | undefined)[];
}

export interface PatientAssessment {
  outcome: AssessmentOutcome;
  /** "Kan behandles etter rutinen", "Kontakt lege" or "Svar på alle kriteriene". */
  message: string;
  /** A red flag is present: contact a doctor now. */
  urgent: boolean;
  unmetInclusion: string[];
  presentExclusions: ExclusionCriterion[];
  unanswered: number;
}

export const ASSESSMENT_MESSAGES_NB: Readonly<Record<AssessmentOutcome, string>> = {
  treat: 'Kan behandles etter rutinen',
  contactDoctor: 'Kontakt lege',
  incomplete: 'Svar på alle kriteriene',
};

/**
 * Any exclusion or red flag present, or any inclusion criterion not met → contactDoctor (even if others are
 * unanswered: the answer cannot become "treat"). Otherwise, anything unanswered → incomplete. Otherwise → treat.
 * Whether the nurse may use the routine at all is mayUseRoutine's question; the screen needs both to say yes.
 */
export function assessPatient(routine: Pick<Routine, 'inclusionCriteria' | 'exclusionCriteria'>, answers: CriteriaAnswers): PatientAssessment {
  let unanswered = 0;
  const unmetInclusion: string[] = [];
  routine.inclusionCriteria.forEach((text, i) => {
    const answer = answers.inclusion[i];
    if (answer === false) unmetInclusion.push(text);
    else if (answer !== true) unanswered += 1;
  });
  const presentExclusions: ExclusionCriterion[] = [];
  routine.exclusionCriteria.forEach((criterion, i) => {
    const answer = answers.exclusion[i];
    if (answer === true) presentExclusions.push(criterion);
    else if (answer !== false) unanswered += 1;
  });
  const urgent = presentExclusions.some((criterion) => criterion.redFlag);
  const outcome: AssessmentOutcome = unmetInclusion.length > 0 || presentExclusions.length > 0 ? 'contactDoctor' : unanswered > 0 ? 'incomplete' : 'treat';
  return { outcome, message: ASSESSMENT_MESSAGES_NB[outcome], urgent, unmetInclusion, presentExclusions, unanswered };
}
