// Tests where the Electron layer looks for its files, and the backend process's arguments.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackendArgs, toBackendArgs } from './backend-args';
import { resolveAppPaths } from './paths';

describe('resolveAppPaths', () => {
  const base = {
    electronVersion: '45.5.0',
    userDataPath: path.join('/home', 'kari', '.config', 'Samvakt'),
  };

  it('uses the project folder in development', () => {
    const paths = resolveAppPaths({ ...base, bundleDir: '/work/main/dist/electron', appPath: '/work/main', isPackaged: false, resourcesPath: '/unused' });
    expect(paths.preload).toBe(path.join('/work/main/dist/electron', 'preload.cjs'));
    expect(paths.backendProcess).toBe(path.join('/work/main/dist/electron', 'backend-process.cjs'));
    expect(paths.rendererIndex).toBe(path.join('/work/main/dist/renderer', 'index.html'));
    expect(paths.rendererUrl).toMatch(/^file:\/\/.*\/dist\/renderer\/index\.html$/);
    expect(paths.nativeBinding).toBe(path.join('/work/main', '.electron-native', '45.5.0', 'better_sqlite3.node'));
    expect(paths.dataDir).toBe(path.join(base.userDataPath, 'data'));
  });

  it('takes the native binding from the resources folder when packaged', () => {
    const paths = resolveAppPaths({
      ...base,
      bundleDir: '/opt/Samvakt/resources/app.asar/dist/electron',
      appPath: '/opt/Samvakt/resources/app.asar',
      isPackaged: true,
      resourcesPath: '/opt/Samvakt/resources',
    });
    expect(paths.nativeBinding).toBe(path.join('/opt/Samvakt/resources', 'native', '45.5.0', 'better_sqlite3.node'));
    expect(paths.rendererIndex).toBe(path.join('/opt/Samvakt/resources/app.asar/dist/renderer', 'index.html'));
  });
});

describe('backend process arguments', () => {
  it('round-trip, also with spaces and Norwegian letters in paths', () => {
    const config = { dataDir: 'C:\\Users\\Bjørn Ås\\AppData\\Roaming\\Samvakt\\data', nativeBinding: '/opt/Samvakt/resources/native/45.5.0/better_sqlite3.node' };
    expect(parseBackendArgs(['/usr/bin/electron', ...toBackendArgs(config)])).toEqual(config);
  });

  it('leave the binding out when there is none', () => {
    expect(toBackendArgs({ dataDir: '/d', nativeBinding: null })).toEqual(['--samvakt-data-dir=/d']);
    expect(parseBackendArgs(['--samvakt-data-dir=/d'])).toEqual({ dataDir: '/d', nativeBinding: null });
  });

  it('give null without a data folder', () => {
    expect(parseBackendArgs(['--samvakt-native-binding=/x.node'])).toBeNull();
    expect(parseBackendArgs(['--samvakt-data-dir='])).toBeNull();
  });
});
