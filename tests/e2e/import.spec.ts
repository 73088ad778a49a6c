/**
 * Researchers' own data through the real UI: Pakistan Body Count's per-strike CSV (cp1252, with
 * a totals row and "Friday, June 18, 2004" dates) imported on its own and merged with the
 * built-in TBIJ rows; the merge survives a reload; a repeated mistake is listed once with row
 * ids; the shipped dataset passes the published JSON Schema.
 */
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const PBC = fileURLToPath(new URL('../fixtures/csv/PakistanDroneAttacks_PBC_kaggle.csv', import.meta.url));
const PBC_NAME = 'PakistanDroneAttacks_PBC_kaggle.csv';

async function openDashboard(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Drone strikes' })).toBeVisible();
}

async function importPbc(page: Page, mode: 'Add to current data' | 'Replace') {
  await page.getByTestId('csv-file-input').setInputFiles(PBC);
  const dialog = page.getByRole('dialog', { name: `Import CSV: ${PBC_NAME}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('405 rows. Encoding Windows-1252 (detected: the file is not valid UTF-8).');
  await expect(dialog).toContainText('Dates in “Date” are written-out dates (Friday, June 18, 2004): “Friday, June 18, 2004” becomes 2004-06-18.');
  await expect(dialog.getByLabel('Field for column Total Died Mix')).toHaveValue('killedMax');
  await expect(dialog.getByLabel('Tracker')).toHaveValue('pbc');
  await dialog.getByRole('radio', { name: mode }).check();
  await page.screenshot({ path: `test-results/import-dialog-${mode === 'Replace' ? 'replace' : 'add'}.png` });
  await dialog.getByRole('button', { name: 'Check and import' }).click();
  await expect(dialog.getByRole('heading', { name: /rows are valid/ })).toBeVisible();
  await page.screenshot({ path: `test-results/import-problems-${mode === 'Replace' ? 'replace' : 'add'}.png` });
  await expect(dialog.getByRole('heading', { name: '399 rows are valid; 5 failed the checks' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Problems by rule' })).toContainText('strikes: civiliansMax must be a number ≥ 0 — 4 rows: pbc-368, pbc-369, pbc-370, pbc-375');
  await expect(dialog).toContainText('Skipped a totals row (row 406 of the file)');
  await dialog.getByRole('button', { name: 'Load 399 valid rows' }).click();
  await expect(dialog).toBeHidden();
}

const statusLine = (page: Page) => page.getByText(/^Showing all years/);
const mapCaption = (page: Page) => page.getByRole('region', { name: 'Border incidents map' }).locator('.map-caption');

test.describe('bringing your own data', () => {
  // Parsing and checking 400 rows twice, a reload and a restore: slow on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });
  test('imports the PBC CSV on its own: 399 strikes, named in the banner', async ({ page, consoleErrors }) => {
    await openDashboard(page);
    await importPbc(page, 'Replace');
    await expect(page.getByRole('note', { name: 'Your data' })).toContainText(`Your data: ${PBC_NAME}, 399 rows, loaded `);
    await expect(statusLine(page)).toContainText('399 drone strikes');
    const drones = page.getByRole('region', { name: 'Drone strikes' });
    await expect(drones).toContainText('As reported by Per-strike table (computed).');
    await page.screenshot({ path: 'test-results/import-replaced.png' });
    expect(consoleErrors).toEqual([]);
  });

  test('merges with the built-in data, keeps TBIJ and PBC apart, and survives a reload', async ({ page, consoleErrors }) => {
    await openDashboard(page);
    await expect(statusLine(page)).toContainText('444 drone strikes');
    await importPbc(page, 'Add to current data');
    const banner = page.getByRole('note', { name: 'Your data' });
    await expect(banner).toContainText(`Your data: built-in data + ${PBC_NAME}, `);
    // TBIJ is the default tracker: its 444 strikes, not 444 + 399.
    await expect(statusLine(page)).toContainText('444 drone strikes');
    await expect(mapCaption(page)).toContainText('Drone strikes as reported by TBIJ: 444 of 843 per-strike rows; Pakistan Body Count is not added');
    await page.getByRole('region', { name: 'Drone strikes' }).getByLabel('Tracker').selectOption({ label: 'Pakistan Body Count' });
    await expect(mapCaption(page)).toContainText('Drone strikes as reported by Pakistan Body Count: 399 of 843 per-strike rows; TBIJ is not added');
    await expect(statusLine(page)).toContainText('399 drone strikes');

    await page.reload();
    // Read back from IndexedDB and checked again in the worker: allow for a busy machine.
    await expect(page.getByRole('note', { name: 'Your data' })).toContainText(`Your data: built-in data + ${PBC_NAME}, `, { timeout: 30_000 });
    await expect(mapCaption(page)).toContainText('of 843 per-strike rows');
    await page.screenshot({ path: 'test-results/import-merged-reloaded.png' });

    // A copied link cannot carry the data: the app says so and offers the file.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const share = page.getByRole('group', { name: 'Export and share' });
    await expect(share).toContainText('does not carry your own data');
    const download = page.waitForEvent('download');
    await share.getByRole('button', { name: 'Download dataset' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.dataset\.json$/);

    await page.getByRole('button', { name: 'Restore the built-in dataset' }).click();
    await expect(page.getByRole('note', { name: 'Your data' })).toBeHidden();
    await page.reload();
    await expect(statusLine(page)).toContainText('444 drone strikes', { timeout: 30_000 });
    await expect(page.getByRole('note', { name: 'Your data' })).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('a mistake repeated on many rows is one line with its row ids', async ({ page, request }) => {
    await openDashboard(page);
    const dataset = (await (await request.get('/data/dataset.json')).json()) as { strikes: Record<string, unknown>[] };
    const bad = new Set([368, 369, 370, 375, 380, 381]);
    dataset.strikes = dataset.strikes.map((s, i) => (bad.has(i) ? { ...s, id: `S${i}`, civiliansMin: -1, civiliansMax: 3 } : s));
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'repeated.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    const groups = page.getByRole('list', { name: 'Problems by rule' });
    await expect(groups).toHaveText('strikes: civiliansMin must be a number ≥ 0 — 6 rows: S368, S369, S370, S375, …');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download problems (CSV)' }).click();
    const csv = await (await download).createReadStream();
    let text = '';
    for await (const chunk of csv) text += String(chunk);
    expect(text.trim().split('\r\n')).toHaveLength(7);
    expect(text).toContain('strikes,S381,382,civiliansMin,must be a number ≥ 0,-1');
  });

  test('a table of thousands of rows keeps only the rows in view in the page', async ({ page, request }) => {
    await openDashboard(page);
    const dataset = (await (await request.get('/data/dataset.json')).json()) as { strikes: Record<string, unknown>[] };
    const base = dataset.strikes;
    dataset.strikes = Array.from({ length: 5000 }, (_, i) => ({ ...base[i % base.length], id: `many-${i}` }));
    await page.getByTestId('dataset-file-input').setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    await expect(page.getByRole('note', { name: 'Your data' })).toContainText('Your data: many.json');
    const map = page.getByRole('region', { name: 'Border incidents map' });
    const started = Date.now();
    await map.getByRole('button', { name: 'Show table' }).click();
    const table = map.locator('.panel__table table');
    await expect(table.locator('tbody tr').nth(2)).toBeVisible();
    const openedMs = Date.now() - started;
    const rowCount = Number(await table.getAttribute('aria-rowcount'));
    expect(rowCount).toBeGreaterThan(5000);
    const rendered = await table.locator('tbody tr').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await map.locator('.data-table__scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(table.locator('tbody tr[aria-rowindex]').last()).toHaveAttribute('aria-rowindex', String(rowCount));
    console.log(`map table with ${rowCount - 1} rows opened in ${openedMs} ms, ${rendered} rows in the DOM`);
  });

  test('the shipped dataset passes the published dataset.schema.json', async ({ request }) => {
    const schemaResponse = await request.get('/data/dataset.schema.json');
    expect(schemaResponse.ok()).toBe(true);
    const schema = (await schemaResponse.json()) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const dataset = (await (await request.get('/data/dataset.json')).json()) as Record<string, unknown>;
    expect(validate(dataset), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...dataset, strikes: [{ ...(dataset.strikes as object[])[0], killedMin: -3 }] })).toBe(false);
  });
});
