import { PANEL_NAMES, expect, test } from './fixtures';

test('the built app shows four named panels, logs no errors and stays on 127.0.0.1', async ({ page, consoleErrors, foreignRequests }) => {
  await page.goto('/');
  for (const name of PANEL_NAMES) {
    await expect(page.getByRole('region', { name })).toBeVisible();
    await expect(page.getByRole('region', { name })).not.toHaveAttribute('aria-busy', 'true');
  }
  await expect(page.getByText('Data version')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`fits ${viewport.width}×${viewport.height} without a horizontal scroll`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'US aid to Pakistan' })).not.toHaveAttribute('aria-busy', 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/dashboard-${viewport.width}x${viewport.height}.png`, fullPage: true });
  });
}
