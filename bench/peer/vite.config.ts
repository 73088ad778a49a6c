/**
 * Builds the benchmark's dc.js peer (bench/peer/index.html) on its own, with the app's public/
 * files (dataset, basemap) beside it. Only bench/run.ts uses it, with --outDir in a temp folder.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
