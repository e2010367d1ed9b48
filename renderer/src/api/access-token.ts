// The browser harness's access token: read from the URL hash once, kept in sessionStorage, hidden from the address bar.

export const ACCESS_TOKEN_KEY = 'samvakt.accessToken';

/**
 * Splits a location hash like `#token=abc` (optionally with other `&key=value` pairs) into the token and
 * the hash that should remain visible. A route hash such as `#/offices` has no token and stays as it is.
 */
export function extractAccessToken(hash: string): { token: string | null; remainingHash: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '' || body.startsWith('/')) return { token: null, remainingHash: hash };
  const params = new URLSearchParams(body);
  const token = params.get('token');
  if (!token) return { token: null, remainingHash: hash };
  params.delete('token');
  const rest = params.toString();
  return { token, remainingHash: rest ? `#${rest}` : '' };
}

interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Moves a token from the URL into sessionStorage (so a reload keeps working) and returns the token to use. */
export function takeAccessToken(env: TokenEnvironment): string | null {
  const { token, remainingHash } = extractAccessToken(env.location.hash);
  if (token) {
    env.storage.setItem(ACCESS_TOKEN_KEY, token);
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}${remainingHash}`);
    return token;
  }
  return env.storage.getItem(ACCESS_TOKEN_KEY);
}
