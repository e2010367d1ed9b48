// Tests for taking the harness access token from the URL hash and keeping it out of the address bar.
import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_KEY, extractAccessToken, takeAccessToken } from './access-token';

describe('extractAccessToken', () => {
  it('reads the token the harness prints', () => {
    expect(extractAccessToken('#token=abc-123_XY')).toEqual({ token: 'abc-123_XY', remainingHash: '' });
  });

  it('keeps other parameters in the hash', () => {
    expect(extractAccessToken('#token=abc&lang=en')).toEqual({ token: 'abc', remainingHash: '#lang=en' });
  });

  it('leaves route hashes and empty hashes alone', () => {
    expect(extractAccessToken('#/offices')).toEqual({ token: null, remainingHash: '#/offices' });
    expect(extractAccessToken('')).toEqual({ token: null, remainingHash: '' });
    expect(extractAccessToken('#main')).toEqual({ token: null, remainingHash: '#main' });
  });
});

function fakeEnvironment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>();
  if (stored) storage.set(ACCESS_TOKEN_KEY, stored);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    env: {
      location: { hash, pathname: '/', search: '' },
      history: { state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)) },
      storage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    },
  };
}

describe('takeAccessToken', () => {
  it('stores a token from the URL in sessionStorage and removes it from the address bar', () => {
    const { env, storage, replaced } = fakeEnvironment('#token=secret');
    expect(takeAccessToken(env)).toBe('secret');
    expect(storage.get(ACCESS_TOKEN_KEY)).toBe('secret');
    expect(replaced).toEqual(['/']);
  });

  it('uses the stored token after a reload without a token in the URL', () => {
    const { env, replaced } = fakeEnvironment('#/staff', 'kept');
    expect(takeAccessToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeAccessToken(fakeEnvironment('').env)).toBeNull();
  });
});
