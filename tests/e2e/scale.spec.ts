/**
 * A researcher's 100,000-strike file (≈33 MB, seeded synthetic rows: bench/synth.ts) through the
 * real UI: it loads, the status line counts every strike, the map's table opens with only a
 * screenful of rows in the DOM (yet reaches the last row), a reload brings the file back from
 * IndexedDB, and "Download dataset" gives it back whole. Timing budgets are the bench's (bench/import.ts), not this test's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { loadRealDataset, synthesize } from '../../bench/synth';

const STRIKES = 100_000;
let dir = '';
let file = '';

test.beforeAll(() => {
  // On disk: setInputFiles refuses buffers over 50 MB, and a real user picks a file anyway.
  dir = mkdtempSync(join(tmpdir(), 'scale-spec-'));
  file = join(dir, 'synthetic-100k.json');
  writeFileSync(file, JSON.stringify(synthesize(loadRealDataset(), { strikes: STRIKES, events: null })));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a 100,000-strike file loads, its map table stays small in the DOM, and it survives a reload', async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Drone strikes' })).toBeVisible();
  await page.getByTestId('dataset-file-input').setInputFiles(file);

  const status = page.getByText(/^Showing all years/);
  await expect(status).toContainText('100,000 drone strikes', { timeout: 45_000 });
  const banner = page.getByRole('note', { name: 'Your data' });
  await expect(banner).toContainText('Your data: synthetic-100k.json, ');

  const map = page.getByRole('region', { name: 'Border incidents map' });
  await map.getByRole('button', { name: 'Show table' }).click();
  const table = map.getByRole('region', { name: 'Border incidents map table' }).getByRole('table');
  await expect(table).toBeVisible();
  // Every strike with coordinates (about 99% of them) is a row of the table…
  const rowCount = Number(await table.getAttribute('aria-rowcount'));
  expect(rowCount).toBeGreaterThan(0.98 * STRIKES);
  // …but only the rows in view are in the DOM.
  const domRows = await table.locator('tbody tr').count();
  expect(domRows).toBeGreaterThan(5);
  expect(domRows).toBeLessThan(100);
  // Scrolled to the end, the last row is drawn (and still only a screenful).
  await map.locator('.data-table__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(table.locator(`tr[aria-rowindex="${rowCount}"]`)).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeLessThan(100);

  await page.reload();
  // Read back from IndexedDB and checked again in the worker.
  await expect(page.getByText(/^Showing all years/)).toContainText('100,000 drone strikes', { timeout: 45_000 });
  const restored = page.getByRole('note', { name: 'Your data' });
  await expect(restored).toContainText('Your data: synthetic-100k.json, ');

  // "Download dataset" hands back the stored file: all 100,000 strikes, loadable again.
  const download = page.waitForEvent('download');
  await restored.getByRole('button', { name: 'Download dataset' }).click();
  const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { strikes: unknown[] };
  expect(saved.strikes).toHaveLength(STRIKES);
  expect(consoleErrors).toEqual([]);
});
