/**
 * Offline: every request that is not for 127.0.0.1 is aborted (and recorded). The app must
 * still render completely, basemap included, and must not even try to reach another host.
 */
import { PANEL_NAMES, expect, test } from './fixtures';

test('with every non-local request blocked, the app renders fully, map basemap included, and asks for nothing foreign', async ({ page, context, consoleErrors }) => {
  const attempted: string[] = [];
  // On the context, so requests from the service worker are caught too (Chromium).
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    attempted.push(url.href);
    return route.abort('internetdisconnected');
  });

  await page.goto('/');
  for (const name of PANEL_NAMES) {
    const region = page.getByRole('region', { name });
    await expect(region).toBeVisible();
    await expect(region).not.toHaveAttribute('aria-busy', 'true');
    await expect(region.getByRole('alert')).toHaveCount(0);
  }
  await expect(page.locator('.app-header__origin')).toHaveText('Built-in dataset');
  // The basemap ships with the app (public/geo/basemap.json) and is drawn as SVG paths.
  await expect(page.locator('.leaflet-container path').first()).toBeAttached({ timeout: 10_000 });
  expect(await page.locator('.leaflet-container path').count()).toBeGreaterThan(10);
  // No tile layer: nothing in the map is an <img> from elsewhere.
  expect(await page.locator('.leaflet-container img.leaflet-tile').count()).toBe(0);
  // Fonts are bundled: the heading is set in Inter, not a fallback.
  expect(await page.evaluate(() => document.fonts.check('16px "Inter Variable"'))).toBe(true);

  await page.waitForLoadState('networkidle');
  expect(attempted).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
