// Synthetic test identity numbers (month + 80, never issued to real people) for the example dataset, tests and benchmarks.
import { birthYearFromIndividual, computeCheckDigits } from './identity';

/**
 * A valid synthetic number for a birth date, starting the search at `seed` among the individual numbers that fit the
 * century. Deterministic: the same date and seed give the same number. Null only if no individual number fits (never in
 * practice: about 4 in 10 individual numbers give valid check digits).
 */
export function syntheticIdentityNumber(birthDate: string, seed = 0): string | null {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const yy = year % 100;
  const first = String(day).padStart(2, '0') + String(month + 80).padStart(2, '0') + String(yy).padStart(2, '0');
  for (let step = 0; step < 1000; step += 1) {
    const individual = (seed + step) % 1000;
    if (birthYearFromIndividual(yy, individual) !== year) continue;
    const firstNine = first + String(individual).padStart(3, '0');
    const check = computeCheckDigits(firstNine);
    if (check) return firstNine + check;
  }
  return null;
}
