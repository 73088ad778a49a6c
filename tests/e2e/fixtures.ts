import { test as base, expect } from '@playwright/test';

/**
 * A page that records console errors, page errors and every request that leaves 127.0.0.1,
 * so any test can assert the app stayed quiet and local.
 */
export const test = base.extend<{ consoleErrors: string[]; foreignRequests: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
  },
  foreignRequests: async ({ page }, use) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) foreign.push(request.url());
    });
    await use(foreign);
  },
});

export { expect };

export const PANEL_NAMES = ['US aid to Pakistan', 'Drone strikes', 'Border incidents map', 'Cooperation and friction timeline'] as const;
