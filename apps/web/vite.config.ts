import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vite config for the web app. The server serves `dist/` at `/` with an SPA fallback and the API same-origin under
 * `/api/v1`; in development the API is proxied to ENLACE_API_URL.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Screens are chunks of their own (app/lazy-page.ts). The largest, shared by the map screens, is MapLibre GL and
    // milsymbol, each one minified module (about 1.9 MB together) that loads only when a map screen opens.
    chunkSizeWarningLimit: 2048,
  },
  server: {
    proxy: { '/api': process.env['ENLACE_API_URL'] ?? 'http://127.0.0.1:8080' },
  },
});
