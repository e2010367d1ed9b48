// Tests that windows stay on the app's page: no navigation away, no new windows, no <webview>.
import { describe, expect, it } from 'vitest';
import { installNavigationGuard, isAppUrl } from './navigation-guard';
import type { GuardedContents, NavigationEvent, PreventableEvent } from './navigation-guard';

const ENTRY = 'file:///opt/Samvakt/resources/app.asar/dist/renderer/index.html';

function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent & PreventableEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (name: string, listener: (event: NavigationEvent) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler!({ url }) };
}

describe('isAppUrl', () => {
  it('accepts the entry page, also with a hash or query', () => {
    expect(isAppUrl(ENTRY, ENTRY)).toBe(true);
    expect(isAppUrl(`${ENTRY}#/vaktplan`, ENTRY)).toBe(true);
    expect(isAppUrl(`${ENTRY}?uke=12`, ENTRY)).toBe(true);
  });

  it('refuses web pages, other files and garbage', () => {
    expect(isAppUrl('https://example.com/', ENTRY)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', ENTRY)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', ENTRY)).toBe(false);
    expect(isAppUrl('file:///opt/Samvakt/resources/app.asar/dist/renderer/other.html', ENTRY)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', ENTRY)).toBe(false);
    expect(isAppUrl('not a url', ENTRY)).toBe(false);
    expect(isAppUrl(null, ENTRY)).toBe(false);
    expect(isAppUrl('', ENTRY)).toBe(false);
  });
});

describe('installNavigationGuard', () => {
  it('blocks navigation and redirects to http(s) and other files', () => {
    const blocked: string[] = [];
    const { fire } = (() => {
      const fake = fakeContents();
      installNavigationGuard(fake.contents, { entryUrl: ENTRY, onBlocked: (kind, url) => blocked.push(`${kind} ${url}`) });
      return fake;
    })();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'http://localhost:3000/')).toBe(true);
    expect(fire('will-navigate', 'file:///home/kari/Nedlastinger/faktura.html')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(blocked).toEqual([
      'navigate https://evil.example/',
      'navigate http://localhost:3000/',
      'navigate file:///home/kari/Nedlastinger/faktura.html',
      'redirect https://evil.example/',
    ]);
  });

  it('lets the app reload its own page', () => {
    const fake = fakeContents();
    installNavigationGuard(fake.contents, { entryUrl: ENTRY });
    expect(fake.fire('will-navigate', ENTRY)).toBe(false);
    expect(fake.fire('will-navigate', `${ENTRY}#/oversikt`)).toBe(false);
  });

  it('denies every window.open, even of the app page', () => {
    const fake = fakeContents();
    installNavigationGuard(fake.contents, { entryUrl: ENTRY });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open(ENTRY)).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const fake = fakeContents();
    installNavigationGuard(fake.contents, { entryUrl: ENTRY });
    expect(fake.fire('will-attach-webview', '')).toBe(true);
  });
});
