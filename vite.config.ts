// Vite build of the renderer: root renderer/, output dist/renderer with relative asset paths for Electron's file:// load.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or styles: the Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2023',
    // One bundle loaded from the local disk (Electron) or loopback (harness): no network cost, so Vite's 500 kB web
    // warning does not apply. Split per page when it passes this limit, for start-up parse time.
    chunkSizeWarningLimit: 900,
  },
  server: {
    // The renderer imports pure modules from domain/ (one level above the Vite root).
    fs: { allow: ['..'] },
  },
});
