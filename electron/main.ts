// Electron main process: the secured window, the backend utility process, and the IPC bridge between them.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, utilityProcess } from 'electron';
import { DATABASE_KEY_ENV } from '../db/encryption';

import { loadOrCreateDatabaseKey } from './db-key';
import { registerPrintHandler } from './print';
import { toBackendArgs } from './backend-args';
import { createBackendHost } from './backend-host';
import { answerSecretRequest, createSafeStorageSecretStore } from './secret-store';
import type { BackendHost } from './backend-host';
import { createEventForwarder, registerIpcBridge } from './ipc-bridge';
import { installNavigationGuard, isAppUrl } from './navigation-guard';
import { resolveAppPaths } from './paths';
import { createWindowOptions, withContentSecurityPolicy } from './window-options';

/** The environment for the backend process, without a database key someone may have set for development. */
function withoutDatabaseKey(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[DATABASE_KEY_ENV];
  return copy;
}

// One data folder whatever the launch (development uses the package name, a packaged app the product name).
app.setPath('userData', path.join(app.getPath('appData'), 'Samvakt'));
app.enableSandbox();
// Norwegian whatever the computer's system language: Chromium's locale decides how date fields, numbers and
// navigator.language read (dd.mm.åååå, not mm/dd/yyyy on an English Windows). Must be set before the app is ready.
app.commandLine.appendSwitch('lang', 'nb');

const paths = resolveAppPaths({
  bundleDir: __dirname,
  appPath: app.getAppPath(),
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  electronVersion: process.versions.electron,
  userDataPath: app.getPath('userData'),
});

let mainWindow: BrowserWindow | null = null;
let host: BackendHost | null = null;
let backendStopped = false;
let fatalShown = false;

function showFatal(message: string): void {
  if (fatalShown) return;
  fatalShown = true;
  dialog.showErrorBox('Samvakt kan ikke starte', message);
  app.quit();
}

function createWindow(): void {
  const options = createWindowOptions({ preloadPath: paths.preload, devTools: !app.isPackaged });
  // The security switches are repeated here, at the constructor, so a static checker (electronegativity, run by the tests)
  // sees them; createWindowOptions sets the same values and its test checks every one.
  const window = new BrowserWindow({
    ...options,
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadFile(paths.rendererIndex).catch((error: unknown) => {
    console.error('[main] could not load the renderer', error);
    showFatal(`Fant ikke skjermbildene til Samvakt (${paths.rendererIndex}). Installer Samvakt på nytt.`);
  });
}

function start(): void {
  const defaultSession = session.defaultSession;
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // The app needs no camera, microphone, notifications, geolocation …: refuse every permission.
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);

  if (!fs.existsSync(paths.nativeBinding)) {
    showFatal(
      `Fant ikke databasemodulen (SQLite) bygget for denne Electron-versjonen:\n${paths.nativeBinding}\n\n` +
        (app.isPackaged ? 'Installer Samvakt på nytt.' : 'Kjør «node build/electron-native.mjs» og start på nytt.'),
    );
    return;
  }

  // The database key is kept by the OS (safeStorage is only available in main) and handed to the backend process as its
  // first parent-port message: never on the command line or in the environment, which stay readable in /proc.
  const databaseKey = loadOrCreateDatabaseKey({ safeStorage, dataDir: paths.dataDir });
  if (!databaseKey.ok) {
    showFatal(databaseKey.message);
    return;
  }

  // The sync device secret, encrypted by the operating system (safeStorage exists only in main).
  const syncSecrets = createSafeStorageSecretStore(safeStorage, path.join(paths.dataDir, 'secrets'));
  const backend = createBackendHost({
    fork: () =>
      utilityProcess.fork(paths.backendProcess, toBackendArgs({ dataDir: paths.dataDir, nativeBinding: paths.nativeBinding }), {
        serviceName: 'Samvakt backend',
        stdio: 'inherit',
        env: withoutDatabaseKey(process.env),
      }),
    firstMessage: () => ({ databaseKey: databaseKey.key }),
    onEvent: createEventForwarder(() =>
      BrowserWindow.getAllWindows()
        .filter((window) => !window.isDestroyed())
        .map((window) => window.webContents),
    ),
    onFatal: showFatal,
    onSecretRequest: (request, reply) => void answerSecretRequest(syncSecrets, request, reply),
  });
  host = backend;
  registerIpcBridge({
    ipcMain,
    backend,
    isTrustedSender: (event) => isAppUrl(event.senderFrame?.url, paths.rendererUrl),
  });
  registerPrintHandler({
    ipcMain,
    contentsOf: (event) => (event as { sender?: Electron.WebContents }).sender ?? null,
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (filePath, data) => fs.promises.writeFile(filePath, data),
    isTrustedSender: (event) => isAppUrl(event.senderFrame?.url, paths.rendererUrl),
  });
  backend.start();
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Samvakt is running on this data folder; it gets focus (see 'second-instance').
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuard(contents, {
      entryUrl: paths.rendererUrl,
      onBlocked: (kind, url) => console.warn(`[main] blocked ${kind} ${url}`),
    });
  });

  app.on('window-all-closed', () => app.quit());

  app.on('activate', () => {
    if (app.isReady() && host && !fatalShown && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  // Let the backend close the database cleanly before the app exits.
  app.on('before-quit', (event) => {
    if (!host || backendStopped) return;
    event.preventDefault();
    const stopping = host;
    host = null;
    void stopping.stop().finally(() => {
      backendStopped = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] start failed', error);
      showFatal(`Samvakt kunne ikke starte.\n\nTeknisk feil: ${error instanceof Error ? error.message : String(error)}`);
    });
}
