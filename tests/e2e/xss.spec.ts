/**
 * Hostile dataset strings in the built app (under its Content-Security-Policy): every free-text
 * field, id, file name and URL holds an injection payload. Nothing may run (no dialog, no
 * `window.__xss`), no payload may become markup, links exist only for http(s) URLs, and the
 * payloads are visible as plain text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { PANEL_NAMES, expect, test } from './fixtures';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS_URL = 'javascript:window.__xss=1';
const PAYLOADS = [IMG, SCRIPT, SVG];
const FREE_TEXT = new Set(['title', 'description', 'place', 'agency', 'district', 'name', 'publisher', 'measures', 'note', 'programmeName', 'programme', 'discrepancies', 'licence', 'tbijId', 'version']);
const TABLES = ['sources', 'aid', 'strikes', 'strikeYears', 'incidents', 'events'] as const;

type Row = Record<string, unknown>;

/** The small fixture with every free-text field, id and URL replaced by a payload (within the schema's length limits). */
function hostileDataset(): string {
  const text = readFileSync(fileURLToPath(new URL('../fixtures/small-dataset.json', import.meta.url)), 'utf8');
  const data = JSON.parse(text) as Record<string, unknown>;
  let n = 0;
  const payload = (max: number) => {
    const p = PAYLOADS[n++ % PAYLOADS.length]!;
    return p.length <= max ? p : p.slice(0, max);
  };
  data.version = payload(40);
  data.title = `${SCRIPT} ${IMG}`;
  const sourceIds = new Map<string, string>();
  for (const table of TABLES) {
    const rows = (data[table] ?? []) as Row[];
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string' && FREE_TEXT.has(key)) row[key] = payload(key === 'programme' || key === 'tbijId' ? 40 : 300);
      }
      if (typeof row.id === 'string') {
        const id = `${IMG}#${table}${i}`;
        if (table === 'sources') sourceIds.set(row.id, id);
        row.id = id;
      }
    });
  }
  // One long unbroken string where a description may hold 1000 characters.
  ((data.events as Row[])[0] as Row).description = `${IMG}${'W'.repeat(900)}`;
  const sources = data.sources as Row[];
  sources.forEach((s, i) => (s.url = i === 0 ? JS_URL : i === 1 ? `https://example.org/${SVG}` : `  ${JS_URL}`));
  for (const table of TABLES.slice(1)) for (const row of (data[table] ?? []) as Row[]) row.sources = (row.sources as string[]).map((id) => sourceIds.get(id) ?? id);
  const incidents = data.incidents as Row[];
  for (const e of data.events as Row[]) if (e.incidentId) e.incidentId = incidents[0]!.id;
  return JSON.stringify(data);
}

async function armTraps(page: Page, dialogs: string[]) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Nothing should open a window either.
  page.on('popup', (popup) => dialogs.push(`popup: ${popup.url()}`));
}

/** Opens what shows strings: every panel's table, the first event's detail card, map popups. */
async function revealEverything(page: Page) {
  for (const name of PANEL_NAMES) {
    const region = page.getByRole('region', { name });
    const toggle = region.getByRole('button', { name: 'Show table' });
    if (await toggle.count()) await toggle.click();
  }
  const timeline = page.getByRole('region', { name: 'Cooperation and friction timeline' });
  const eventButton = timeline.getByRole('button', { name: /window\.__xss/ }).first();
  if (await eventButton.count()) await eventButton.click();
  const marker = page.locator('.leaflet-container .leaflet-interactive').first();
  if (await marker.count()) await marker.click({ force: true });
}

async function assertInert(page: Page, dialogs: string[], consoleErrors: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const dom = await page.evaluate(() => ({
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    inlineScripts: Array.from(document.scripts).filter((s) => !s.src).length,
    jsLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => !/^https?:/i.test((a as HTMLAnchorElement).href)).map((a) => a.getAttribute('href')),
    unsafeBlank: Array.from(document.querySelectorAll('a[target="_blank"]')).filter((a) => !/noopener/.test(a.getAttribute('rel') ?? '') || !/noreferrer/.test(a.getAttribute('rel') ?? '')).length,
  }));
  expect(dom).toEqual({ handlers: 0, injectedImages: 0, inlineScripts: 0, jsLinks: [], unsafeBlank: 0 });
  expect(consoleErrors).toEqual([]);
}

test.describe('hostile dataset strings', () => {
  test('a file loaded with the picker renders every payload as text and runs nothing', async ({ page, consoleErrors }) => {
    const dialogs: string[] = [];
    await armTraps(page, dialogs);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Drone strikes' })).not.toHaveAttribute('aria-busy', 'true');

    await page.getByTestId('dataset-file-input').setInputFiles({ name: `${IMG}.json`, mimeType: 'application/json', buffer: Buffer.from(hostileDataset()) });

    await expect(page.locator('.app-header__origin')).toContainText(`Your data: ${IMG}.json, `);
    await expect(page.locator('.app-header__meta')).toContainText(IMG);
    await revealEverything(page);
    await expect(page.getByText(IMG, { exact: false }).first()).toBeVisible();
    await expect(page.getByText(SCRIPT, { exact: false }).first()).toBeVisible();
    // The file was checked in the parse worker (allowed by the CSP's worker-src 'self').
    expect(workers.some((url) => url.includes('parseDataset.worker'))).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/screenshots/xss-file.png', fullPage: true });
    await assertInert(page, dialogs, consoleErrors);
  });

  test('a dataset from ?data= renders every payload as text and runs nothing', async ({ page, consoleErrors, baseURL }) => {
    const dialogs: string[] = [];
    await armTraps(page, dialogs);
    const body = hostileDataset();
    await page.route((url) => url.pathname === '/hostile.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto('/?data=/hostile.json');

    await expect(page.locator('.app-header__origin')).toHaveText(`URL: ${new URL('/hostile.json', baseURL!).href}`);
    await revealEverything(page);
    await expect(page.getByText(SVG, { exact: false }).first()).toBeVisible();
    await page.waitForTimeout(300);
    await assertInert(page, dialogs, consoleErrors);
  });

  test('?data=javascript:… is refused, and the built-in dataset loads', async ({ page, consoleErrors }) => {
    const dialogs: string[] = [];
    await armTraps(page, dialogs);
    await page.goto(`/?data=${encodeURIComponent(JS_URL)}`);
    await expect(page.getByText('this address uses javascript:', { exact: false })).toBeVisible();
    await expect(page.locator('.app-header__origin')).toHaveText('Built-in dataset');
    await assertInert(page, dialogs, consoleErrors);
  });

  test('a rejected file with payloads in its problems shows them as text', async ({ page, consoleErrors }) => {
    const dialogs: string[] = [];
    await armTraps(page, dialogs);
    await page.goto('/');
    await expect(page.locator('.app-header__origin')).toHaveText('Built-in dataset');
    const bad = JSON.parse(hostileDataset()) as { coverage: unknown };
    bad.coverage = IMG;
    await page.getByTestId('dataset-file-input').setInputFiles({ name: `${SCRIPT}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect(page.getByRole('heading', { name: `${SCRIPT}.json was not loaded` })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Dataset problems' })).toContainText(`coverage: must be an object (got "${IMG.replace(/"/g, '\\"')}")`);
    await expect(page.locator('.app-header__origin')).toHaveText('Built-in dataset');
    await assertInert(page, dialogs, consoleErrors);
  });
});
