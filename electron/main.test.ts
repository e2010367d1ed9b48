// Tests main.ts's wiring with a fake 'electron' module: window, CSP, permissions, backend process, IPC, events, fatal errors, quit.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/helpers/temp-store';
import { CALL_CHANNEL, EVENT_CHANNEL } from './protocol';
import { FakeChild, FakeIpcMain } from './testing/fakes';
import { CONTENT_SECURITY_POLICY } from './window-options';

type Listener = (...args: unknown[]) => unknown;

class FakeWindow {
  static all: FakeWindow[] = [];
  readonly sent: [string, unknown][] = [];
  readonly loaded: string[] = [];
  readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push([channel, payload]) };
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    FakeWindow.all.push(this);
  }
  static getAllWindows = () => FakeWindow.all;
  once() {}
  on() {}
  isDestroyed = () => false;
  loadFile = (file: string) => {
    this.loaded.push(file);
    return Promise.resolve();
  };
}

function fakeElectron(appPath: string, appData: string) {
  const appListeners = new Map<string, Listener>();
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const paths = new Map<string, string>([['appData', appData]]);
  const forks: { modulePath: string; args: string[]; options: { env?: Record<string, string | undefined> }; child: FakeChild }[] = [];
  const safeStorage = {
    available: true,
    isEncryptionAvailable: () => safeStorage.available,
    encryptString: (text: string) => Buffer.from(`os:${text}`),
    decryptString: (buffer: Buffer) => buffer.toString().slice(3),
  };
  const errors: [string, string][] = [];
  const session = {
    headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void),
    permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
  };
  const ipcMain = new FakeIpcMain();
  const electron = {
    app: {
      isPackaged: false,
      setPath: (name: string, value: string) => paths.set(name, value),
      getPath: (name: string) => paths.get(name) ?? path.join(appData, name),
      getAppPath: () => appPath,
      enableSandbox: vi.fn(),
      commandLine: { appendSwitch: vi.fn() },
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => ready,
      isReady: () => true,
      quit: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string, content: string) => errors.push([title, content]) },
    ipcMain,
    safeStorage,
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener: typeof session.headersListener) => (session.headersListener = listener) },
        setPermissionRequestHandler: (handler: typeof session.permissionRequest) => (session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof session.permissionCheck) => (session.permissionCheck = handler),
      },
    },
    utilityProcess: {
      fork: (modulePath: string, args: string[], options: { env?: Record<string, string | undefined> }) => {
        const child = new FakeChild();
        forks.push({ modulePath, args, options, child });
        return child;
      },
    },
  };
  return { electron, appListeners, paths, forks, errors, session, ipcMain, safeStorage, ready: resolveReady };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main', () => {
  let appPath: string;
  let appData: string;
  let fake: ReturnType<typeof fakeElectron>;

  async function startMain({ withBinding = true, keyStorage = true } = {}) {
    if (withBinding) {
      fs.mkdirSync(path.join(appPath, '.electron-native', '45.5.0'), { recursive: true });
      fs.writeFileSync(path.join(appPath, '.electron-native', '45.5.0', 'better_sqlite3.node'), 'stand-in');
    }
    fake = fakeElectron(appPath, appData);
    fake.safeStorage.available = keyStorage;
    vi.doMock('electron', () => fake.electron);
    await import('./main');
    fake.ready();
    await flush();
  }

  beforeEach(() => {
    vi.resetModules();
    FakeWindow.all = [];
    appPath = tempDir('samvakt-main-app-');
    appData = tempDir('samvakt-main-appdata-');
    Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
  });

  afterEach(() => {
    vi.doUnmock('electron');
    Reflect.deleteProperty(process.versions, 'electron');
    fs.rmSync(appPath, { recursive: true, force: true });
    fs.rmSync(appData, { recursive: true, force: true });
  });

  it('sandboxes all renderers and keeps its data under appData/Samvakt', async () => {
    await startMain();
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
    expect(fake.paths.get('userData')).toBe(path.join(appData, 'Samvakt'));
  });

  it('runs Chromium in Norwegian (bokmål) before the app is ready, whatever the system language', async () => {
    await startMain();
    expect(fake.electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'nb');
  });

  it('opens one secured window on the renderer page', async () => {
    await startMain();
    expect(FakeWindow.all).toHaveLength(1);
    const [window] = FakeWindow.all;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(window!.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(window!.loaded).toHaveLength(1);
    expect(window!.loaded[0]).toMatch(/[\\/]renderer[\\/]index\.html$/);
  });

  it('sets the CSP on responses and refuses every permission', async () => {
    await startMain();
    let response: unknown;
    fake.session.headersListener!({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (value) => (response = value));
    expect(response).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    let granted: boolean | undefined;
    fake.session.permissionRequest!({}, 'media', (value) => (granted = value));
    expect(granted).toBe(false);
    expect(fake.session.permissionCheck!()).toBe(false);
  });

  it('starts the backend process with the data folder and the Electron build of better-sqlite3', async () => {
    await startMain();
    expect(fake.forks).toHaveLength(1);
    const [{ modulePath, args }] = fake.forks as [(typeof fake.forks)[number]];
    expect(modulePath).toMatch(/backend-process\.cjs$/);
    expect(args).toContain(`--samvakt-data-dir=${path.join(appData, 'Samvakt', 'data')}`);
    expect(args).toContain(`--samvakt-native-binding=${path.join(appPath, '.electron-native', '45.5.0', 'better_sqlite3.node')}`);
  });

  it('gives the backend process the OS-kept database key as its first message, never on the command line or in its environment', async () => {
    process.env.SAMVAKT_DB_KEY = 'f'.repeat(64);
    try {
      await startMain();
    } finally {
      delete process.env.SAMVAKT_DB_KEY;
    }
    const [{ args, options, child }] = fake.forks as [(typeof fake.forks)[number]];
    const first = child.sent[0] as { databaseKey?: string };
    const key = first.databaseKey;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(args.join(' ')).not.toContain(key);
    expect(options.env && 'SAMVAKT_DB_KEY' in options.env).toBe(false);
    expect(JSON.stringify(options.env ?? {})).not.toContain(key);
    const keyFile = fs.readFileSync(path.join(appData, 'Samvakt', 'data', 'samvakt-db-key.bin'), 'utf8');
    expect(keyFile).toBe(`os:${key}`);
  });

  it('refuses to start when the OS cannot keep the database key safe', async () => {
    await startMain({ keyStorage: false });
    expect(fake.forks).toEqual([]);
    expect(FakeWindow.all).toEqual([]);
    expect(fake.errors[0]![1]).toContain('sikker nøkkellagring');
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });

  it('relays calls from the app page to the backend process and refuses other pages', async () => {
    await startMain();
    const child = fake.forks[0]!.child;
    child.reply({ ready: true });
    const window = FakeWindow.all[0]!;
    const appUrl = pathToFileURL(window.loaded[0]!).href;

    const call = fake.ipcMain.invoke(CALL_CHANNEL, { method: 'setup.status', input: {}, sessionToken: null }, { senderFrame: { url: appUrl } });
    await flush();
    const request = child.sent.find((message) => 'method' in message) as { id: number; method: string };
    expect(request.method).toBe('setup.status');
    child.reply({ id: request.id, response: { ok: true, value: 'ok' } });
    await expect(call).resolves.toEqual({ ok: true, value: 'ok' });

    await expect(
      fake.ipcMain.invoke(CALL_CHANNEL, { method: 'setup.status', input: {}, sessionToken: null }, { senderFrame: { url: 'https://example.com/' } }),
    ).resolves.toEqual({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('forwards backend events to the window', async () => {
    await startMain();
    fake.forks[0]!.child.reply({ event: { type: 'data.changed', area: 'staff' } });
    expect(FakeWindow.all[0]!.sent).toEqual([[EVENT_CHANNEL, { type: 'data.changed', area: 'staff' }]]);
  });

  it('guards every web contents against navigation and new windows', async () => {
    await startMain();
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    fake.appListeners.get('web-contents-created')!({}, { on: (event: string, listener: Listener) => listeners.set(event, listener), setWindowOpenHandler: (handler: Listener) => (openHandler = handler) });
    let prevented = false;
    listeners.get('will-navigate')!({ url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('shows a fatal backend message in a dialog and quits', async () => {
    await startMain();
    fake.forks[0]!.child.reply({ fatal: 'Databasen er laget av en nyere versjon av Samvakt.' });
    expect(fake.errors).toEqual([['Samvakt kan ikke starte', 'Databasen er laget av en nyere versjon av Samvakt.']]);
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });

  it('says plainly when the Electron build of better-sqlite3 is missing, and starts nothing', async () => {
    await startMain({ withBinding: false });
    expect(fake.forks).toEqual([]);
    expect(FakeWindow.all).toEqual([]);
    expect(fake.errors).toHaveLength(1);
    expect(fake.errors[0]![1]).toContain('electron-native.mjs');
    expect(fake.electron.app.quit).toHaveBeenCalled();
  });

  it('lets the backend close the database before quitting', async () => {
    await startMain();
    const child = fake.forks[0]!.child;
    const event = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.sent.at(-1)).toEqual({ shutdown: true });
    expect(fake.electron.app.quit).not.toHaveBeenCalled();
    child.exit(0);
    await flush();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    fake.appListeners.get('before-quit')!(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
