// Where the Electron layer finds its files: bundles, renderer page, native binding, data folder.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

export interface AppPathsInput {
  /** Folder of the bundled main.cjs (dist/electron, inside app.asar when packaged). */
  bundleDir: string;
  /** app.getAppPath(): the project folder in development, app.asar when packaged. */
  appPath: string;
  isPackaged: boolean;
  /** process.resourcesPath: where extraResources land in a packaged app. */
  resourcesPath: string;
  /** process.versions.electron: the binding is built per Electron version. */
  electronVersion: string;
  /** app.getPath('userData'). */
  userDataPath: string;
}

export interface AppPaths {
  preload: string;
  backendProcess: string;
  rendererIndex: string;
  /** file:// URL of the renderer page; the only page windows may show. */
  rendererUrl: string;
  nativeBinding: string;
  dataDir: string;
}

export function resolveAppPaths(input: AppPathsInput): AppPaths {
  const rendererIndex = path.join(input.bundleDir, '..', 'renderer', 'index.html');
  // Built by build/electron-native.mjs into .electron-native/<version>/; electron-builder copies that folder to resources/native/.
  const nativeRoot = input.isPackaged ? path.join(input.resourcesPath, 'native') : path.join(input.appPath, '.electron-native');
  return {
    preload: path.join(input.bundleDir, 'preload.cjs'),
    backendProcess: path.join(input.bundleDir, 'backend-process.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    nativeBinding: path.join(nativeRoot, input.electronVersion, NATIVE_BINDING_FILE),
    dataDir: path.join(input.userDataPath, 'data'),
  };
}
