/**
 * Constant dollars and "Compare measures" in the built app: the switch deflates FY2010 by the
 * dataset's own CPI-U ratio (read from the tooltip), the URL carries it and a reload restores it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as {
  priceIndex: { year: number; value: number }[];
};
const cpi = (year: number) => dataset.priceIndex.find((r) => r.year === year)!.value;
const aid = (page: Page) => page.getByRole('region', { name: 'US aid to Pakistan' });
/** The tooltip's "Total (… m)" cell as a number. */
const tooltipTotal = async (page: Page) => Number((await aid(page).getByRole('tooltip').locator('.chart-tooltip__total td').innerText()).replace(/,/g, ''));

async function ready(page: Page, query = '') {
  await page.goto(`/${query}`);
  await expect(aid(page).getByRole('button', { name: /: FY2010,/ })).toBeVisible({ timeout: 30_000 });
}

test('Constant 2024 US$ multiplies FY2010 by CPI-U 2024 / CPI-U 2010; the URL carries it and a reload restores it', async ({ page, consoleErrors }) => {
  await ready(page);
  const panel = aid(page);
  await panel.getByRole('button', { name: /: FY2010,/ }).focus();
  await expect(panel.getByRole('tooltip')).toContainText('Total (current US$ m)');
  const current = await tooltipTotal(page);
  expect(current).toBe(4504);

  await panel.getByRole('button', { name: 'Constant 2024 US$' }).click();
  await expect(panel.getByRole('button', { name: 'Constant 2024 US$' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]dollars=constant(&|$)/);
  await panel.getByRole('button', { name: /: FY2010,/ }).focus();
  await expect(panel.getByRole('tooltip')).toContainText('Total (constant 2024 US$ m)');
  const constant = await tooltipTotal(page);
  // The tooltip rounds to one decimal.
  expect(Math.abs(constant - current * (cpi(2024) / cpi(2010)))).toBeLessThan(0.051);
  await expect(panel).toContainText('Appropriated, constant 2024 US$ m');
  await expect(panel).toContainText('CPI-U');

  await page.reload();
  await expect(aid(page).getByRole('button', { name: 'Constant 2024 US$' })).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await aid(page).getByRole('button', { name: /: FY2010,/ }).focus();
  expect(await tooltipTotal(page)).toBe(constant);
  expect(consoleErrors).toEqual([]);
});

test('an unknown dollars value is ignored with a notice', async ({ page }) => {
  await ready(page, '?dollars=real');
  await expect(page.getByText(/dollars: unknown value "real"/)).toBeVisible();
  await expect(aid(page).getByRole('button', { name: 'Current US$' })).toHaveAttribute('aria-pressed', 'true');
});

test('Compare measures shows FY2019–FY2024 values from ForeignAssistance.gov, and the CRS view marks where CRS ends', async ({ page }) => {
  await ready(page);
  const panel = aid(page);
  await expect(panel).toContainText('CRS’s yearly table ends at FY2018');
  await expect(panel.locator('.aid-chart__after-crs')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Compare measures' }).click();
  await expect(page).toHaveURL(/[?&]aidcompare=1(&|$)/);
  await expect(panel.getByRole('list', { name: 'Measures' })).toContainText('ForeignAssistance.gov disbursements');
  await expect(panel.locator('rect.aid-compare__bar').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Show table' }).click();
  const table = panel.getByRole('table');
  for (let fy = 2019; fy <= 2024; fy++) {
    const cells = table.getByRole('row', { name: new RegExp(`^FY${fy}\\b`) }).getByRole('cell');
    // Obligations and disbursements are never blank in these years.
    await expect(cells.nth(2)).toHaveText(/^\d[\d,.]*$/);
    await expect(cells.nth(3)).toHaveText(/^\d[\d,.]*$/);
  }
  const fy2019 = table.getByRole('row', { name: /^FY2019\b/ });
  // ForeignAssistance.gov (vintage L): FY2019 obligations 684.7, disbursements 766.6 (US$ m, current).
  await expect(fy2019.getByRole('cell').nth(2)).toHaveText(/^684\.\d/);
  await expect(fy2019.getByRole('cell').nth(3)).toHaveText(/^766\.\d/);
});

test('the lens follows the dollars switch: its axis and table are in constant 2024 dollars', async ({ page }) => {
  await ready(page, '?dollars=constant');
  const lens = page.getByRole('region', { name: 'Carrot and stick' });
  await expect(lens.locator('svg.lens-chart__svg')).toContainText('Aid (CRS, 2024 $)');
  await lens.getByRole('button', { name: 'Show table' }).click();
  await expect(lens.getByRole('columnheader', { name: 'Total aid (constant 2024 US$ m)' })).toBeVisible();
  const fy2010 = lens.getByRole('row', { name: /^FY2010\b/ });
  const total = Number((await fy2010.getByRole('cell').nth(4).innerText()).replace(/,/g, ''));
  expect(Math.abs(total - 4504 * (cpi(2024) / cpi(2010)))).toBeLessThan(1);
});
