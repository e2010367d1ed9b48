// Tests electron-builder.yml against electron-builder's own schema and our packaging rules, and that the icon is a valid large PNG.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// js-yaml and app-builder-lib come with electron-builder (no types are installed for them).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string; filter: string[] }[];
  win: { target: Target[]; icon: string };
  mac: { target: Target[]; category: string; icon: string };
  linux: { target: Target[]; category: string; icon: string; maintainer: string };
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (list: Target[]) => list.map((target) => (typeof target === 'string' ? target : target.target));

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('no.samvakt.app');
    expect(config.productName).toBe('Samvakt');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('packs only the built app, in an asar with native modules unpacked', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist/electron/**', 'package.json', '!harness/**', '!test/**']));
    expect(config.files.some((pattern) => !pattern.startsWith('!') && /^(electron|renderer|backend|db|domain)\//.test(pattern))).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('never rebuilds node_modules (which stays built for Node) and ships our Electron build of better-sqlite3', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({ from: '.electron-native', to: 'native', filter: ['*/better_sqlite3.node'] });
  });

  it('builds the installers for each platform', () => {
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.medical');
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office;MedicalSoftware');
    expect(config.linux.maintainer).toMatch(/\S+ <[^@\s]+@[^@\s]+>/);
  });

  it('takes every icon from build/icons', () => {
    for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(icon.startsWith('build/icons')).toBe(true);
      expect(fs.existsSync(path.join(root, icon))).toBe(true);
    }
  });
});

/** Reads a PNG strictly: signature, chunk CRCs, header, and the size of the inflated image data. */
function readPng(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    expect(zlib.crc32(bytes.subarray(offset + 4, offset + 8 + length)), `CRC of ${type}`).toBe(crc);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  expect(chunks[0]!.type).toBe('IHDR');
  expect(chunks.at(-1)!.type).toBe('IEND');
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header[8];
  const colourType = header[9];
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  return { width, height, bitDepth, colourType, pixels };
}

describe('build/icons/icon.png', () => {
  const icon = readPng(fs.readFileSync(path.join(root, 'build', 'icons', 'icon.png')));

  it('is a square RGBA PNG of at least 512x512 with all its image data', () => {
    expect(icon.width).toBe(icon.height);
    expect(icon.width).toBeGreaterThanOrEqual(512);
    expect(icon.bitDepth).toBe(8);
    expect(icon.colourType).toBe(6);
    expect(icon.pixels.length).toBe(icon.height * (1 + icon.width * 4));
  });

  it('has transparent corners and an opaque white centre (unfiltered rows, as make-icon writes them)', () => {
    const stride = 1 + icon.width * 4;
    const pixel = (x: number, y: number) => [...icon.pixels.subarray(y * stride + 1 + x * 4, y * stride + 1 + x * 4 + 4)];
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(icon.width - 1, icon.height - 1)[3]).toBe(0);
    expect(pixel(icon.width / 2, icon.height / 2)).toEqual([255, 255, 255, 255]);
  });

  it('is what build/make-icon.mjs draws', async () => {
    const { drawIcon } = (await import(new URL('./make-icon.mjs', import.meta.url).href)) as { drawIcon(size: number): Buffer };
    expect(drawIcon(icon.width).equals(fs.readFileSync(path.join(root, 'build', 'icons', 'icon.png')))).toBe(true);
  });
});
