// Tests for the translation catalogues: nb and en have the same keys and placeholders, and every error code has a text.
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- test only, never bundled: checks the catalogues against the backend's runtime list
import { APP_ERROR_CODES } from '../../../backend/errors';
import { FIELD_ERROR_CODES } from '../../../domain/validation';
import { CLIENT_ERROR_CODES } from '../api/errors';
import { FORM_ONLY_FIELD_ERROR_CODES } from './codes';
import { en } from './en';
import { nb } from './nb';
import type { Catalog } from './nb';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((match) => match[1]).sort();

function sections(catalog: Catalog): Record<string, Record<string, string>> {
  return { messages: catalog.messages, errors: catalog.errors, fieldErrors: catalog.fieldErrors };
}

describe('translation catalogues', () => {
  it('have exactly the same keys in nb and en', () => {
    for (const [name, section] of Object.entries(sections(nb))) {
      expect(Object.keys(sections(en)[name]!).sort(), name).toEqual(Object.keys(section).sort());
    }
  });

  it('use the same placeholders in both languages and never leave a text empty', () => {
    for (const [name, section] of Object.entries(sections(nb))) {
      const english = sections(en)[name]!;
      for (const [key, text] of Object.entries(section)) {
        expect(text.trim(), `nb ${name}.${key}`).not.toBe('');
        expect(english[key]!.trim(), `en ${name}.${key}`).not.toBe('');
        expect(placeholders(english[key]!), `${name}.${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('explain every backend error code and every client-side failure', () => {
    for (const catalog of [nb, en]) {
      for (const code of [...APP_ERROR_CODES, ...CLIENT_ERROR_CODES]) expect(catalog.errors[code], code).toBeTruthy();
    }
  });

  it('explain every field error code of the domain and of the forms', () => {
    for (const catalog of [nb, en]) {
      for (const code of [...FIELD_ERROR_CODES, ...FORM_ONLY_FIELD_ERROR_CODES]) expect(catalog.fieldErrors[code], code).toBeTruthy();
    }
  });

  it('say the network failure in Norwegian by default', () => {
    expect(nb.errors['client.unreachable']).toMatch(/^Fikk ikke kontakt med Samvakt-tjenesten på denne maskinen/);
  });
});
