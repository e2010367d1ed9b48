// Tests for message formatting and the mapping from API errors and field errors to texts.
import { describe, expect, it } from 'vitest';
import { formatMessage } from './format';
import { createTranslator } from './index';

describe('formatMessage', () => {
  it('fills named parameters and leaves unknown ones visible', () => {
    expect(formatMessage('Endre {name}', { name: 'Grong legekontor' })).toBe('Endre Grong legekontor');
    expect(formatMessage('Hei {who}')).toBe('Hei {who}');
  });

  it('chooses singular or plural by a number', () => {
    const template = '{count} {count:ansatt|ansatte}';
    expect(formatMessage(template, { count: 1 })).toBe('1 ansatt');
    expect(formatMessage(template, { count: 3 })).toBe('3 ansatte');
    expect(formatMessage(template, { count: 0 })).toBe('0 ansatte');
  });
});

describe('error texts', () => {
  const nb = createTranslator('nb');
  const en = createTranslator('en');

  it('explains an office in use with its name and count', () => {
    const text = nb.errorText({ code: 'offices.inUse', params: { name: 'Grong legekontor', count: 9 } });
    expect(text).toContain('Grong legekontor kan ikke slettes fordi 9 ansatte har det som fast kontor');
    expect(nb.errorText({ code: 'offices.inUse', params: { name: 'Lierne legekontor', count: 1 } })).toContain('1 ansatt har');
  });

  it('gives the network failure text for an unreachable backend', () => {
    expect(nb.errorText({ code: 'client.unreachable' })).toContain('Fikk ikke kontakt med Samvakt-tjenesten på denne maskinen');
    expect(en.errorText({ code: 'client.unreachable' })).toContain('Could not reach the Samvakt service');
  });

  it('falls back to the general text for a code this renderer does not know', () => {
    const unknown = { code: 'rota.somethingNew' } as unknown as Parameters<typeof nb.errorText>[0];
    expect(nb.errorText(unknown)).toBe(nb.errorText({ code: 'internal' }));
  });

  it('puts the minimum password length into the field error', () => {
    expect(nb.fieldErrorText('passwordTooShort')).toBe('Passordet må ha minst 8 tegn.');
    expect(en.fieldErrorText('required')).toBe('Required.');
  });

  it('translates messages with parameters', () => {
    expect(nb.t('header.deviceOffice', { office: 'Røyrvik legekontor' })).toBe('Denne maskinen: Røyrvik legekontor');
    expect(en.t('header.signOut')).toBe('Sign out / switch user');
  });
});
