// Parsing of numbers and times typed into form fields, shared by the forms' pure conversion modules.

/** Empty means "not given" (null); anything that is not a plain number becomes NaN so validation reports it. */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Tidies a typed time of day: "8" → "08:00", "830" → "08:30", "0800" → "08:00", "8.30" → "08:30".
 * Anything else is returned as typed, so validation can say it is wrong.
 */
export function normaliseTime(text: string): string {
  const trimmed = text.trim().replace(/[.,\s]/, ':');
  let match = /^(\d{1,2})$/.exec(trimmed);
  if (match) return `${match[1]!.padStart(2, '0')}:00`;
  match = /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (match) return `${match[1]!.padStart(2, '0')}:${match[2]}`;
  match = /^(\d{1,2}):(\d{1,2})$/.exec(trimmed);
  if (match) return `${match[1]!.padStart(2, '0')}:${match[2]!.padStart(2, '0')}`;
  return text.trim();
}
