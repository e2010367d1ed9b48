// The renderer's index.html carries the same Content-Security-Policy as Electron's headers (file:// pages get no headers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HARNESS_CSP } from '../harness/server';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, buildContentSecurityPolicy } from './window-options';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('CSP in renderer/index.html', () => {
  it('matches the Electron policy, less frame-ancestors which a meta tag cannot set', () => {
    const html = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const { 'frame-ancestors': _ignored, ...rest } = CSP_DIRECTIVES;
    expect(meta).toBe(buildContentSecurityPolicy(rest));
  });
});

describe('the Content-Security-Policy itself', () => {
  it("allows only the app's own files: no inline or eval script, no remote host, no plugins, no framing, no form posts", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((part) => [part.split(' ')[0]!, part.split(' ').slice(1)]));
    for (const sources of directives.values()) {
      for (const source of sources) expect(["'self'", "'none'", 'data:']).toContain(source);
    }
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('is the same in the browser harness, so the end-to-end tests run under it', () => {
    expect(HARNESS_CSP).toBe(CONTENT_SECURITY_POLICY);
  });
});

