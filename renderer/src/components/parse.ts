// Parsing of numbers typed into form fields, shared by the forms' pure conversion modules.

/** Empty means "not given" (null); anything that is not a plain number becomes NaN so validation reports it. */
export function parseTypedNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
