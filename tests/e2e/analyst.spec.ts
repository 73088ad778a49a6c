import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { PANEL_NAMES, expect, test } from './fixtures';
import { checkCsvAgainstSchema, checkDataPackage } from '../support/tableSchemaCheck';

const panel = (page: Page, name: (typeof PANEL_NAMES)[number]) => page.getByRole('region', { name });

async function openDashboard(page: Page, query = '') {
  await page.goto(`/${query}`);
  for (const name of PANEL_NAMES) await expect(panel(page, name)).not.toHaveAttribute('aria-busy', 'true');
}

test('the tooltip after a click on a year tick names the clicked year, on both charts', async ({ page, consoleErrors }) => {
  await openDashboard(page);
  const aid = panel(page, 'US aid to Pakistan');
  await aid.getByRole('button', { name: /: FY2012\b/ }).click();
  await expect(page).toHaveURL(/from=2012&to=2012/);
  const aidTip = aid.locator('.chart-tooltip:visible');
  await expect(aidTip).toHaveCount(1);
  await expect(aidTip).toContainText('FY2012');
  await expect(aidTip).not.toContainText('FY2002');
  // A small pointer move over the tick keeps the tooltip on the clicked year.
  const box = await aid.getByRole('button', { name: /: FY2012\b/ }).boundingBox();
  if (!box) throw new Error('tick not laid out');
  await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2);
  await expect(aid.locator('.chart-tooltip:visible')).toContainText('FY2012');

  const drones = panel(page, 'Drone strikes');
  await drones.getByRole('button', { name: /^(2012|’12)\b/ }).click();
  const droneTip = drones.locator('.chart-tooltip:visible');
  await expect(droneTip).toHaveCount(1);
  await expect(droneTip).toContainText('2012 · TBIJ');
  // Keyboard focus opens it too.
  await drones.getByRole('button', { name: /^(2010|’10)\b/ }).focus();
  await expect(drones.locator('.chart-tooltip:visible')).toContainText('2010 · TBIJ');
  await expect(drones.locator('.chart-tooltip:visible')).toContainText('129 (128 confirmed, 1 possible)');
  expect(consoleErrors).toEqual([]);
});

test('year ticks are named starting with their visible text (label in name)', async ({ page }) => {
  await openDashboard(page);
  for (const name of ['US aid to Pakistan', 'Drone strikes'] as const) {
    const ticks = panel(page, name).locator('g.year-tick');
    const n = await ticks.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const tick = ticks.nth(i);
      const visible = (await tick.locator('text').allTextContents()).join(' ');
      expect(await tick.getAttribute('aria-label')).toMatch(new RegExp(`^${visible.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    }
  }
});

test('Salala (26 Nov 2011) marks FY2012 on the aid chart and 2011 on the drone chart', async ({ page }) => {
  await openDashboard(page, '?tone=friction&theme=border&sel=incident%3Asalala_2011');
  const aid = panel(page, 'US aid to Pakistan');
  await expect(aid.getByRole('button', { name: /: FY2012\b.*has matching events, year of the selected item/ })).toBeVisible();
  await expect(aid.getByRole('button', { name: /: FY2011\b/ })).not.toHaveAccessibleName(/year of the selected item/);
  await expect(aid).toContainText('26 Nov 2011 falls in FY2012');
  const drones = panel(page, 'Drone strikes');
  await expect(drones.getByRole('button', { name: /^(2011|’11)\b.*has matching events, year of the selected item/ })).toBeVisible();
  await expect(drones).toContainText('mark calendar years');
});

test('the breakdown buttons are disabled, with the reason, under ForeignAssistance.gov', async ({ page }) => {
  await openDashboard(page);
  const aid = panel(page, 'US aid to Pakistan');
  await aid.getByRole('combobox', { name: 'Measure' }).selectOption('fa-obligations');
  await expect(aid.getByRole('button', { name: 'By programme' })).toBeDisabled();
  await expect(aid.getByRole('button', { name: 'By category' })).toBeDisabled();
  await expect(aid).toContainText('is one total per year, not split by category or programme');
});

test('the FY2010 aid table shows the category totals the chart draws: 1,236 security, 1,769 economic, 1,499 CSF', async ({ page }) => {
  await openDashboard(page);
  const aid = panel(page, 'US aid to Pakistan');
  await aid.getByRole('button', { name: 'Show table' }).click();
  const table = aid.locator('.panel__table table');
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const fy2010 = table.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'FY2010', exact: true }) });
  await expect(fy2010).toHaveCount(1);
  const cells = (await fy2010.locator('td').allTextContents()).map((c) => c.trim());
  const cell = (header: string) => cells[headers.indexOf(header)];
  expect(cell('Security-related')).toBe('1,236');
  expect(cell('Economic-related')).toBe('1,769');
  expect(cell('Coalition Support Funds')).toBe('1,499');
  expect(cell('Total')).toBe('4,504');
  // The source rows stay one switch away.
  await aid.getByRole('button', { name: 'Rows' }).click();
  await expect(table.locator('thead th')).toContainText(['Programme']);
});

const fileBytes = async (download: Download) => new Uint8Array(readFileSync((await download.path())!));

/** A CSVW column's datatype as a Table Schema type, for the shared checker. */
function tableSchemaType(datatype: string | { base: string }): string {
  const base = typeof datatype === 'string' ? datatype : datatype.base;
  return ({ integer: 'integer', number: 'number', boolean: 'boolean', date: 'date', gYear: 'year', string: 'string' } as Record<string, string>)[base] ?? `unknown ${base}`;
}

for (const name of [...PANEL_NAMES, 'Carrot and stick'] as const) {
  test(`${name}: the CSV is strict RFC 4180, header first, and every column holds its metadata's type`, async ({ page }) => {
    await openDashboard(page);
    const region = page.getByRole('region', { name });
    await region.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await region.getByRole('menuitem', { name: 'Download CSV + metadata (ZIP)' }).click();
    const files = unzipSync(await fileBytes(await download));
    const csvName = Object.keys(files).find((f) => f.endsWith('.csv'))!;
    expect(Object.keys(files)).toEqual([csvName, `${csvName}-metadata.json`]);
    const meta = JSON.parse(new TextDecoder().decode(files[`${csvName}-metadata.json`]));
    expect(meta.url).toBe(csvName);
    expect(meta['dc:hasVersion']).toMatch(/\S/);
    expect(meta['dc:source'].length).toBeGreaterThan(0);
    const columns: { name: string; datatype: string | { base: string; format?: string }; required: boolean }[] = meta.tableSchema.columns;
    const schema = {
      fields: columns.map((c) => ({ name: c.name, type: tableSchemaType(c.datatype), constraints: { required: c.required, ...(typeof c.datatype === 'object' && c.datatype.format ? { pattern: c.datatype.format } : {}) } })),
      missingValues: [''],
    };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(files[csvName]);
    expect(checkCsvAgainstSchema(text, schema, csvName)).toEqual([]);
    // Numeric columns exist and hold numbers: the check above fails on any text in them.
    expect(schema.fields.some((f) => f.type === 'integer' || f.type === 'number')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
  });
}

test('the aid CSVs by category and by programme differ, and their file names say which', async ({ page }) => {
  await openDashboard(page);
  const aid = panel(page, 'US aid to Pakistan');
  const csvOf = async () => {
    await aid.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await aid.getByRole('menuitem', { name: 'Download CSV', exact: true }).click();
    const d = await download;
    return { name: d.suggestedFilename(), text: new TextDecoder().decode(await fileBytes(d)) };
  };
  const byCategory = await csvOf();
  await aid.getByRole('button', { name: 'By programme' }).click();
  const byProgramme = await csvOf();
  expect(byCategory.name).toMatch(/_by-category\.csv$/);
  expect(byProgramme.name).toMatch(/_by-programme\.csv$/);
  expect(byProgramme.text).not.toBe(byCategory.text);
  expect(byProgramme.text).toMatch(/\r\n2010,2010,crs-appropriations,programme,FMF,/);
  expect(byCategory.text).toMatch(/\r\n2010,2010,crs-appropriations,category,security,[^\r]*,1236,/);
});

test('"Download data" gives a data package ZIP whose datapackage.json is valid and whose resources all exist and match their schemas', async ({ page, consoleErrors }) => {
  await openDashboard(page);
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Download data' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^pakistan-us-relations_data-package_.+\.zip$/);
  const files = unzipSync(await fileBytes(d));
  expect(checkDataPackage(files)).toEqual([]);
  const descriptor = JSON.parse(new TextDecoder().decode(files['datapackage.json']));
  const paths: string[] = descriptor.resources.map((r: { path: string }) => r.path);
  expect(paths).toEqual(expect.arrayContaining(['data/aid.csv', 'data/strikes.csv', 'data/incidents.csv', 'data/events.csv', 'data/sources.csv', 'data/figures.csv', 'dataset.json']));
  expect(descriptor.sources.some((s: { licenses?: unknown[] }) => Array.isArray(s.licenses))).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded pakistan-us-relations_data-package_' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
