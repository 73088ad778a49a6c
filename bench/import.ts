/**
 * The 100k-strike import figures (issue #18, "Scale"), in headless Chromium against the
 * production build: a user picks a 100,000-strike dataset file (≈33 MB) with "Load dataset…",
 * opens the map's table, downloads its CSV, and reloads (the dataset comes back from IndexedDB).
 *
 * - Load: from the file input's change event (its own timestamp) to the frame in which the status
 *   line counts the 100,000 strikes and all four panels are drawn.
 * - Longest main-thread task: PerformanceObserver "longtask" entries (tasks over 50 ms) inside each
 *   step's window, from its first input to a second after it finished (so the IndexedDB save and
 *   the table model that follow the load count too).
 * - Table open: "Show table" click → next paint (event timestamp to rAF + timeout), plus the rows
 *   in the DOM (a virtualised table keeps them to a screenful).
 * - CSV export: "Download CSV" click → the download event.
 * - Heap: used JS heap of the page after two forced GCs, once the load has settled; also the
 *   highest reading sampled (without GC) every 100 ms during the load.
 *
 * Run alone: `npx tsx bench/import.ts [--port=N]` (builds nothing: it serves dist/). `npm run bench`
 * runs it after the browser benchmarks, on the bench's own build, and adds its rows to the budgets.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, startPreview } from './browser';
import { ROOT, synthFile } from './synth';

export const IMPORT_STRIKES = 100_000;

export interface ImportStep {
  /** Wall time of the step, in ms (null when it did not finish). */
  ms: number | null;
  /** The longest main-thread task inside the step's window, in ms (0 when none passed 50 ms). */
  longestTaskMs: number;
  note?: string;
}

export interface ImportResults {
  fileBytes: number;
  load: ImportStep;
  /** Per panel: "Show table" to painted, and the table rows then in the DOM. */
  tables: (ImportStep & { panel: string; domRows: number; rows: number | null })[];
  csvExport: ImportStep & { bytes: number | null };
  restore: ImportStep;
  heapAfterLoadMb: number | null;
  heapPeakMb: number | null;
}

const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';
const PANELS = ['Border incidents map', 'Drone strikes', 'US aid to Pakistan', 'Cooperation and friction timeline'] as const;
const STRIKES_SHOWN = /Showing all years[^:]*:.* 100,000 drone strikes/;

declare global {
  interface Window {
    __import: { tasks: { start: number; duration: number }[]; inputAt: number | null; arm: (types: string[]) => void; paintedAfterInput: () => Promise<number> };
  }
}

/** Installed before any page script: long-task log and an input → next paint timer. */
function importProbe() {
  const tasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task support: every step reports 0 */
  }
  let armed: string[] = [];
  let resolve: (ms: number) => void = () => {};
  let painted: Promise<number> = Promise.resolve(Number.NaN);
  const state = {
    tasks,
    inputAt: null as number | null,
    arm: (types: string[]) => {
      armed = types;
      state.inputAt = null;
      painted = new Promise((r) => (resolve = r));
    },
    paintedAfterInput: () => painted,
  };
  const onEvent = (e: Event) => {
    if (!armed.includes(e.type) || !e.isTrusted) return;
    armed = [];
    const start = e.timeStamp;
    state.inputAt = start;
    const done = resolve;
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
  };
  for (const type of ['click', 'change']) window.addEventListener(type, onEvent, true);
  window.__import = state;
}

/** The longest long task that overlaps [from, to] (page clock, ms). */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => window.__import.tasks.filter((t) => t.start + t.duration >= a && t.start <= b).reduce((m, t) => Math.max(m, t.duration), 0),
    [from, to] as const,
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());
const settle = (page: Page, ms: number) => page.evaluate((t) => new Promise((r) => setTimeout(r, t)), ms);

/** Resolves with the page time of the first frame in which 100k strikes are counted and all four panels are drawn. */
async function strikesShownAt(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (pattern) => {
      const status = Array.from(document.querySelectorAll('[role="status"]')).some((el) => new RegExp(pattern).test(el.textContent ?? ''));
      if (!status) return false;
      const panels = Array.from(document.querySelectorAll('section.panel'));
      if (panels.length < 4 || panels.some((p) => p.classList.contains('panel--loading'))) return false;
      const q = (panel: string, sel: string) => document.querySelector(`section.panel[data-panel="${panel}"] ${sel}`) !== null;
      if (!(q('aid', 'svg.recharts-surface') && q('drones', 'svg.recharts-surface') && q('map', '.leaflet-container') && q('timeline', 'button'))) return false;
      return performance.now();
    },
    STRIKES_SHOWN.source,
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function heapMb(cdp: CDPSession, gc: boolean): Promise<number> {
  if (gc) {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

async function loadFile(page: Page, cdp: CDPSession, file: string): Promise<{ step: ImportStep; peak: number | null }> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        peak = Math.max(peak, await heapMb(cdp, false));
      } catch {
        /* page busy or closing */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await page.evaluate(() => window.__import.arm(['change']));
    await page.getByTestId('dataset-file-input').setInputFiles(file);
    const shownAt = await strikesShownAt(page, 120_000);
    const pickedAt = await page.evaluate(() => window.__import.inputAt);
    await settle(page, 1000);
    const from = pickedAt ?? shownAt;
    return { step: { ms: pickedAt === null ? null : shownAt - pickedAt, longestTaskMs: await longestTask(page, from, (await now(page)) + 1) }, peak };
  } finally {
    sampling = false;
    await sampler;
  }
}

async function openTable(page: Page, panelName: string): Promise<ImportResults['tables'][number]> {
  const region = page.getByRole('region', { name: panelName });
  const button = region.getByRole('button', { name: 'Show table' });
  await page.evaluate(() => window.__import.arm(['click']));
  const t0 = await now(page);
  await button.click();
  const ms = await page.evaluate(() => window.__import.paintedAfterInput());
  await settle(page, 500);
  const table = region.locator('.panel__table table');
  const domRows = await table.locator('tbody tr').count();
  const rowCount = await table.getAttribute('aria-rowcount');
  const step = { panel: panelName, ms, longestTaskMs: await longestTask(page, t0, await now(page)), domRows, rows: rowCount === null ? domRows : Number(rowCount) - 1 };
  await button.click(); // closed again, so the next step measures the page as a user left it
  return step;
}

async function exportCsv(page: Page, panelName: string): Promise<ImportResults['csvExport']> {
  const region = page.getByRole('region', { name: panelName });
  await region.getByRole('button', { name: 'Export', exact: true }).click();
  const t0 = await now(page);
  const started = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: 'Download CSV', exact: true }).click()]);
  const ms = Date.now() - started;
  const path = await download.path();
  const { statSync } = await import('node:fs');
  await settle(page, 500);
  return { ms, longestTaskMs: await longestTask(page, t0, await now(page)), bytes: statSync(path).size };
}

async function restore(page: Page): Promise<ImportStep> {
  await page.reload();
  const shownAt = await strikesShownAt(page, 120_000);
  await settle(page, 1000);
  // A fresh document: its clock starts at navigation, so the step is [0, shownAt].
  return { ms: shownAt, longestTaskMs: await longestTask(page, 0, await now(page)) };
}

const failed = (err: unknown): ImportStep => ({ ms: null, longestTaskMs: Number.NaN, note: `failed: ${(err as Error).message.split('\n')[0]}` });

/**
 * With a directory (`--profile=DIR` when run alone), each step is recorded as a Chrome CPU profile
 * (DIR/<step>.cpuprofile, open in DevTools' Performance panel): where a long task spends its time.
 * The figures of a profiled run are slower than usual; use them to find causes, not as results.
 */
async function profiled<T>({ cdp, browser }: { cdp: CDPSession; browser: Browser }, dir: string | undefined, name: string, step: () => Promise<T>): Promise<T> {
  if (!dir) return step();
  if (process.env.IMPORT_TRACE) {
    // With IMPORT_TRACE=1, a trace instead (DevTools' Performance panel): every task on every thread, with what ran in it.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    await browser.startTracing(undefined, { path: join(dir, `${name}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'] });
    try {
      return await step();
    } finally {
      await browser.stopTracing();
    }
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

export async function runImportBench(browser: Browser, base: string, log: (s: string) => void, profileDir?: string): Promise<ImportResults> {
  const file = synthFile({ strikes: IMPORT_STRIKES, events: null });
  const { statSync } = await import('node:fs');
  const fileBytes = statSync(file).size;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(importProbe);
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(base);
    await page.getByRole('region', { name: 'Drone strikes' }).locator('svg.recharts-surface').first().waitFor();
    log(`import: loading ${(fileBytes / 1024 / 1024).toFixed(1)} MB (${IMPORT_STRIKES.toLocaleString('en-US')} strikes) with "Load dataset…"`);
    let load: ImportStep;
    let heapPeakMb: number | null = null;
    let heapAfterLoadMb: number | null = null;
    try {
      const r = await profiled({ cdp, browser }, profileDir, 'load', () => loadFile(page, cdp, file));
      load = r.step;
      heapPeakMb = r.peak;
      heapAfterLoadMb = await heapMb(cdp, true);
    } catch (err) {
      load = failed(err);
    }
    log(`import: load ${load.ms?.toFixed(0) ?? 'n/a'} ms, longest task ${load.longestTaskMs.toFixed(0)} ms, heap ${heapAfterLoadMb?.toFixed(1) ?? 'n/a'} MB (peak ${heapPeakMb?.toFixed(1) ?? 'n/a'} MB)`);
    const tables: ImportResults['tables'] = [];
    for (const name of PANELS) {
      try {
        tables.push(await openTable(page, name));
      } catch (err) {
        tables.push({ panel: name, ...failed(err), domRows: 0, rows: null });
      }
      const t = tables[tables.length - 1]!;
      log(`import: ${name} table ${t.ms?.toFixed(0) ?? 'n/a'} ms (${t.rows ?? '?'} rows, ${t.domRows} in the DOM), longest task ${t.longestTaskMs.toFixed(0)} ms`);
    }
    let csvExport: ImportResults['csvExport'];
    try {
      csvExport = await profiled({ cdp, browser }, profileDir, 'csv-export', () => exportCsv(page, PANELS[0]));
    } catch (err) {
      csvExport = { ...failed(err), bytes: null };
    }
    log(`import: map CSV ${csvExport.ms?.toFixed(0) ?? 'n/a'} ms (${((csvExport.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB), longest task ${csvExport.longestTaskMs.toFixed(0)} ms`);
    let restored: ImportStep;
    try {
      restored = await profiled({ cdp, browser }, profileDir, 'restore', () => restore(page));
    } catch (err) {
      restored = failed(err);
    }
    log(`import: restore after reload ${restored.ms?.toFixed(0) ?? 'n/a'} ms, longest task ${restored.longestTaskMs.toFixed(0)} ms`);
    return { fileBytes, load, tables, csvExport, restore: restored, heapAfterLoadMb, heapPeakMb };
  } finally {
    await context.close();
  }
}

/** Budget rows for bench/run.ts (the limits are issue #18's). */
export function importBudgets(r: ImportResults, ms: (n: number | null | undefined) => string) {
  const within = (value: number | null | undefined, limit: number) => (value === null || value === undefined || Number.isNaN(value) ? false : value <= limit);
  const note = (s: ImportStep) => (s.note ? ` (${s.note})` : '');
  const rows = [
    { budget: `100k import: file picked → panels updated (${(r.fileBytes / 1024 / 1024).toFixed(1)} MB)`, limit: '≤ 5000 ms', measured: `${ms(r.load.ms)}${note(r.load)}`, pass: within(r.load.ms, 5000) },
    { budget: '100k import: longest main-thread task during the load', limit: '≤ 200 ms', measured: ms(r.load.longestTaskMs), pass: within(r.load.longestTaskMs, 200) },
  ];
  for (const t of r.tables) {
    rows.push({ budget: `100k: "Show table", ${t.panel} (${t.rows?.toLocaleString('en-US') ?? '?'} rows, ${t.domRows} in the DOM)`, limit: '≤ 300 ms', measured: `${ms(t.ms)}${note(t)}`, pass: within(t.ms, 300) });
  }
  const longestTable = Math.max(...r.tables.map((t) => t.longestTaskMs));
  rows.push({ budget: '100k: longest main-thread task opening a table', limit: '≤ 200 ms', measured: ms(longestTable), pass: within(longestTable, 200) });
  rows.push({ budget: `100k: map CSV export (${r.csvExport.bytes === null ? '?' : `${(r.csvExport.bytes / 1024 / 1024).toFixed(1)} MB`})`, limit: '≤ 3000 ms', measured: `${ms(r.csvExport.ms)}${note(r.csvExport)}`, pass: within(r.csvExport.ms, 3000) });
  rows.push({ budget: '100k: longest main-thread task during the CSV export', limit: '≤ 200 ms', measured: ms(r.csvExport.longestTaskMs), pass: within(r.csvExport.longestTaskMs, 200) });
  rows.push({ budget: '100k: JS heap after the load (after GC)', limit: '≤ 250 MB', measured: `${r.heapAfterLoadMb?.toFixed(1) ?? 'n/a'} MB (highest sampled during the load, before GC: ${r.heapPeakMb?.toFixed(1) ?? 'n/a'} MB)`, pass: within(r.heapAfterLoadMb, 250) });
  rows.push({ budget: '100k: reload, dataset restored from IndexedDB → panels updated', limit: '≤ 5000 ms', measured: `${ms(r.restore.ms)}${note(r.restore)}`, pass: within(r.restore.ms, 5000) });
  rows.push({ budget: '100k: longest main-thread task during the restore', limit: '≤ 200 ms', measured: ms(r.restore.longestTaskMs), pass: within(r.restore.longestTaskMs, 200) });
  return rows;
}

/** Serves `distDir` on `port` and runs the import figures in their own browser (what `npm run bench` calls). */
export async function runImportBenchServed(opts: { distDir: string; port: number; log: (s: string) => void; profileDir?: string }): Promise<ImportResults> {
  const server = await startPreview(opts.distDir, opts.port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await runImportBench(browser, `http://127.0.0.1:${opts.port}/`, opts.log, opts.profileDir);
  } finally {
    await browser.close();
    server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.argv.find((a) => a.startsWith('--port='))?.split('=')[1] ?? 4392);
  const profileDir = process.argv.find((a) => a.startsWith('--profile='))?.split('=')[1];
  const results = await runImportBenchServed({ distDir: join(ROOT, 'dist'), port, log: (s) => console.error(`[bench] ${s}`), ...(profileDir ? { profileDir } : {}) });
  const ms = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(0)} ms`);
  for (const row of importBudgets(results, ms)) console.log(`${row.pass ? 'pass' : 'FAIL'}  ${row.budget}: ${row.measured} (${row.limit})`);
}
