// "Hvem kan dekke?" as text: one line per candidate ("video fra Grong · ledig · ingen nye varsler"), why someone cannot take it, the gap's intro.
import type { CoverBlocker, CoverCandidate } from '../../../domain/rota/cover';
import type { Translator } from '../i18n';
import { formatDate } from './dates';
import type { Language } from '../stores/language';

type T = Translator['t'];

/** '1 t 30 min', '10 t', '45 min'. */
export function durationText(t: T, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return t('cover.minutes', { m });
  return m === 0 ? t('cover.hours', { h }) : t('cover.hoursMinutes', { h, m });
}

function hoursLimit(minutes: number): string {
  return String(Math.round(minutes / 6) / 10);
}

function placeText(t: T, candidate: CoverCandidate, officeName: (id: string) => string): string {
  const { facts } = candidate;
  if (candidate.mode === 'video') return facts.videoFromOfficeId ? t('cover.videoFrom', { office: officeName(facts.videoFromOfficeId) }) : t('cover.video');
  const travel = facts.travel;
  if (!travel || travel.minutes === null) return t('cover.drivingUnknown');
  if (travel.minutes === 0) return t('cover.noDriving');
  const duration = durationText(t, travel.minutes);
  return travel.from === 'previousShift' && travel.fromOfficeId
    ? t('cover.drivingFromShift', { duration, office: officeName(travel.fromOfficeId) })
    : t('cover.driving', { duration });
}

/**
 * What makes the person fit and what it would still cost, after the name: how they get there, free that day, rest under
 * the limit, hours over the limits, the competence that was required, and the new warnings (none, or how many).
 */
export function candidateParts(t: T, candidate: CoverCandidate, officeName: (id: string) => string): string[] {
  const { facts } = candidate;
  const parts = [placeText(t, candidate, officeName), t(facts.freeThatDay ? 'cover.free' : 'cover.notFree')];
  if (facts.restMinutes !== null && facts.restMinutes < facts.minRestMinutes) {
    parts.push(t('cover.restShort', { duration: durationText(t, facts.restMinutes), hours: hoursLimit(facts.minRestMinutes) }));
  }
  if (facts.dayMinutes > facts.maxDayMinutes) parts.push(t('cover.dayOver', { duration: durationText(t, facts.dayMinutes), hours: hoursLimit(facts.maxDayMinutes) }));
  if (facts.weekMinutes > facts.maxWeekMinutes) parts.push(t('cover.weekOver', { duration: durationText(t, facts.weekMinutes), hours: hoursLimit(facts.maxWeekMinutes) }));
  if (facts.competence?.valid) parts.push(t(facts.competence.duty === 'legevakt' ? 'cover.competenceValid.legevakt' : 'cover.competenceValid.emergencyNurse'));
  parts.push(candidate.warnings.length === 0 ? t('cover.noNewWarnings') : t('cover.newWarnings', { count: candidate.warnings.length }));
  return parts;
}

/** Why someone cannot take it: the absence's dates (never its reason), a shift at the same time, or the competence problems. */
export function blockerText(t: T, blocker: CoverBlocker, language: Language): string {
  switch (blocker.code) {
    case 'absent':
      return t('cover.blocked.absent', { from: formatDate(blocker.from, language), to: formatDate(blocker.to, language) });
    case 'busy':
      return t('cover.blocked.busy');
    case 'competence':
      return blocker.messages.length > 0 ? blocker.messages.join(', ') : t('cover.blocked.competence');
  }
}
