// checkWeek: every rota rule for one ISO week, as one pure function returning sorted warnings (see docs/rota-rules.md).
import { buildContext } from './context';
import type { CheckWeekInput } from './context';
import { checkOffices } from './officeRules';
import { checkPeople } from './personRules';
import { compareWarnings } from './warnings';
import type { RotaWarning } from './warnings';

export type { CheckWeekInput, RotaLimits, RotaOffice, RotaStaff } from './context';
export { DEFAULT_ROTA_LIMITS } from './context';

/**
 * Checks the plan for one ISO week: double booking, driving time, rest, hours per day and week, shifts during absence,
 * doctor and nurse cover of open offices (and emergency nurses when a competence lookup is given), shifts on public
 * holidays. Returns warnings dated inside the week, ordered by date, errors first. Cost O(n log n) in the shifts passed.
 */
export function checkWeek(input: CheckWeekInput): RotaWarning[] {
  const ctx = buildContext(input);
  const warnings: RotaWarning[] = [];
  checkPeople(ctx, warnings);
  checkOffices(ctx, warnings);
  return warnings.sort(compareWarnings);
}
