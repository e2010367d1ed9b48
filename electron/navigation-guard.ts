// Keeps every window on the app's own page: blocks navigation elsewhere, new windows and <webview>.

/** True when url is the app's entry page (same file URL; only the query and hash may differ). */
export function isAppUrl(url: string | null | undefined, entryUrl: string): boolean {
  if (!url) return false;
  let target: URL;
  let entry: URL;
  try {
    target = new URL(url);
    entry = new URL(entryUrl);
  } catch {
    return false;
  }
  return target.protocol === 'file:' && entry.protocol === 'file:' && target.host === entry.host && target.pathname === entry.pathname;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** The part of Electron's WebContents the guard needs; tests pass a fake. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  entryUrl: string;
  /** Told about each blocked attempt (for the log). */
  onBlocked?: (kind: 'navigate' | 'redirect' | 'window-open' | 'webview', url: string) => void;
}

export function installNavigationGuard(contents: GuardedContents, options: NavigationGuardOptions): void {
  const blocked = options.onBlocked ?? (() => undefined);
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, options.entryUrl)) return;
    event.preventDefault();
    blocked('navigate', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url, options.entryUrl)) return;
    event.preventDefault();
    blocked('redirect', event.url);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    blocked('webview', '');
  });
  contents.setWindowOpenHandler((details) => {
    blocked('window-open', details.url);
    return { action: 'deny' };
  });
}
