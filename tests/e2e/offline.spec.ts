/**
 * Offline use and updates (issue 15), against real builds served the way a static host serves
 * them. beforeAll runs `vite build` three times (about 2 s each): v1 under /dash/, v2 under /dash/
 * (another dataset version, its chunks in another folder, so v1's chunks are gone from the
 * server as after a real deployment), and v1 under /dash2/. A small Node server in this file
 * plays the host: every answer carries `Cache-Control: max-age=600` (GitHub Pages), a deployment
 * swaps a folder, and it can play a captive portal, a host that answers 404, or no network.
 *
 * The first test keeps the older check: with every foreign request blocked, the app (served by
 * the usual preview server) renders fully and asks for nothing foreign.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import type { BrowserContext, Page } from '@playwright/test';
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
  await expectFullApp(page);
  await expect(page.locator('.app-header__origin')).toHaveText('Built-in dataset');
  // No tile layer: nothing in the map is an <img> from elsewhere.
  expect(await page.locator('.leaflet-container img.leaflet-tile').count()).toBe(0);
  // Fonts are bundled: the heading is set in Inter, not a fallback.
  expect(await page.evaluate(() => document.fonts.check('16px "Inter Variable"'))).toBe(true);

  await page.waitForLoadState('networkidle');
  expect(attempted).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

const V1 = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')).version as string;
const V2 = `${V1}-next`;
const VIEW = '?from=2008&to=2011';
const PROMPT = 'A new version is available.';

let work = '';
const builds = { v1: '', v2: '', dash2: '' };

async function viteBuild(outDir: string, base: string, extra: { publicDir?: string; assetsDir?: string } = {}) {
  await build({
    configFile: resolve('vite.config.ts'),
    base,
    logLevel: 'error',
    ...(extra.publicDir ? { publicDir: extra.publicDir } : {}),
    build: { outDir, emptyOutDir: true, ...(extra.assetsDir ? { assetsDir: extra.assetsDir } : {}) },
  });
}

test.describe('the service worker', () => {
  // Each test drives two deployments, several reloads and an export in real browser tabs; on a
  // 2-core machine that is near Playwright's default 30 s, which is a test limit, not a budget.
  test.describe.configure({ timeout: 90_000 });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    work = mkdtempSync(join(tmpdir(), 'offline-spec-'));
    builds.v1 = join(work, 'v1');
    builds.v2 = join(work, 'v2');
    builds.dash2 = join(work, 'dash2');
    // v2's dataset differs only in its version, which the header shows.
    const publicV2 = join(work, 'public-v2');
    cpSync('public', publicV2, { recursive: true });
    const dataset = JSON.parse(readFileSync(join(publicV2, 'data/dataset.json'), 'utf8'));
    writeFileSync(join(publicV2, 'data/dataset.json'), JSON.stringify({ ...dataset, version: V2 }, null, 2));
    await viteBuild(builds.v1, '/dash/');
    await viteBuild(builds.v2, '/dash/', { publicDir: publicV2, assetsDir: 'assets-v2' });
    await viteBuild(builds.dash2, '/dash2/');
  });
  test.afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  let host: StaticHost;
  test.beforeEach(async () => {
    host = new StaticHost();
    await host.start();
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('on a host that caches for 10 minutes, a new deployment is offered ("Reload"), never forced, and Reload shows its data in the same view', async ({ page }) => {
    host.deploy('/dash/', builds.v1);
    await page.goto(host.url(`/dash/${VIEW}`));
    await expectFullApp(page, V1);
    await waitForActiveWorker(page);
    await page.reload();
    await expectFullApp(page, V1);

    host.deploy('/dash/', builds.v2);
    // The next visit still shows v1 (the cached app, at once), and says a new version exists.
    await page.reload();
    const prompt = page.getByRole('region', { name: PROMPT });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();
    // No silent takeover: until the user says so, the open tab keeps v1.
    await page.waitForTimeout(1000);
    await expect(page.getByText(V1, { exact: true })).toBeVisible();
    await expect(page.getByText(V2, { exact: true })).toHaveCount(0);

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expectFullApp(page, V2);
    await expect(prompt).toHaveCount(0);
    expect(new URL(page.url()).search).toBe(VIEW);
    await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
    // And it stays v2: nothing stale was put in the new cache.
    await page.reload();
    await expectFullApp(page, V2);
  });

  test('an old tab whose chunks a deployment removed: "Export dashboard" offers Reload instead of a raw error, and Reload keeps the view and the deck', async ({ context }) => {
    host.deploy('/dash/', builds.v1);
    const first = await context.newPage();
    await first.goto(host.url('/dash/'));
    await expectFullApp(first, V1);
    await waitForActiveWorker(first);
    await first.reload();
    await expectFullApp(first, V1);

    const old = await context.newPage();
    await old.goto(host.url(`/dash/${VIEW}`));
    await expectFullApp(old, V1);
    const slides = await openDeckEditor(old);
    const slideTitles = slides.getByRole('textbox', { name: /^Title of slide \d+$/ });
    const before = await slideTitles.count();
    await slides.getByRole('button', { name: 'Add slide' }).click();
    await expect(slideTitles).toHaveCount(before + 1);
    await slides.getByRole('button', { name: 'Close' }).click();

    // Deploy v2; the other tab takes it, which removes v1's files from the shared cache.
    host.deploy('/dash/', builds.v2);
    await first.reload();
    await first.getByRole('region', { name: PROMPT }).getByRole('button', { name: 'Reload' }).click({ timeout: 20_000 });
    await expectFullApp(first, V2);
    // Ten minutes later, the host's answers have left the browser's HTTP cache too.
    await clearHttpCache(context, old);

    await old.getByRole('button', { name: 'Export dashboard' }).click();
    await expect(old.getByText(/Export failed: A new version of the dashboard has been published/)).toBeVisible({ timeout: 20_000 });
    await expect(old.getByText(/dynamically imported module/)).toHaveCount(0);
    const reload = old.getByRole('region', { name: PROMPT }).getByRole('button', { name: 'Reload' });
    await expect(reload).toBeFocused();

    await reload.click();
    await expectFullApp(old, V2);
    expect(new URL(old.url()).search).toBe(VIEW);
    await expect(old.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
    const reopened = await openDeckEditor(old);
    await expect(reopened.getByRole('textbox', { name: /^Title of slide \d+$/ })).toHaveCount(before + 1);
  });

  test('two deployments on one origin (/dash/ and /dash2/) both work offline after one visit each', async ({ page }) => {
    host.deploy('/dash/', builds.v1);
    host.deploy('/dash2/', builds.dash2);
    await page.goto(host.url('/dash/'));
    await expectFullApp(page, V1);
    await waitForActiveWorker(page);
    // The second deployment's worker installs and activates after the first one's.
    await page.goto(host.url('/dash2/'));
    await expectFullApp(page, V1);
    await waitForActiveWorker(page);

    host.mode = 'offline';
    for (const base of ['/dash/', '/dash2/']) {
      await page.goto(host.url(`${base}${VIEW}`));
      await expectFullApp(page, V1);
      await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
      // Its own files: every script on the page comes from this deployment.
      const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLScriptElement).src).pathname));
      expect(scripts.length).toBeGreaterThan(0);
      for (const path of scripts) expect(path.startsWith(`${base}assets/`)).toBe(true);
    }
  });

  for (const answer of ['captive', 'not-found'] as const) {
    test(`after one visit, a ${answer === 'captive' ? "captive portal's 200 login page" : '404 for everything'} does not replace the cached app`, async ({ page }) => {
      host.deploy('/dash/', builds.v1);
      await page.goto(host.url('/dash/'));
      await expectFullApp(page, V1);
      await waitForActiveWorker(page);

      host.mode = answer;
      // What the host now says, to a request the worker does not answer.
      const direct = await page.request.get(host.url('/dash/'));
      expect(await direct.text()).toContain(answer === 'captive' ? 'Campus Wi-Fi' : 'Not Found');

      await page.goto(host.url(`/dash/${VIEW}`));
      await expectFullApp(page, V1);
      await expect(page.getByText('Campus Wi-Fi')).toHaveCount(0);
      await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
      await expect(page.getByRole('region', { name: PROMPT })).toHaveCount(0);
    });
  }
});

/** All four panels drawn, without errors, the basemap included; with `version`, the header names it. */
async function expectFullApp(page: Page, version?: string) {
  for (const name of PANEL_NAMES) {
    const region = page.getByRole('region', { name });
    await expect(region).toBeVisible({ timeout: 20_000 });
    await expect(region).not.toHaveAttribute('aria-busy', 'true');
    await expect(region.getByRole('alert')).toHaveCount(0);
  }
  // The basemap ships with the app (public/geo/basemap.json) and is drawn as SVG paths.
  await expect(page.locator('.leaflet-container path').first()).toBeAttached({ timeout: 10_000 });
  expect(await page.locator('.leaflet-container path').count()).toBeGreaterThan(10);
  if (version) await expect(page.getByText(version, { exact: true })).toBeVisible();
}

/** The first visit installs the worker in the background; offline use starts once it is active. */
async function waitForActiveWorker(page: Page) {
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? 'none'), { timeout: 20_000 }).toBe('activated');
}

async function openDeckEditor(page: Page) {
  await page.getByRole('button', { name: 'Slides' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slides' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function clearHttpCache(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * A static host on 127.0.0.1 (a secure context, so service workers run): each base path serves
 * one build folder, with GitHub Pages' `Cache-Control: max-age=600` on every answer.
 */
class StaticHost {
  mode: 'normal' | 'captive' | 'not-found' | 'offline' = 'normal';
  private readonly deployments = new Map<string, string>();
  private readonly server: Server = createServer((request, response) => {
    if (this.mode === 'offline') {
      request.socket.destroy();
      return;
    }
    if (this.mode === 'captive') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end('<!doctype html><title>Campus Wi-Fi</title><h1>Campus Wi-Fi login</h1><form><input name="user"><button>Sign in</button></form>');
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const base = [...this.deployments.keys()].find((prefix) => path.startsWith(prefix));
    const file = this.mode === 'normal' && base ? join(this.deployments.get(base)!, path.slice(base.length) || 'index.html') : null;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'max-age=600' });
      response.end('<!doctype html><title>404</title><h1>404 Not Found</h1>');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=600' });
    response.end(readFileSync(file));
  });

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Replaces what `base` serves, as a deployment does. */
  deploy(base: string, folder: string): void {
    this.deployments.set(base, folder);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}
