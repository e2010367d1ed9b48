// The reason shape the routine rules answer with: a code the UI can translate, a Norwegian message, and the values in it.
export type ReasonParams = Readonly<Record<string, string | number | null>>;

export interface Reason<Code extends string = string> {
  code: Code;
  /** Norwegian (bokmål), ready to show: "Akuttmedisinkurs utløp 01.10.2026". */
  message: string;
  /** The values in the message (dates 'YYYY-MM-DD', versions, ids), for a translated text. */
  params: ReasonParams;
}

export function reason<Code extends string>(code: Code, message: string, params: ReasonParams = {}): Reason<Code> {
  return { code, message, params };
}
