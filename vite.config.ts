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
  },
  server: {
    // The renderer imports pure modules from domain/ (one level above the Vite root).
    fs: { allow: ['..'] },
  },
});
