/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { offlineApp } from './scripts/vite/offlineApp.ts';
import { datasetIntegrity } from './scripts/vite/datasetIntegrity.ts';

/**
 * The Content-Security-Policy of the built app, as a <meta> tag (a static host may not let us
 * set headers). Build only: the dev server injects inline scripts for React refresh.
 * - script-src/worker-src 'self': the bundle, the dataset-parsing worker and the service worker
 *   (scripts/vite/offlineApp.ts, registered from a bundled script), nothing inline, no eval
 *   (zod runs jitless, see src/data/validation.ts).
 * - style-src 'unsafe-inline': Leaflet and Recharts position elements with style attributes.
 * - img-src data: blob:: chart exports (PNG/SVG) are built as data/blob URLs.
 * - connect-src 'self' https: and http:// on this computer: `?data=<url>` may name any CORS-enabled
 *   https:// address, or a file a researcher serves locally; the user confirms every address on
 *   another origin before it is fetched (src/import/useDataParam.ts), and the app itself only
 *   ever fetches its own files. data:/blob: let the image export read what it drew.
 * frame-ancestors cannot be set from a meta tag; set it as a header where the host allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    // Right after <meta charset>: before any script or stylesheet it governs.
    transformIndexHtml: (html) => {
      const charset = /<meta charset="UTF-8"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html needs <meta charset="UTF-8"> for the CSP to follow');
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // The shipped dataset is validated here, so the browser can skip zod for those exact bytes.
    datasetIntegrity(),
    // Seminar rooms often have no network: after one visit the app works offline.
    offlineApp({
      name: 'Pakistan–US relations 2001–2024',
      short_name: 'Pak–US 2001–24',
      description: 'Dashboard on Pakistan–United States relations, 2001–2024: aid, drone strikes, border incidents and the cooperation–friction record.',
      theme_color: '#1f2a44',
      background_color: '#f4f5f7',
      icons: [
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      ],
    }),
  ],
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}', 'tests/data/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    css: false,
    // Component tests render the real panels on the real dataset; a busy 2-core machine needs the room.
    testTimeout: 20_000,
  },
});
