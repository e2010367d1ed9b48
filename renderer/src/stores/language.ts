// The UI language (nb default, en selectable), remembered on this computer in localStorage.
import { create } from 'zustand';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'samvakt.language';

export function parseLanguage(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'nb';
}

function readStoredLanguage(): Language {
  try {
    return parseLanguage(globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return 'nb';
  }
}

function applyToDocument(language: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const useLanguage = create<LanguageState>((set) => {
  const initial = readStoredLanguage();
  applyToDocument(initial);
  return {
    language: initial,
    setLanguage(language) {
      try {
        globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Storage may be unavailable (private mode); the choice then lasts until the window closes.
      }
      applyToDocument(language);
      set({ language });
    },
  };
});
