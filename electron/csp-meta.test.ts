// The renderer's index.html carries the same Content-Security-Policy as Electron's headers (file:// pages get no headers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, buildContentSecurityPolicy } from './window-options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('CSP in renderer/index.html', () => {
  it('matches the Electron policy, less frame-ancestors which a meta tag cannot set', () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const { 'frame-ancestors': _ignored, ...rest } = CSP_DIRECTIVES;
    expect(meta).toBe(buildContentSecurityPolicy(rest));
  });
});
