/**
 * The "Carrot and stick" lens in the built app: events on the fiscal-year axis, the before/after
 * reading, claims vs data, its brush filtering the other panels, and its exports.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const lens = (page: Page) => page.getByRole('region', { name: 'Carrot and stick' });

async function ready(page: Page) {
  await page.goto('/');
  await expect(lens(page).locator('svg.lens-chart__svg')).toBeVisible({ timeout: 30_000 });
}

async function exportItem(page: Page, panel: Locator, item: string): Promise<Download> {
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('menu').getByRole('menuitem', { name: item, exact: true }).click();
  return download;
}

const bytesOf = async (download: Download) => readFileSync((await download.path())!);

test('Salala sits below the fiscal-year axis in FY2012, cooperation above the plot', async ({ page, consoleErrors }) => {
  await ready(page);
  const region = lens(page);
  await region.scrollIntoViewIfNeeded();
  const axis = await region.locator('.lens-chart__axis').boundingBox();
  const salala = await region.getByRole('button', { name: 'Salala: NATO strike kills 24 Pakistani soldiers, FY2012, friction' }).boundingBox();
  const fy2012 = await region.getByRole('button', { name: 'FY2012: select this fiscal year' }).boundingBox();
  const klb = await region.getByRole('button', { name: /Kerry-Lugar-Berman Act signed, FY2010, cooperation/ }).boundingBox();
  if (!axis || !salala || !fy2012 || !klb) throw new Error('lens not laid out');
  expect(salala.y).toBeGreaterThan(axis.y);
  // In FY2012's column: its centre lies inside the FY2012 slot.
  const centre = salala.x + salala.width / 2;
  expect(centre).toBeGreaterThanOrEqual(fy2012.x);
  expect(centre).toBeLessThanOrEqual(fy2012.x + fy2012.width);
  expect(klb.y + klb.height).toBeLessThan(axis.y);
  // No two event labels overlap on screen.
  const boxes = await region.locator('.lens-chart__label text').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `label ${i} overlaps ${j}`).toBe(false);
    }
  expect(consoleErrors).toEqual([]);
});

test('selecting Abbottabad shows the FY2011 → FY2012 changes per category', async ({ page }) => {
  await ready(page);
  const region = lens(page);
  await region.getByRole('button', { name: /US raid kills bin Laden in Abbottabad, FY2011/ }).click();
  const reading = region.getByRole('region', { name: 'Aid before and after the selected event' });
  await expect(reading).toContainText('FY2011 → FY2012');
  await expect(reading.getByRole('row', { name: /Security-related/ })).toContainText('−33.5% (−$428m)');
  await expect(reading.getByRole('row', { name: /Coalition Support Funds/ })).toContainText('−38.5% (−$430m)');
  await expect(reading).toContainText('a reading, not a causal estimate');
  await expect(page).toHaveURL(/sel=event%3A2011-abbottabad/);
});

test("the claims view sets the paper's $30.2bn beside CRS's 28,502", async ({ page }) => {
  await ready(page);
  const region = lens(page);
  await region.getByRole('button', { name: 'Claims vs data' }).click();
  const row = region.getByRole('row', { name: /US aid received, 2002–2013/ });
  await expect(row).toContainText('$30.2bn');
  await expect(row).toContainText('28,502');
  await expect(row).toContainText('CSF revision');
});

test('a brush on the lens filters the other panels', async ({ page }) => {
  await ready(page);
  const region = lens(page);
  await region.scrollIntoViewIfNeeded();
  const from = await region.getByRole('button', { name: 'FY2009: select this fiscal year' }).boundingBox();
  const to = await region.getByRole('button', { name: 'FY2011: select this fiscal year' }).boundingBox();
  const plot = await region.getByTestId('lens-plot').boundingBox();
  if (!from || !to || !plot) throw new Error('lens not laid out');
  const y = plot.y + plot.height / 2;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, y, { steps: 6 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=2009&to=2011&by=lens/);
  await expect(region.getByRole('button', { name: 'Reset Carrot and stick' })).toBeVisible();
  // The timeline now shows only 2009–2011 (calendar years); the aid chart keeps FY2012 on its axis, faded and named as outside.
  const timeline = page.getByRole('region', { name: 'Cooperation and friction timeline' });
  await expect(timeline.getByRole('button', { name: /Clinton apology/ })).toHaveCount(0);
  await expect(timeline.getByRole('button', { name: /Kerry-Lugar-Berman/ }).first()).toBeVisible();
  const aid = page.getByRole('region', { name: 'US aid to Pakistan' });
  await expect(aid.getByRole('button', { name: /: FY2012\b.*outside the selected years$/ })).toHaveClass(/year-tick--dimmed/);
  await expect(aid.getByRole('button', { name: /: FY2010\b/ }).first()).not.toHaveAccessibleName(/outside the selected years/);
  await expect(aid.getByRole('button', { name: /: FY2010\b/ }).first()).toBeVisible();
});

test('the lens exports PNG, SVG and CSV like every panel', async ({ page, consoleErrors }) => {
  await ready(page);
  const region = lens(page);

  const png = await bytesOf(await exportItem(page, region, 'Download PNG'));
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const panelWidth = Math.round((await region.boundingBox())!.width);
  expect(png.readUInt32BE(16)).toBe(2 * panelWidth);
  expect(png.readUInt32BE(20)).toBeGreaterThan(2 * 300);

  const svgDownload = await exportItem(page, region, 'Download SVG');
  expect(svgDownload.suggestedFilename()).toMatch(/^carrot-and-stick_.*\.svg$/);
  const svg = (await bytesOf(svgDownload)).toString('utf8');
  expect(svg).toContain('Carrot and stick');
  expect(svg).toContain('Salala: NATO strike kills 24 Pakistani soldiers');
  // Event labels are text, not paths.
  expect(svg).toMatch(/<text[^>]*>[^<]*\+\d+ more<\/text>/);
  expect(svg).toContain('Coalition Support Funds');

  const csvDownload = await exportItem(page, region, 'Download CSV');
  const csv = (await bytesOf(csvDownload)).toString('utf8');
  // Tidy: the header on line 1, fiscal years as integer start and end columns.
  expect(csv).toMatch(/^fiscal_year_start,fiscal_year_end,/);
  expect(csv).toMatch(/\r\n2011,2011,1277,1186,1118,3581,/);
  expect(consoleErrors).toEqual([]);
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the five-panel grid at ${viewport.width}×${viewport.height}: the lens spans the row and nothing overflows`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await ready(page);
    const region = lens(page);
    const grid = await page.locator('.panel-grid').boundingBox();
    const box = await region.boundingBox();
    if (!grid || !box) throw new Error('grid not laid out');
    expect(Math.abs(box.width - grid.width)).toBeLessThan(2);
    const svgWidth = await region.locator('svg.lens-chart__svg').evaluate((el) => el.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(box.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `test-results/screenshots/lens-${viewport.width}x${viewport.height}.png`, fullPage: true });
    await region.screenshot({ path: `test-results/screenshots/lens-panel-${viewport.width}x${viewport.height}.png` });
  });
}
