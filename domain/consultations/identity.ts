// Norwegian identity numbers (fødselsnummer, D-, H- and synthetic numbers): validation, masking and live feedback while typing.
import { z } from 'zod';

export type IdentityKind = 'fodselsnummer' | 'dNumber' | 'hNumber' | 'synthetic';
export type IdentitySex = 'female' | 'male';
export type IdentityErrorCode = 'length' | 'digits' | 'date' | 'checkDigit' | 'synthetic';
/** Which first-check-digit rule the number satisfied: the classic one, or only the wider one used from 2032. */
export type CheckDigitRule = 'classic' | 'from2032';

export interface IdentityValid {
  ok: true;
  kind: IdentityKind;
  /** The number as 11 digits, whitespace removed. */
  number: string;
  /** The real birth date (offsets removed), `YYYY-MM-DD`. */
  birthDate: string;
  /** Extra information only: null when the number needed the 2032 rule (sex cannot be read from such numbers). */
  sex: IdentitySex | null;
  checkDigitRule: CheckDigitRule;
}

export interface IdentityInvalid {
  ok: false;
  code: IdentityErrorCode;
  /** Norwegian (bokmål) message for the user. */
  message: string;
}

export type IdentityResult = IdentityValid | IdentityInvalid;

export interface IdentityOptions {
  /** Demo/test mode: accept synthetic test numbers (month + 80). Default false: they are refused. */
  allowSynthetic?: boolean;
  /** When given (`YYYY-MM-DD`), a birth date after this day is refused. */
  today?: string;
}

export const IDENTITY_LENGTH = 11;

export const IDENTITY_MESSAGES = {
  length: 'Fødselsnummeret må ha 11 siffer',
  digits: 'Fødselsnummeret kan bare inneholde siffer',
  checkDigit: 'Kontrollsifferet stemmer ikke',
  synthetic: 'Syntetiske testnumre er bare tillatt i demo- og testmodus',
  dateMissing: 'Fødselsdatoen i nummeret finnes ikke',
  century: 'Individnummeret passer ikke med fødselsåret',
  dAndH: 'Et nummer kan ikke være både D-nummer og H-nummer',
} as const;

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes whitespace, so "010170 12345" and "01017012345" are the same number. */
export function normalizeIdentityInput(input: string): string {
  return input.replace(/\s+/g, '');
}

function toDigits(value: string): number[] {
  return Array.from(value, (ch) => ch.charCodeAt(0) - 48);
}

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/**
 * Computes the two check digits for the first nine digits.
 * `k1Remainder` 0 gives the classic number; 1–3 give the alternatives allowed from 2032
 * (the weighted sum including k1 leaves that remainder mod 11). Returns null when no digit fits
 * (a computed value of 10), which means that individual number cannot be used with that rule.
 */
export function computeCheckDigits(firstNine: string, k1Remainder: 0 | 1 | 2 | 3 = 0): string | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const digits = toDigits(firstNine);
  const k1 = (((k1Remainder - weightedSum(digits, K1_WEIGHTS)) % 11) + 11) % 11;
  if (k1 === 10) return null;
  const k2Raw = 11 - (weightedSum([...digits, k1], K2_WEIGHTS) % 11);
  const k2 = k2Raw === 11 ? 0 : k2Raw;
  if (k2 === 10) return null;
  return `${k1}${k2}`;
}

/** Which rule, if any, the two check digits satisfy. */
function checkDigitRuleOf(digits: readonly number[]): CheckDigitRule | null {
  const k1 = digits[9] ?? 0;
  const k2 = digits[10] ?? 0;
  const k1Remainder = (weightedSum(digits, K1_WEIGHTS) + k1) % 11;
  if (k1Remainder > 3) return null;
  // k2 keeps the classic rule: the weighted sum including k2 (weight 1) is divisible by 11.
  if ((weightedSum(digits, K2_WEIGHTS) + k2) % 11 !== 0) return null;
  return k1Remainder === 0 ? 'classic' : 'from2032';
}

/** The full birth year from the two-digit year and the three individual digits, or null when no range fits. */
export function birthYearFromIndividual(twoDigitYear: number, individual: number): number | null {
  if (individual >= 0 && individual <= 499) return 1900 + twoDigitYear;
  if (individual >= 500 && individual <= 749 && twoDigitYear >= 54) return 1800 + twoDigitYear;
  if (individual >= 500 && individual <= 999 && twoDigitYear <= 39) return 2000 + twoDigitYear;
  if (individual >= 900 && individual <= 999 && twoDigitYear >= 40) return 1900 + twoDigitYear;
  return null;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function invalid(code: IdentityErrorCode, message: string): IdentityInvalid {
  return { ok: false, code, message };
}

/** Validates a complete identity number. Pure; never throws. */
export function validateIdentityNumber(input: string, options: IdentityOptions = {}): IdentityResult {
  const number = normalizeIdentityInput(input);
  if (!/^\d*$/.test(number)) return invalid('digits', IDENTITY_MESSAGES.digits);
  if (number.length !== IDENTITY_LENGTH) return invalid('length', IDENTITY_MESSAGES.length);
  const digits = toDigits(number);

  let day = Number(number.slice(0, 2));
  let month = Number(number.slice(2, 4));
  const twoDigitYear = Number(number.slice(4, 6));
  const individual = Number(number.slice(6, 9));

  const isD = day > 40;
  if (isD) day -= 40;
  let kind: IdentityKind = isD ? 'dNumber' : 'fodselsnummer';
  if (month > 80) {
    month -= 80;
    kind = 'synthetic';
  } else if (month > 40) {
    if (isD) return invalid('date', IDENTITY_MESSAGES.dAndH);
    month -= 40;
    kind = 'hNumber';
  }

  const year = birthYearFromIndividual(twoDigitYear, individual);
  if (year === null) return invalid('date', IDENTITY_MESSAGES.century);
  if (!isRealDate(year, month, day)) {
    const shown = month >= 1 && month <= 12 && day >= 1 && day <= 31 ? ` (${pad2(day)}.${pad2(month)}.${year})` : '';
    return invalid('date', `${IDENTITY_MESSAGES.dateMissing}${shown}`);
  }
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (options.today !== undefined && birthDate > options.today) {
    return invalid('date', `Fødselsdatoen ligger fram i tid (${pad2(day)}.${pad2(month)}.${year})`);
  }

  const rule = checkDigitRuleOf(digits);
  if (rule === null) return invalid('checkDigit', IDENTITY_MESSAGES.checkDigit);

  if (kind === 'synthetic' && options.allowSynthetic !== true) {
    return invalid('synthetic', IDENTITY_MESSAGES.synthetic);
  }

  const sex: IdentitySex | null = rule === 'classic' ? ((digits[8] ?? 0) % 2 === 1 ? 'male' : 'female') : null;
  return { ok: true, kind, number, birthDate, sex, checkDigitRule: rule };
}

/** Norwegian name of a kind, lower case, for labels and messages. */
export function describeIdentityKind(kind: IdentityKind): string {
  switch (kind) {
    case 'fodselsnummer':
      return 'fødselsnummer';
    case 'dNumber':
      return 'D-nummer';
    case 'hNumber':
      return 'H-nummer';
    case 'synthetic':
      return 'syntetisk testnummer';
  }
}

/**
 * Masks a number for lists: the six date digits stay, the personal part becomes `*****`.
 * Anything that is not 11 digits is masked completely so nothing leaks.
 */
export function maskIdentityNumber(input: string): string {
  const number = normalizeIdentityInput(input);
  if (/^\d{11}$/.test(number)) return `${number.slice(0, 6)}*****`;
  return '*'.repeat(IDENTITY_LENGTH);
}

export type PartialIdentityFeedback =
  | { state: 'empty'; message: null; showError: false }
  | { state: 'incomplete'; message: string; showError: false; digitCount: number }
  | { state: 'invalid'; message: string; showError: true; code: IdentityErrorCode }
  | { state: 'valid'; message: string; showError: false; result: IdentityValid };

function formatNorwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Live feedback while the user types: fewer than 11 digits is a neutral hint ("Skriv 11 siffer (x av 11)"),
 * not an error. Letters, too many digits, or a complete but invalid number are errors.
 */
export function identityInputFeedback(input: string, options: IdentityOptions = {}): PartialIdentityFeedback {
  const number = normalizeIdentityInput(input);
  if (number.length === 0) return { state: 'empty', message: null, showError: false };
  if (!/^\d+$/.test(number)) return { state: 'invalid', message: IDENTITY_MESSAGES.digits, showError: true, code: 'digits' };
  if (number.length < IDENTITY_LENGTH) {
    return {
      state: 'incomplete',
      message: `Skriv ${IDENTITY_LENGTH} siffer (${number.length} av ${IDENTITY_LENGTH})`,
      showError: false,
      digitCount: number.length,
    };
  }
  const result = validateIdentityNumber(number, options);
  if (!result.ok) return { state: 'invalid', message: result.message, showError: true, code: result.code };
  const kindLabel = describeIdentityKind(result.kind);
  const message = `Gyldig ${kindLabel}, født ${formatNorwegianDate(result.birthDate)}`;
  return { state: 'valid', message, showError: false, result };
}

/** zod schema for forms and API input: validates and outputs the normalised 11 digits. */
export function identityNumberSchema(options: IdentityOptions = {}) {
  return z
    .string()
    .transform((value) => normalizeIdentityInput(value))
    .superRefine((value, ctx) => {
      const result = validateIdentityNumber(value, options);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message, params: { identityCode: result.code } });
    });
}
