// The main window's options with Electron's security defaults, and the Content-Security-Policy the app runs under.
import type { BrowserWindowConstructorOptions } from 'electron';

/** Directive → sources. Only the app's own files; no inline script, no eval, no remote hosts. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export function buildContentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = buildContentSecurityPolicy();

/** Response headers with our CSP replacing any the response carried (header names are case-insensitive). */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

export interface WindowOptionsInput {
  /** Absolute path to the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** DevTools only in development; a packaged app has none. */
  devTools: boolean;
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Samvakt',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on 'ready-to-show', so the user never sees an empty white window
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google: no remote content.
      spellcheck: false,
      // Middle-click (auxclick) can open links outside the navigation guard's 'will-navigate' path: switched off.
      disableBlinkFeatures: 'Auxclick',
      devTools: input.devTools,
    },
  };
}
