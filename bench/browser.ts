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
 *
 * Playing the years has no input event per step: a step is a timer tick. For it the probe wraps
 * window.setInterval, and an armed "interval" sample starts when the tick's callback starts, then
 * waits for the same next paint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { ROOT, synthFile } from './synth';
import { summarize, type Stats } from './stats';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--expose-gc'];
const PANELS = ['US aid to Pakistan', 'Drone strikes', 'Border incidents map', 'Cooperation and friction timeline'] as const;

export const INTERACTION_NAMES = ['type-year', 'brush', 'click-year', 'click-event', 'toggle-layer', 'tone-chip', 'aid-view', 'play-years'] as const;
export type InteractionName = (typeof INTERACTION_NAMES)[number];
export interface InteractionResult {
  dataset: 'real' | 'synthetic-100k';
  interaction: InteractionName;
  stats: Stats;
  /** The dc.js + crossfilter2 peer, same interaction, samples interleaved with ours. */
  peer: Stats;
  /** ours / peer, of the medians and of the p95s. */
  ratio: { median: number; p95: number };
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
  /** The dc.js + crossfilter2 peer's load figures, measured interleaved with ours. */
  peer: { coldLoad: Stats & { runs: number[] }; firstLoadJsGzip: number; firstLoadJsFiles: string[]; synthLoadMs: number | null };
}

// ------------------------------------------------------------------ server

/** `vite preview` of a build; `config` names the Vite config (the peer has its own). */
export async function startPreview(outDir: string, port: number, config?: string): Promise<ChildProcess> {
  const args = ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(config ? ['--config', config] : [])];
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
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
  // A play step: the tick of an interval timer (both apps step the years with window.setInterval).
  const setInterval = window.setInterval.bind(window);
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (typeof handler !== 'function') return setInterval(handler, ms, ...args);
    return setInterval(
      (...a: unknown[]) => {
        if (armed.includes('interval')) {
          armed = [];
          const start = performance.now();
          const done = resolve;
          requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
        }
        (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
  }) as typeof window.setInterval;
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

// ------------------------------------------------------------------ the two apps

/**
 * The two dashboards the harness drives: ours (the production build) and the dc.js + crossfilter2
 * peer (bench/peer/). Both show the same four regions, the same From/To year fields, layer
 * checkboxes and "Reset all filters" button; they differ only in where the charts' marks are.
 */
export interface AppUnderTest {
  name: 'ours' | 'peer';
  base: string;
  /** True in the page once the four panels are drawn. */
  ready: () => boolean;
  /** The aid chart's plot area, where a drag brushes a range of years. */
  aidPlot: (page: Page) => Locator;
  /** The strike chart's year targets (a click selects that year). */
  strikeYears: (page: Page) => Locator;
  /** The timeline's event buttons. */
  events: (page: Page) => Locator;
  /** A tone chip of the filter bar ("Cooperation", "Context", "Friction"). */
  toneChip: (page: Page, label: string) => Locator;
  /** The aid chart's breakdown switch ("By category", "By programme"). */
  aidView: (page: Page, label: string) => Locator;
}

/** Four panels drawn: both charts' SVGs, the Leaflet map with its data pane, the timeline's events. */
function oursReady(): boolean {
  const panels = Array.from(document.querySelectorAll('section.panel'));
  if (panels.length < 4 || panels.some((p) => p.classList.contains('panel--loading'))) return false;
  const q = (panel: string, sel: string) => document.querySelector(`section.panel[data-panel="${panel}"] ${sel}`) !== null;
  return q('aid', 'svg.recharts-surface') && q('drones', 'svg.recharts-surface') && q('map', '.leaflet-container') && q('timeline', 'button');
}

function peerReady(): boolean {
  return document.documentElement.dataset.peerReady === 'true';
}

export const OURS = (base: string): AppUnderTest => ({
  name: 'ours',
  base,
  ready: oursReady,
  aidPlot: (page) => panel(page, PANELS[0]).locator('.recharts-cartesian-grid'),
  strikeYears: (page) => panel(page, PANELS[1]).locator('g.year-tick'),
  events: (page) => panel(page, PANELS[3]).locator('.timeline__lane button'),
  toneChip: (page, label) => page.getByRole('search', { name: 'Filters' }).getByRole('group', { name: 'Tone', exact: true }).getByRole('button', { name: label, exact: true }),
  aidView: (page, label) => panel(page, PANELS[0]).getByRole('group', { name: 'Breakdown' }).getByRole('button', { name: label, exact: true }),
});

export const PEER = (base: string): AppUnderTest => ({
  name: 'peer',
  base,
  ready: peerReady,
  aidPlot: (page) => page.locator('#aid-chart rect.overlay'),
  strikeYears: (page) => page.locator('#strike-chart rect.bar'),
  events: (page) => page.locator('#timeline .timeline__lane button'),
  toneChip: (page, label) => page.getByRole('group', { name: 'Tone', exact: true }).getByRole('button', { name: label, exact: true }),
  aidView: (page, label) => panel(page, PANELS[0]).getByRole('group', { name: 'Breakdown' }).getByRole('button', { name: label, exact: true }),
});

async function openApp(browser: Browser, app: AppUnderTest, datasetFile: string | null): Promise<{ page: Page; loadMs: number }> {
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
  await page.goto(app.base);
  await waitForPanels(page, app, datasetFile ? 180_000 : 30_000);
  return { page, loadMs: Date.now() - t0 };
}

async function waitForPanels(page: Page, app: AppUnderTest, timeout: number): Promise<void> {
  await page.waitForFunction(app.ready, null, { timeout, polling: 'raf' });
}

// ------------------------------------------------------------------ interactions

const panel = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

type Interaction = (page: Page, app: AppUnderTest, i: number) => Promise<number>;

async function typeYear(page: Page, _app: AppUnderTest, i: number): Promise<number> {
  const field = page.getByRole('spinbutton', { name: 'From year' });
  const year = 2002 + (i % 12);
  await field.click();
  await field.press('Control+a');
  await page.keyboard.type(String(year).slice(0, 3));
  // The fourth digit commits the year: that keystroke is measured.
  return measure(page, ['keydown', 'input'], () => page.keyboard.type(String(year).slice(3)));
}

/** A drag across the aid chart's plot, from one part of the years to another. */
async function brush(page: Page, app: AppUnderTest, i: number): Promise<number> {
  const box = await app.aidPlot(page).boundingBox();
  if (!box) throw new Error('no aid chart plot');
  const a = 0.3 + ((i * 7) % 10) / 50;
  const b = 0.55 + ((i * 3) % 10) / 30;
  const y = box.y + box.height * 0.6;
  await page.mouse.move(box.x + box.width * a, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((a + b) / 2), y, { steps: 2 });
  await page.mouse.move(box.x + box.width * b, y, { steps: 2 });
  return measure(page, ['pointerup'], () => page.mouse.up());
}

async function clickYear(page: Page, app: AppUnderTest, i: number): Promise<number> {
  const years = app.strikeYears(page);
  const n = await years.count();
  if (n === 0) throw new Error('no strike years to click');
  const target = years.nth((i * 5) % n);
  return measure(page, ['click'], () => target.click());
}

async function clickEvent(page: Page, app: AppUnderTest, i: number): Promise<number> {
  const buttons = app.events(page);
  const n = await buttons.count();
  if (n === 0) throw new Error('no timeline events to click');
  const target = buttons.nth((i * 5) % n);
  await target.scrollIntoViewIfNeeded();
  return measure(page, ['click'], () => target.click());
}

async function toggleLayer(page: Page, _app: AppUnderTest, i: number): Promise<number> {
  const box = panel(page, PANELS[2]).getByRole('checkbox', { name: i % 2 === 0 ? 'Drone strikes' : 'Incidents' });
  return measure(page, ['click', 'change'], () => box.click());
}

/** Tone chips in turn, so the filter grows to all three tones and shrinks again. */
async function toneChip(page: Page, app: AppUnderTest, i: number): Promise<number> {
  const chip = app.toneChip(page, ['Friction', 'Cooperation', 'Context'][i % 3]!);
  return measure(page, ['click'], () => chip.click());
}

/** The aid chart's breakdown, by programme and back. */
async function aidView(page: Page, app: AppUnderTest, i: number): Promise<number> {
  const button = app.aidView(page, i % 2 === 0 ? 'By programme' : 'By category');
  return measure(page, ['click'], () => button.click());
}

/**
 * One step of "Play years" (one year at a time, fast): start playing, time the first timer
 * step (the next year, all four panels), pause. Each sample resumes where the last one paused,
 * so the samples walk through the years (and start again after the last). Paused between
 * samples, so one app never plays in the background while the other is measured.
 */
async function playYears(page: Page, _app: AppUnderTest, _i: number): Promise<number> {
  await page.getByRole('combobox', { name: 'Play speed' }).selectOption({ label: 'Fast' });
  await page.evaluate(() => window.__bench.arm(['interval']));
  await page.getByRole('button', { name: 'Play years', exact: true }).click();
  const ms = await page.evaluate(() => Promise.race([window.__bench.done(), new Promise<number>((r) => setTimeout(() => r(Number.NaN), 60_000))]));
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  // The play stops by itself after the last year.
  if (await pause.count()) await pause.click();
  return ms;
}

const INTERACTIONS: Record<InteractionName, Interaction> = {
  'type-year': typeYear,
  brush,
  'click-year': clickYear,
  'click-event': clickEvent,
  'toggle-layer': toggleLayer,
  'tone-chip': toneChip,
  'aid-view': aidView,
  'play-years': playYears,
};

async function resetFilters(page: Page) {
  await page.getByRole('button', { name: 'Reset all filters' }).click();
}

/**
 * Every interaction on both apps, one page each, samples interleaved (ours, peer, peer, ours, …)
 * so that a busy moment on the machine hits both alike.
 */
async function interactionSuite(
  browser: Browser,
  apps: readonly [AppUnderTest, AppUnderTest],
  label: InteractionResult['dataset'],
  datasetFile: string | null,
  repeats: number,
  capMs: number,
  log: (s: string) => void,
  only: readonly InteractionName[] = INTERACTION_NAMES,
): Promise<{ results: InteractionResult[]; loadMs: number; peerLoadMs: number }> {
  // One after the other, so that each load time is its own.
  const ours = await openApp(browser, apps[0], datasetFile);
  const peer = await openApp(browser, apps[1], datasetFile);
  const pages = [ours.page, peer.page] as const;
  log(`browser: ${label} loaded in ${ours.loadMs} ms (peer ${peer.loadMs} ms)`);
  const results: InteractionResult[] = [];
  let frozen = false;
  for (const [name, run] of (Object.entries(INTERACTIONS) as [InteractionName, Interaction][]).filter(([n]) => only.includes(n))) {
    const times: [number[], number[]] = [[], []];
    let note: string | undefined;
    if (frozen) note = 'not run: the page stopped responding earlier';
    const deadline = Date.now() + capMs;
    try {
      if (!frozen) for (const page of pages) await resetFilters(page);
      for (let i = 0; !frozen && i < repeats + 2; i++) {
        if (Date.now() > deadline) {
          note = `cut short after ${(capMs / 1000).toFixed(0)} s (${times[0].length} of ${repeats} samples)`;
          break;
        }
        for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
          const page = pages[k]!;
          await page.bringToFront();
          const ms = await run(page, apps[k]!, i);
          if (i >= 2) times[k]!.push(ms); // the first two warm the JIT and lazy paths
          if ((name === 'click-event' || name === 'click-year') && i % 3 === 2) await resetFilters(page);
        }
      }
      // Leave every layer on for the next suite.
      if (!frozen && name === 'toggle-layer' && times[0].length % 2 === 1) for (let k = 0; k < 2; k++) await toggleLayer(pages[k]!, apps[k]!, 1);
    } catch (err) {
      frozen = true;
      note = `page stopped responding (${(err as Error).message.split('\n')[0]})`;
    }
    const [stats, peerStats] = times.map((t) => summarize(t.filter((x) => !Number.isNaN(x)))) as [Stats, Stats];
    const ratio = { median: stats.median / peerStats.median, p95: stats.p95 / peerStats.p95 };
    results.push({ dataset: label, interaction: name, stats, peer: peerStats, ratio, ...(note ? { note } : {}) });
    log(`browser: ${label} ${name} ours median ${stats.median.toFixed(1)} / p95 ${stats.p95.toFixed(1)} ms, peer ${peerStats.median.toFixed(1)} / ${peerStats.p95.toFixed(1)} ms, ratio ${ratio.median.toFixed(2)} / ${ratio.p95.toFixed(2)}${note ? ` (${note})` : ''}`);
  }
  for (const page of pages) await page.context().close();
  return { results, loadMs: ours.loadMs, peerLoadMs: peer.loadMs };
}

// ------------------------------------------------------------------ cold load and sizes

type ColdLoad = { stats: Stats & { runs: number[] }; firstLoadFiles: string[]; firstLoadJsGzip: number };

/** Cold loads of both apps, interleaved: time from navigation start to the frame after four panels are drawn. */
async function coldLoad(browser: Browser, apps: readonly AppUnderTest[], distDirs: readonly string[], runs: number): Promise<ColdLoad[]> {
  const times: number[][] = apps.map(() => []);
  const firstLoadFiles: string[][] = apps.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < apps.length; k++) {
      const app = apps[k]!;
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.addInitScript(NAME_SHIM);
      const scripts = new Set<string>();
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
      });
      await page.goto(app.base);
      await waitForPanels(page, app, 30_000);
      const ms = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
      times[k]!.push(ms);
      firstLoadFiles[k] = [...scripts];
      await context.close();
    }
  }
  return apps.map((_, k) => ({
    stats: { ...summarize(times[k]!), runs: times[k]! },
    firstLoadFiles: firstLoadFiles[k]!,
    firstLoadJsGzip: firstLoadFiles[k]!.reduce((sum, p) => {
      try {
        return sum + gzipSync(readFileSync(join(distDirs[k]!, p))).length;
      } catch {
        return sum;
      }
    }, 0),
  }));
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

async function exportPngs(browser: Browser, app: AppUnderTest): Promise<BrowserResults['exportPng']> {
  const { page } = await openApp(browser, app, null);
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

async function memory(browser: Browser, app: AppUnderTest): Promise<BrowserResults['memory']> {
  const { page } = await openApp(browser, app, null);
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
    await kinds[i % kinds.length]!(page, app, i);
    if (i % 12 === 11) await resetFilters(page);
    if (i === 9) after10 = await heap();
  }
  const after500 = await heap();
  await page.context().close();
  return { after10, after500, growthMb: (after500 - after10) / 1024 / 1024 };
}

// ------------------------------------------------------------------ all

export const PEER_VITE_CONFIG = join(ROOT, 'bench/peer/vite.config.ts');

/** A targeted run (`--only=`): these interactions on these datasets, and nothing else. */
export interface InteractionOnlyRun {
  interactions: readonly InteractionName[];
  datasets: readonly InteractionResult['dataset'][];
}

/** Just the interaction latencies asked for (ours and the peer, interleaved, as in the full run). */
export async function runInteractionBench(opts: { distDir: string; peerDistDir: string; port: number; repeats: number; only: InteractionOnlyRun; log: (s: string) => void }): Promise<InteractionResult[]> {
  const server = await startPreview(opts.distDir, opts.port);
  const peerServer = await startPreview(opts.peerDistDir, opts.port + 1, PEER_VITE_CONFIG);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const apps = [OURS(`http://127.0.0.1:${opts.port}/`), PEER(`http://127.0.0.1:${opts.port + 1}/`)] as const;
    const out: InteractionResult[] = [];
    if (opts.only.datasets.includes('real')) out.push(...(await interactionSuite(browser, apps, 'real', null, opts.repeats, 120_000, opts.log, opts.only.interactions)).results);
    if (opts.only.datasets.includes('synthetic-100k')) {
      const file = synthFile({ strikes: 100_000, events: null });
      out.push(...(await interactionSuite(browser, apps, 'synthetic-100k', file, opts.repeats, 120_000, opts.log, opts.only.interactions)).results);
    }
    return out;
  } finally {
    await browser.close();
    server.kill();
    peerServer.kill();
  }
}

export async function runBrowserBench(opts: { distDir: string; peerDistDir: string; port: number; repeats: number; coldRuns: number; memory: boolean; log: (s: string) => void }): Promise<BrowserResults> {
  const { log } = opts;
  const server = await startPreview(opts.distDir, opts.port);
  const peerServer = await startPreview(opts.peerDistDir, opts.port + 1, PEER_VITE_CONFIG);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const apps = [OURS(`http://127.0.0.1:${opts.port}/`), PEER(`http://127.0.0.1:${opts.port + 1}/`)] as const;
    log('browser: cold load (ours and the peer, interleaved)');
    const [cold, peerCold] = (await coldLoad(browser, apps, [opts.distDir, opts.peerDistDir], opts.coldRuns)) as [ColdLoad, ColdLoad];
    const { distBytes, chunks } = sizes(opts.distDir, cold.firstLoadFiles);
    const real = await interactionSuite(browser, apps, 'real', null, opts.repeats, 120_000, log);
    log('browser: generating the 100k synthetic dataset (cached in bench/.cache)');
    const file = synthFile({ strikes: 100_000, events: null });
    const synth = await interactionSuite(browser, apps, 'synthetic-100k', file, opts.repeats, 120_000, log);
    log('browser: export');
    const exportPng = await exportPngs(browser, apps[0]);
    log('browser: memory');
    const mem = opts.memory ? await memory(browser, apps[0]) : null;
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
      peer: { coldLoad: peerCold.stats, firstLoadJsGzip: peerCold.firstLoadJsGzip, firstLoadJsFiles: peerCold.firstLoadFiles, synthLoadMs: synth.peerLoadMs },
    };
  } finally {
    await browser.close();
    server.kill();
    peerServer.kill();
  }
}
