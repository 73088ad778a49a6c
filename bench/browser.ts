/**
 * Browser benchmarks, in headless Chromium through Playwright, against the production build
 * served by `vite preview` on 127.0.0.1: interaction latency, cold load, first-load JavaScript,
 * panel PNG export and heap growth.
 *
 * Interaction latency is measured from the input event's own timestamp (`event.timeStamp`, set
 * when the browser received the input) to the next paint: a capture listener on window queues a
 * requestAnimationFrame + setTimeout. React renders discrete events (key, click, pointerup)
 * synchronously, so all four panels have committed before that frame; the timeout fires after it
 * painted. Animations that follow (a Leaflet popup panning the map) are not counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ROOT, synthFile } from './synth';
import { summarize, type Stats } from './stats';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'];
const PANELS = ['US aid to Pakistan', 'Drone strikes', 'Border incidents map', 'Cooperation and friction timeline'] as const;

export interface InteractionResult {
  dataset: 'real' | 'synthetic-100k';
  interaction: 'type-year' | 'brush' | 'click-event' | 'toggle-layer';
  stats: Stats;
  /** Set when the run was cut short (time cap reached, or the page stopped responding). */
  note?: string;
}
export interface ChunkInfo {
  file: string;
  bytes: number;
  gzip: number;
  firstLoad: boolean;
}
export interface BrowserResults {
  browserVersion: string;
  interactions: InteractionResult[];
  coldLoad: Stats & { runs: number[] };
  /** The entry JS: scripts index.html loads itself (script src and modulepreload), gzip. */
  initialJsGzip: number;
  initialJsFiles: string[];
  /** Every script fetched before the four panels painted (entry + the lazily loaded map), gzip. */
  firstLoadJsGzip: number;
  firstLoadJsFiles: string[];
  distBytes: number;
  chunks: ChunkInfo[];
  exportPng: { panel: string; ms: number | null; note?: string }[];
  memory: { after10: number; after500: number; growthMb: number } | null;
  synthLoadMs: number | null;
}

// ------------------------------------------------------------------ server

export async function startPreview(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${port}`);
}

// ------------------------------------------------------------------ page probe

/** tsx (esbuild keepNames) wraps functions in `__name(...)`; functions sent to the page need it defined. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

declare global {
  interface Window {
    __bench: { arm: (types: string[]) => void; done: () => Promise<number> };
    gc?: () => void;
  }
}

/** Installed before any page script: the latency probe described at the top of this file. */
function probe() {
  let resolve: (ms: number) => void = () => {};
  let result: Promise<number> = Promise.resolve(Number.NaN);
  let armed: string[] = [];
  const onEvent = (e: Event) => {
    if (!armed.includes(e.type) || !e.isTrusted) return;
    armed = [];
    const start = e.timeStamp;
    const done = resolve;
    // Registered before React's handlers run: this frame callback runs in the first frame after the
    // event's synchronous render (and before any frame callback the render queued, such as Leaflet's
    // canvas redraw, which still lands in the same frame); the timeout runs once that frame painted.
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
  };
  for (const type of ['keydown', 'keyup', 'input', 'pointerdown', 'pointerup', 'click', 'change']) window.addEventListener(type, onEvent, true);
  window.__bench = {
    arm: (types) => {
      armed = types;
      result = new Promise((r) => (resolve = r));
    },
    done: () => result,
  };
}

async function measure(page: Page, types: string[], act: () => Promise<void>): Promise<number> {
  await page.evaluate((t) => window.__bench.arm(t), types);
  await act();
  return page.evaluate(() => Promise.race([window.__bench.done(), new Promise<number>((r) => setTimeout(() => r(Number.NaN), 60_000))]));
}

async function openApp(browser: Browser, base: string, datasetFile: string | null): Promise<{ page: Page; loadMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(datasetFile ? 60_000 : 30_000);
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(probe);
  if (datasetFile) {
    const body = readFileSync(datasetFile);
    await page.route('**/data/dataset.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  const t0 = Date.now();
  await page.goto(base);
  await waitForPanels(page, datasetFile ? 180_000 : 30_000);
  return { page, loadMs: Date.now() - t0 };
}

/** Four panels drawn: both charts' SVGs, the Leaflet map with its data pane, the timeline's events. */
async function waitForPanels(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const panels = Array.from(document.querySelectorAll('section.panel'));
      if (panels.length < 4 || panels.some((p) => p.classList.contains('panel--loading'))) return false;
      const q = (panel: string, sel: string) => document.querySelector(`section.panel[data-panel="${panel}"] ${sel}`) !== null;
      return q('aid', 'svg.recharts-surface') && q('drones', 'svg.recharts-surface') && q('map', '.leaflet-container') && q('timeline', 'button');
    },
    null,
    { timeout, polling: 'raf' },
  );
}

// ------------------------------------------------------------------ interactions

const panel = (page: Page, name: string) => page.getByRole('region', { name });

async function typeYear(page: Page, i: number): Promise<number> {
  const field = page.getByRole('spinbutton', { name: 'From year' });
  const year = 2002 + (i % 12);
  await field.click();
  await field.press('Control+a');
  await page.keyboard.type(String(year).slice(0, 3));
  // The fourth digit commits the year: that keystroke is measured.
  return measure(page, ['keydown', 'input'], () => page.keyboard.type(String(year).slice(3)));
}

async function brush(page: Page, i: number): Promise<number> {
  const strip = page.getByTestId('timeline-brush');
  const box = await strip.boundingBox();
  if (!box) throw new Error('no timeline brush');
  const a = 0.1 + ((i * 7) % 10) / 40;
  const b = 0.55 + ((i * 3) % 10) / 30;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * a, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((a + b) / 2), y, { steps: 2 });
  await page.mouse.move(box.x + box.width * b, y, { steps: 2 });
  return measure(page, ['pointerup'], () => page.mouse.up());
}

async function clickEvent(page: Page, i: number): Promise<number> {
  const buttons = panel(page, PANELS[3]).locator('.timeline__lane button');
  const n = await buttons.count();
  if (n === 0) throw new Error('no timeline events to click');
  const target = buttons.nth((i * 5) % n);
  await target.scrollIntoViewIfNeeded();
  return measure(page, ['click'], () => target.click());
}

async function toggleLayer(page: Page, i: number): Promise<number> {
  const box = panel(page, PANELS[2]).getByRole('checkbox', { name: i % 2 === 0 ? 'Drone strikes' : 'Incidents' });
  return measure(page, ['click', 'change'], () => box.click());
}

const INTERACTIONS = { 'type-year': typeYear, brush, 'click-event': clickEvent, 'toggle-layer': toggleLayer } as const;

async function resetFilters(page: Page) {
  await page.getByRole('button', { name: 'Reset all filters' }).click();
}

async function interactionSuite(
  browser: Browser,
  base: string,
  label: InteractionResult['dataset'],
  datasetFile: string | null,
  repeats: number,
  capMs: number,
  log: (s: string) => void,
): Promise<{ results: InteractionResult[]; loadMs: number }> {
  const { page, loadMs } = await openApp(browser, base, datasetFile);
  log(`browser: ${label} loaded in ${loadMs} ms`);
  const results: InteractionResult[] = [];
  let frozen = false;
  for (const [name, run] of Object.entries(INTERACTIONS) as [InteractionResult['interaction'], (p: Page, i: number) => Promise<number>][]) {
    const times: number[] = [];
    let note: string | undefined;
    if (frozen) note = 'not run: the page stopped responding earlier';
    const deadline = Date.now() + capMs;
    try {
      if (!frozen) await resetFilters(page);
      for (let i = 0; !frozen && i < repeats + 2; i++) {
        if (Date.now() > deadline) {
          note = `cut short after ${(capMs / 1000).toFixed(0)} s (${times.length} of ${repeats} samples)`;
          break;
        }
        const ms = await run(page, i);
        if (i >= 2 || label !== 'real') times.push(ms); // on the real data the first two warm the JIT and lazy paths
        if (name === 'click-event' && i % 3 === 2) await resetFilters(page);
      }
      // Leave every layer on for the next suite.
      if (!frozen && name === 'toggle-layer' && times.length % 2 === 1) await toggleLayer(page, 1);
    } catch (err) {
      frozen = true;
      note = `page stopped responding (${(err as Error).message.split('\n')[0]})`;
    }
    const result: InteractionResult = { dataset: label, interaction: name, stats: summarize(times.filter((t) => !Number.isNaN(t))), ...(note ? { note } : {}) };
    results.push(result);
    log(`browser: ${label} ${name} median ${result.stats.median.toFixed(1)} ms p95 ${result.stats.p95.toFixed(1)} ms${note ? ` (${note})` : ''}`);
  }
  await page.context().close();
  return { results, loadMs };
}

// ------------------------------------------------------------------ cold load and sizes

async function coldLoad(browser: Browser, base: string, distDir: string, runs: number) {
  const times: number[] = [];
  let firstLoadFiles: string[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(base);
    await waitForPanels(page, 30_000);
    // The frame that paints them: time from navigation start.
    const ms = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
    times.push(ms);
    firstLoadFiles = [...scripts];
    await context.close();
  }
  const firstLoadJsGzip = firstLoadFiles.reduce((sum, p) => {
    try {
      return sum + gzipSync(readFileSync(join(distDir, p))).length;
    } catch {
      return sum;
    }
  }, 0);
  return { stats: { ...summarize(times), runs: times }, firstLoadFiles, firstLoadJsGzip };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function sizes(distDir: string, firstLoad: readonly string[]): { distBytes: number; chunks: ChunkInfo[] } {
  const files = walk(distDir);
  const distBytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const chunks = files
    .filter((f) => f.endsWith('.js') && f.includes('/assets/'))
    .map((f) => {
      const rel = `/${relative(distDir, f)}`;
      const buf = readFileSync(f);
      return { file: rel, bytes: buf.length, gzip: gzipSync(buf).length, firstLoad: firstLoad.includes(rel) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return { distBytes, chunks };
}

function initialJs(distDir: string): { initialJsGzip: number; initialJsFiles: string[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!).filter((f) => f.endsWith('.js'));
  const initialJsGzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f.replace(/^\.?\//, '')))).length, 0);
  return { initialJsGzip, initialJsFiles: files };
}

// ------------------------------------------------------------------ export

async function exportPngs(browser: Browser, base: string): Promise<BrowserResults['exportPng']> {
  const { page } = await openApp(browser, base, null);
  const out: BrowserResults['exportPng'] = [];
  for (const name of PANELS) {
    const region = panel(page, name);
    const button = region.getByRole('button', { name: 'Export', exact: true });
    if ((await button.count()) === 0) {
      out.push({ panel: name, ms: null, note: 'n/a (export not built)' });
      continue;
    }
    const times: number[] = [];
    let note: string | undefined;
    for (let i = 0; i < 4; i++) {
      await button.click();
      const item = page.getByRole('menuitem', { name: 'Download PNG', exact: true });
      const t0 = Date.now();
      try {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), item.click()]);
        await download.path();
        if (i > 0) times.push(Date.now() - t0); // the first one loads the export code
      } catch (err) {
        note = `failed: ${(err as Error).message.split('\n')[0]}`;
        break;
      }
    }
    out.push({ panel: name, ms: times.length ? summarize(times).median : null, ...(note ? { note } : {}) });
  }
  await page.context().close();
  return out;
}

// ------------------------------------------------------------------ memory

async function memory(browser: Browser, base: string): Promise<BrowserResults['memory']> {
  const { page } = await openApp(browser, base, null);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  };
  // A fast mix of the four interactions, without the latency probe's waiting.
  const kinds = Object.values(INTERACTIONS);
  let after10 = 0;
  for (let i = 0; i < 500; i++) {
    await kinds[i % kinds.length]!(page, i);
    if (i % 12 === 11) await resetFilters(page);
    if (i === 9) after10 = await heap();
  }
  const after500 = await heap();
  await page.context().close();
  return { after10, after500, growthMb: (after500 - after10) / 1024 / 1024 };
}

// ------------------------------------------------------------------ all

export async function runBrowserBench(opts: { distDir: string; port: number; repeats: number; coldRuns: number; memory: boolean; log: (s: string) => void }): Promise<BrowserResults> {
  const { log } = opts;
  const server = await startPreview(opts.distDir, opts.port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const base = `http://127.0.0.1:${opts.port}/`;
    log('browser: cold load');
    const cold = await coldLoad(browser, base, opts.distDir, opts.coldRuns);
    const { distBytes, chunks } = sizes(opts.distDir, cold.firstLoadFiles);
    const real = await interactionSuite(browser, base, 'real', null, opts.repeats, 120_000, log);
    log('browser: generating the 100k synthetic dataset (cached in bench/.cache)');
    const file = synthFile({ strikes: 100_000, events: null });
    const synth = await interactionSuite(browser, base, 'synthetic-100k', file, opts.repeats, 90_000, log);
    log('browser: export');
    const exportPng = await exportPngs(browser, base);
    log('browser: memory');
    const mem = opts.memory ? await memory(browser, base) : null;
    return {
      browserVersion: browser.version(),
      interactions: [...real.results, ...synth.results],
      coldLoad: cold.stats,
      ...initialJs(opts.distDir),
      firstLoadJsGzip: cold.firstLoadJsGzip,
      firstLoadJsFiles: cold.firstLoadFiles,
      distBytes,
      chunks,
      exportPng,
      memory: mem,
      synthLoadMs: synth.loadMs,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}
