/**
 * Where the data comes from (issue 15), in the built app under its Content-Security-Policy: a
 * `?data=` address on another origin is fetched only after the user says so; after a redirect
 * the banner names the host that served the data, in full; the exports carry that host; and a
 * 404 or a server that never answers get messages about the network.
 *
 * Two more local servers stand in for other sites: "B" on 127.0.0.1 (another port, so another
 * origin) redirects to "C" on localhost (another host), which serves the dataset.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const B_PORT = APP_PORT + 1000;
const C_PORT = APP_PORT + 2000;
const B = `http://127.0.0.1:${B_PORT}`;
const C_HOST = `localhost:${C_PORT}`;
const DATASET = readFileSync(new URL('../fixtures/small-dataset.json', import.meta.url), 'utf8');

const requests: string[] = [];
const hanging: ServerResponse[] = [];
let servers: Server[] = [];

function cors(res: ServerResponse) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cache-Control', 'no-store');
}

function siteB(req: IncomingMessage, res: ServerResponse) {
  requests.push(`B ${req.url}`);
  cors(res);
  if (req.url === '/pk.json') {
    res.writeHead(302, { Location: `http://${C_HOST}/final/pk.json` }).end();
  } else if (req.url === '/hang.json') {
    hanging.push(res); // never answered
  } else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}

function siteC(req: IncomingMessage, res: ServerResponse) {
  requests.push(`C ${req.url}`);
  cors(res);
  if (req.url === '/final/pk.json') res.writeHead(200, { 'Content-Type': 'application/json' }).end(DATASET);
  else res.writeHead(404).end();
}

const listen = (handler: (req: IncomingMessage, res: ServerResponse) => void, port: number, host?: string) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });

test.beforeAll(async () => {
  // C listens on every interface: "localhost" may resolve to ::1 or 127.0.0.1.
  servers = [await listen(siteB, B_PORT, '127.0.0.1'), await listen(siteC, C_PORT)];
});

test.afterAll(async () => {
  for (const res of hanging) res.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

test.beforeEach(() => {
  requests.length = 0;
});

const origin = (page: Page) => page.locator('.app-header__origin');

test('a cross-origin ?data= asks first; Cancel keeps the built-in dataset, fetches nothing and says so', async ({ page, consoleErrors }) => {
  await page.goto(`/?data=${encodeURIComponent(`${B}/pk.json`)}`);
  const dialog = page.getByRole('alertdialog', { name: `Load data from 127.0.0.1:${B_PORT}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  expect(requests).toEqual([]);

  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(dialog).toBeHidden();
  await expect(origin(page)).toHaveText('Built-in dataset');
  await expect(page.getByRole('note', { name: `Data from 127.0.0.1:${B_PORT} was not loaded: the built-in dataset is shown` })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Data origin' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('data')).toBe(false);
  expect(requests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('Load follows the redirect; the banner names the final host in full, and the SVG and PNG exports carry it', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/?data=${encodeURIComponent(`${B}/pk.json`)}`);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Load' }).click();

  const banner = page.getByRole('note', { name: 'Data origin' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`Data from ${C_HOST}, not the dashboard’s built-in dataset.`);
  await expect(banner).toContainText(`Served from http://${C_HOST}/final/pk.json (the link asked for ${B}/pk.json and was redirected)`);
  expect(requests).toEqual(['B /pk.json', 'C /final/pk.json']);
  await expect(origin(page)).toHaveText(`URL: http://${C_HOST}/final/pk.json`);

  // Never cut: each host/address wraps inside the banner, at 360 px too.
  for (const host of await banner.locator('.data-origin__host').all()) {
    const box = await host.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, clip: getComputedStyle(el).textOverflow }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    expect(box.clip).not.toBe('ellipsis');
  }
  const bannerBox = (await banner.boundingBox())!;
  expect(bannerBox.x + bannerBox.width).toBeLessThanOrEqual(360);
  // Visibly unlike the built-in header cells: the warning background.
  expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 244, 206)');

  await page.setViewportSize({ width: 1366, height: 768 });
  const panel = page.getByRole('region', { name: 'Drone strikes' });
  await expect(panel).not.toHaveAttribute('aria-busy', 'true');

  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  let download = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('menuitem', { name: 'Download SVG', exact: true }).click();
  const svg = readFileSync((await (await download).path())!, 'utf8');
  const texts = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      origin: [...doc.querySelectorAll('.export-origin')].map((t) => t.textContent).join(' '),
      credit: [...doc.querySelectorAll('.export-credit')].map((t) => t.textContent).join(' '),
      metadata: doc.querySelector('metadata.export-data-origin')?.textContent ?? '',
    };
  }, svg);
  expect(texts.origin).toBe(`Data from ${C_HOST}, not the dashboard’s built-in dataset`);
  expect(texts.metadata).toContain(`address: http://${C_HOST}/final/pk.json`);
  // The file's own version is not passed off as the dashboard's.
  expect(texts.credit).not.toContain('data version');

  // The PNG is drawn from the same footer: its sheet holds the origin line before it is rasterised.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { exportSheets: string[] }).exportSheets = seen;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.querySelector('.export-origin')) seen.push(n.querySelector('.export-origin')!.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true });
  });
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  download = page.waitForEvent('download', { timeout: 30_000 });
  await panel.getByRole('menuitem', { name: 'Download PNG', exact: true }).click();
  const png = readFileSync((await (await download).path())!);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const sheets = await page.evaluate(() => (window as unknown as { exportSheets: string[] }).exportSheets);
  expect(sheets.join(' ')).toContain(`Data from ${C_HOST}`);

  // The way back.
  await banner.getByRole('button', { name: 'Restore the built-in dataset' }).click();
  await expect(origin(page)).toHaveText('Built-in dataset');
  await expect(banner).toHaveCount(0);
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('a 404 gets a message about the server, and the built-in dataset stays', async ({ page }) => {
  await page.goto(`/?data=${encodeURIComponent(`${B}/missing.json`)}`);
  await page.getByRole('alertdialog', { name: `Load data from 127.0.0.1:${B_PORT}?` }).getByRole('button', { name: 'Load' }).click();
  const problems = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `${B}/missing.json was not loaded` }) });
  await expect(problems).toContainText(`127.0.0.1:${B_PORT} answered 404 Not Found: there is no file at this address.`);
  await expect(problems).not.toContainText('where in the file');
  await expect(origin(page)).toHaveText('Built-in dataset');
});

test('a server that never answers is stopped after 30 s with a message about the network', async ({ page }) => {
  // The page's clock is Playwright's: 30 s pass in an instant, through the app's own timer.
  await page.clock.install();
  await page.goto(`/?data=${encodeURIComponent(`${B}/hang.json`)}`);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Load' }).click();
  await expect.poll(() => requests).toContain('B /hang.json');
  await page.clock.fastForward(29_000);
  await expect(page.getByRole('heading', { name: `${B}/hang.json was not loaded` })).toHaveCount(0);
  await page.clock.fastForward(1_500);
  const problems = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: `${B}/hang.json was not loaded` }) });
  await expect(problems).toContainText(`127.0.0.1:${B_PORT} did not answer within 30 seconds, so the request was stopped.`);
  await expect(origin(page)).toHaveText('Built-in dataset');
});
