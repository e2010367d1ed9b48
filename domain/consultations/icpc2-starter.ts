// ICPC-2 starter list for nurse consultations (titles written by us, not the licensed official texts), search and chapter names.

export interface Icpc2Code {
  /** Chapter letter and two digits, e.g. `U71`. */
  code: string;
  /** Short Norwegian title in plain words. */
  title: string;
  /** Extra search words (common names, abbreviations). */
  keywords?: readonly string[];
}

/**
 * Common reasons for simple nurse consultations. The titles are our own short paraphrases, deliberately not the
 * official Wonca/Norwegian wording; an office can import the official code file it already has.
 */
export const ICPC2_STARTER: readonly Icpc2Code[] = [
  { code: 'A03', title: 'Feber', keywords: ['temperatur'] },
  { code: 'A04', title: 'Tretthet eller slapphet' },
  { code: 'A11', title: 'Smerter i brystet, uavklart' },
  { code: 'A77', title: 'Virusinfeksjon, annen eller uavklart', keywords: ['virus'] },
  { code: 'A85', title: 'Bivirkning av legemiddel', keywords: ['medisin'] },
  { code: 'A92', title: 'Allergisk reaksjon', keywords: ['allergi'] },
  { code: 'A98', title: 'Forebygging og helsekontroll', keywords: ['vaksine', 'vaksinasjon'] },
  { code: 'D01', title: 'Vondt i magen', keywords: ['magesmerter'] },
  { code: 'D09', title: 'Kvalme' },
  { code: 'D10', title: 'Oppkast', keywords: ['brekninger'] },
  { code: 'D11', title: 'Diaré', keywords: ['løs mage'] },
  { code: 'D12', title: 'Treg mage / forstoppelse', keywords: ['obstipasjon'] },
  { code: 'D73', title: 'Omgangssyke / mage-tarminfeksjon', keywords: ['gastroenteritt'] },
  { code: 'F02', title: 'Rødt øye' },
  { code: 'F70', title: 'Øyekatarr / smittsom øyebetennelse', keywords: ['konjunktivitt'] },
  { code: 'F76', title: 'Noe i øyet (fremmedlegeme)', keywords: ['fremmedlegeme'] },
  { code: 'H01', title: 'Øreverk / vondt i øret', keywords: ['øresmerter', 'øresmerte'] },
  { code: 'H70', title: 'Betennelse i ytre øregang', keywords: ['otitt'] },
  { code: 'H71', title: 'Mellomørebetennelse', keywords: ['otitt', 'øreverk'] },
  { code: 'H81', title: 'Ørevoks som tetter øret', keywords: ['voks'] },
  { code: 'K85', title: 'Høyt blodtrykk målt, uten diagnose', keywords: ['blodtrykk'] },
  { code: 'K86', title: 'Høyt blodtrykk uten komplikasjoner', keywords: ['hypertensjon'] },
  { code: 'L03', title: 'Vondt i korsryggen', keywords: ['rygg', 'lumbago'] },
  { code: 'L18', title: 'Muskelsmerter', keywords: ['myalgi'] },
  { code: 'L77', title: 'Forstuet eller overtråkket ankel', keywords: ['ankel', 'vrikket'] },
  { code: 'L79', title: 'Forstuet ledd, annet sted' },
  { code: 'L81', title: 'Skade i muskler eller skjelett, annen' },
  { code: 'N01', title: 'Hodepine' },
  { code: 'N17', title: 'Svimmelhet', keywords: ['vertigo'] },
  { code: 'N79', title: 'Hjernerystelse', keywords: ['commotio'] },
  { code: 'P06', title: 'Søvnvansker', keywords: ['søvnløshet', 'insomni'] },
  { code: 'P74', title: 'Angst', keywords: ['uro'] },
  { code: 'R05', title: 'Hoste' },
  { code: 'R07', title: 'Tett nese eller nysing', keywords: ['snue'] },
  { code: 'R21', title: 'Sår hals eller andre halsplager', keywords: ['halsvondt'] },
  { code: 'R72', title: 'Halsbetennelse med streptokokker', keywords: ['strep', 'streptokokk'] },
  { code: 'R74', title: 'Forkjølelse / øvre luftveisinfeksjon', keywords: ['ovi', 'snue'] },
  { code: 'R75', title: 'Bihulebetennelse', keywords: ['sinusitt'] },
  { code: 'R76', title: 'Betente mandler (tonsillitt)', keywords: ['tonsillitt'] },
  { code: 'R78', title: 'Akutt bronkitt', keywords: ['bronkiolitt'] },
  { code: 'R80', title: 'Influensa', keywords: ['flu'] },
  { code: 'R81', title: 'Lungebetennelse', keywords: ['pneumoni'] },
  { code: 'R96', title: 'Astma' },
  { code: 'S03', title: 'Vorter' },
  { code: 'S10', title: 'Byll', keywords: ['furunkel'] },
  { code: 'S12', title: 'Insektstikk eller insektbitt', keywords: ['veps', 'bie', 'mygg'] },
  { code: 'S14', title: 'Brannskade eller skålding', keywords: ['forbrenning'] },
  { code: 'S16', title: 'Blåmerke / støt mot huden', keywords: ['kontusjon'] },
  { code: 'S17', title: 'Skrubbsår, riper eller gnagsår', keywords: ['gnagsår'] },
  { code: 'S18', title: 'Kutt eller rift i huden', keywords: ['sår', 'kuttskade', 'sying'] },
  { code: 'S74', title: 'Soppinfeksjon i huden', keywords: ['sopp', 'fotsopp'] },
  { code: 'S84', title: 'Brennkopper (impetigo)', keywords: ['impetigo'] },
  { code: 'S87', title: 'Atopisk eksem', keywords: ['eksem'] },
  { code: 'S88', title: 'Kontakteksem / allergisk hudutslett', keywords: ['eksem', 'utslett'] },
  { code: 'S98', title: 'Elveblest (urtikaria)', keywords: ['urtikaria', 'kløe', 'neslefeber'] },
  { code: 'T90', title: 'Diabetes type 2', keywords: ['sukkersyke'] },
  { code: 'U01', title: 'Svie eller smerter ved vannlating', keywords: ['dysuri'] },
  { code: 'U71', title: 'Blærekatarr / urinveisinfeksjon', keywords: ['cystitt', 'uvi'] },
  { code: 'W78', title: 'Graviditet', keywords: ['gravid'] },
  { code: 'X14', title: 'Utflod fra skjeden' },
  { code: 'X72', title: 'Soppinfeksjon i underlivet hos kvinne', keywords: ['candida', 'sopp'] },
];

/** Chapter letters of ICPC-2 with short Norwegian names written by us. */
export const ICPC2_CHAPTERS: Readonly<Record<string, string>> = {
  A: 'Allment og uspesifisert',
  B: 'Blod og immunsystem',
  D: 'Fordøyelse',
  F: 'Øye',
  H: 'Øre',
  K: 'Hjerte og kar',
  L: 'Muskler og skjelett',
  N: 'Nervesystemet',
  P: 'Psykisk',
  R: 'Luftveier',
  S: 'Hud',
  T: 'Stoffskifte og ernæring',
  U: 'Urinveier',
  W: 'Svangerskap og familieplanlegging',
  X: 'Kvinnelige kjønnsorganer',
  Y: 'Mannlige kjønnsorganer',
  Z: 'Sosiale forhold',
};

/** True for a well-formed code: a known chapter letter and two digits (case-insensitive). */
export function isIcpc2Code(code: string): boolean {
  const value = code.trim().toUpperCase();
  return /^[A-Z]\d{2}$/.test(value) && Object.hasOwn(ICPC2_CHAPTERS, value.charAt(0));
}

/** The chapter of a code (by its first letter), or null when the letter is no ICPC-2 chapter. */
export function icpc2Chapter(code: string): { letter: string; name: string } | null {
  const letter = code.trim().charAt(0).toUpperCase();
  const name = Object.hasOwn(ICPC2_CHAPTERS, letter) ? ICPC2_CHAPTERS[letter] : undefined;
  return name === undefined ? null : { letter, name };
}

/**
 * Folds text for matching: lower case, accents removed, and the Norwegian letters reduced so that
 * "blære", "blaere" and "blare" (or "kjøtt", "kjoett", "kjott") compare equal.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o');
}

function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Searches by code prefix ("u7", "U71") or by words in the title and keywords ("blære", "hals strep").
 * Every word of the query must match. Order: exact code, code prefix, word starts, then words found inside
 * compound words ("katarr" finds "blærekatarr"); ties keep the list order. An empty query returns the whole list.
 */
export function searchIcpc2<T extends Icpc2Code>(query: string, list: readonly T[], limit?: number): T[] {
  const trimmed = query.trim();
  if (trimmed === '') return limit === undefined ? [...list] : list.slice(0, limit);
  const upper = trimmed.toUpperCase();
  const queryWords = words(trimmed);
  const looksLikeCode = /^[A-Z]\d{0,2}$/.test(upper);

  const scored: Array<{ item: T; score: number; index: number }> = [];
  list.forEach((item, index) => {
    const code = item.code.toUpperCase();
    let score: number | null = null;
    if (code === upper) score = 0;
    else if (looksLikeCode && code.startsWith(upper)) score = 1;
    else if (queryWords.length > 0) {
      const haystack = [item.title, ...(item.keywords ?? [])].join(' ');
      const itemWords = words(haystack);
      if (queryWords.every((q) => itemWords.some((w) => w.startsWith(q)))) score = 2;
      else if (queryWords.every((q) => itemWords.some((w) => w.includes(q)))) score = 3;
    }
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  const items = scored.map((s) => s.item);
  return limit === undefined ? items : items.slice(0, limit);
}
