// Translation: a typed t(key, params) per language, plus texts for API errors and field errors.
import type { Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { nb as nbLocale } from 'date-fns/locale/nb';
import { MIN_PASSWORD_LENGTH } from '../../../domain/users';
import type { ClientApiError, ErrorCode } from '../api/errors';
import { useLanguage } from '../stores/language';
import type { Language } from '../stores/language';
import type { FormFieldErrorCode } from './codes';
import { en } from './en';
import { formatMessage } from './format';
import type { MessageParams } from './format';
import { nb } from './nb';
import type { Catalog, MessageKey } from './nb';

export type { MessageKey } from './nb';
export type { MessageParams } from './format';

export const CATALOGS: Record<Language, Catalog> = { nb, en };
const DATE_LOCALES: Record<Language, Locale> = { nb: nbLocale, en: enGB };

export interface Translator {
  language: Language;
  dateLocale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** What happened and what to do, for a failed call. */
  errorText(error: ClientApiError): string;
  fieldErrorText(code: FormFieldErrorCode): string;
}

function hasOwn<T extends object>(map: T, key: PropertyKey): key is keyof T {
  return Object.prototype.hasOwnProperty.call(map, key);
}

export function createTranslator(language: Language): Translator {
  const catalog = CATALOGS[language];
  return {
    language,
    dateLocale: DATE_LOCALES[language],
    t: (key, params) => formatMessage(catalog.messages[key], params),
    errorText(error) {
      // A newer backend may send a code this renderer does not know yet: say something useful anyway.
      const code: ErrorCode = hasOwn(catalog.errors, error.code) ? error.code : 'internal';
      return formatMessage(catalog.errors[code], error.params);
    },
    fieldErrorText(code) {
      const template = hasOwn(catalog.fieldErrors, code) ? catalog.fieldErrors[code] : catalog.fieldErrors.invalidFormat;
      return formatMessage(template, { min: MIN_PASSWORD_LENGTH });
    },
  };
}

const translators = new Map<Language, Translator>();

export function getTranslator(language: Language): Translator {
  let translator = translators.get(language);
  if (!translator) {
    translator = createTranslator(language);
    translators.set(language, translator);
  }
  return translator;
}

/** The translator for the current UI language; components re-render when the language changes. */
export function useT(): Translator {
  return getTranslator(useLanguage((state) => state.language));
}
