/**
 * Export and share (issue 5): per-panel PNG / SVG / CSV / copy image, the whole-dashboard PNG,
 * the 16:9 slide and "Copy link". PNGs are decoded here in Node (IHDR + zlib, no dependency)
 * to check their size and that they are not blank.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { PANEL_NAMES, expect, test } from './fixtures';
import { decodePng, type DecodedPng } from './png';
import { parseCsv } from '../../src/export/csv';


/** Pixels that differ from the background (white, or near it). */
function inkPixels(png: DecodedPng): number {
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    if (png.pixels[i + 3]! > 0 && (png.pixels[i]! < 235 || png.pixels[i + 1]! < 235 || png.pixels[i + 2]! < 235)) n++;
  }
  return n;
}

function countColor(png: DecodedPng, hex: string, tolerance = 3): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < png.pixels.length; i += 4) {
    if (Math.abs(png.pixels[i]! - r) <= tolerance && Math.abs(png.pixels[i + 1]! - g) <= tolerance && Math.abs(png.pixels[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

// ------------------------------------------------------------------ helpers

async function ready(page: Page) {
  await page.goto('/');
  for (const name of PANEL_NAMES) await expect(page.getByRole('region', { name })).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.leaflet-container path').first()).toBeAttached({ timeout: 10_000 });
  await expect(page.locator('.recharts-surface').first()).toBeAttached();
}

async function exportItem(page: Page, panel: Locator, item: string): Promise<Download> {
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = panel.getByRole('menu');
  await expect(menu).toBeVisible();
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await menu.getByRole('menuitem', { name: item, exact: true }).click();
  return download;
}

const bytesOf = async (download: Download) => {
  // EXPORT_SAVE_DIR=/tmp/exports keeps a copy of every file for a look by eye.
  if (process.env.EXPORT_SAVE_DIR) await download.saveAs(`${process.env.EXPORT_SAVE_DIR}/${download.suggestedFilename()}`);
  return readFileSync((await download.path())!);
};

async function setYears(page: Page, from: number, to: number) {
  await page.getByRole('spinbutton', { name: 'From year' }).fill(String(from));
  await page.getByRole('spinbutton', { name: 'To year' }).fill(String(to));
  await expect(page.getByRole('button', { name: `Remove filter: years ${from}–${to}` })).toBeVisible();
}

// ------------------------------------------------------------------ tests

test('the Export menu is keyboard operable: Enter opens on the first item, arrows move, Esc closes and returns focus', async ({ page }) => {
  await ready(page);
  const panel = page.getByRole('region', { name: 'Drone strikes' });
  const button = panel.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = panel.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(['Download PNG', 'Download PNG (4×)', 'Download SVG', 'Copy image', 'Download CSV', 'Download CSV + metadata (ZIP)']);
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(5)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
});

for (const name of PANEL_NAMES) {
  test(`${name}: Download PNG is 2× the export sheet, decodes and is not blank; the live view does not change`, async ({ page, consoleErrors }) => {
    await ready(page);
    const panel = page.getByRole('region', { name });
    // Watch the live chart for any change while exporting.
    await page.evaluate(() => {
      const w = window as unknown as { __mutations: number };
      w.__mutations = 0;
      const observer = new MutationObserver((records) => (w.__mutations += records.length));
      document.querySelectorAll('.panel__body').forEach((body) => observer.observe(body, { subtree: true, childList: true, attributes: true, characterData: true }));
    });
    const pageBox = () => panel.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    const before = await pageBox();
    const download = await exportItem(page, panel, 'Download PNG');
    expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+_(FY)?\d{4}-(FY)?\d{4}\.png$/);
    const png = decodePng(await bytesOf(download));
    const panelWidth = Math.round(before.width);
    expect(png.width).toBe(2 * panelWidth);
    expect(png.height % 2).toBe(0);
    expect(png.height).toBeGreaterThan(2 * 200);
    expect(inkPixels(png)).toBeGreaterThan(png.width * png.height * 0.02);
    await expect(panel.getByRole('status')).toContainText(`${png.width} × ${png.height} px`);
    expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
    expect(await pageBox()).toEqual(before);
    expect(await page.locator('.export-host').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
}

test('Download PNG (4×) is four device pixels per CSS pixel', async ({ page }) => {
  await ready(page);
  const panel = page.getByRole('region', { name: 'US aid to Pakistan' });
  const box = await panel.boundingBox();
  const download = await exportItem(page, panel, 'Download PNG (4×)');
  expect(download.suggestedFilename()).toBe('us-aid-to-pakistan_2001-2024@4x.png');
  const png = decodePng(await bytesOf(download));
  expect(png.width).toBe(4 * Math.round(box!.width));
  expect(png.height % 4).toBe(0);
});

test('the map PNG holds the basemap, offline (every non-local request blocked)', async ({ page }) => {
  const attempted: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    attempted.push(url.href);
    return route.abort('internetdisconnected');
  });
  await ready(page);
  const panel = page.getByRole('region', { name: 'Border incidents map' });
  const png = decodePng(await bytesOf(await exportItem(page, panel, 'Download PNG')));
  // Land fills from src/panels/map/mapStyle.ts (BASEMAP_STYLE.countryFill): Pakistan and Afghanistan.
  expect(countColor(png, '#fbf8ef')).toBeGreaterThan(20_000);
  expect(countColor(png, '#f0ebdd')).toBeGreaterThan(10_000);
  // Strikes (canvas layer) came through too: their red fill.
  expect(countColor(png, '#b4232a', 60)).toBeGreaterThan(50);
  expect(attempted).toEqual([]);
});

const LEGEND_PROBES: Record<(typeof PANEL_NAMES)[number], (page: Page) => Promise<string[]>> = {
  // The aid legend names the categories as the chart's tooltip and table do (the chips use short names).
  'US aid to Pakistan': async () => ['Security-related', 'Economic-related'],
  'Drone strikes': async () => ['Strikes (left axis)', 'Total killed, min–max (right axis)'],
  'Border incidents map': async () => ['Border incident', 'Former FATA agency'],
  'Cooperation and friction timeline': async (page) => (await page.locator('.timeline-legend__item').allTextContents()).map((t) => t.trim()),
};

for (const name of PANEL_NAMES) {
  test(`${name}: Download SVG is well-formed XML with the title, legend and filter line as text`, async ({ page }) => {
    await ready(page);
    await setYears(page, 2008, 2011);
    const panel = page.getByRole('region', { name });
    const legend = await LEGEND_PROBES[name](page);
    const download = await exportItem(page, panel, 'Download SVG');
    expect(download.suggestedFilename()).toMatch(/_(FY)?2008-(FY)?2011\.svg$/);
    const text = (await bytesOf(download)).toString('utf8');
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: doc.documentElement.nodeName,
        namespace: doc.documentElement.namespaceURI,
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
        hasFont: /@font-face/.test(doc.querySelector('style')?.textContent ?? ''),
        remote: /url\((?!data:)/.test(doc.querySelector('style')?.textContent ?? ''),
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
    expect(parsed.texts).toContain(name);
    const joined = parsed.texts.join('\n');
    expect(joined).toContain(name === 'US aid to Pakistan' ? 'Filters: FY2008–FY2011' : 'Filters: 2008–2011');
    expect(legend.length).toBeGreaterThan(0);
    for (const label of legend) expect(joined).toContain(label);
    expect(joined).toMatch(/Sources: /);
    expect(joined).toMatch(/data version /);
    expect(parsed.hasFont).toBe(true);
    expect(parsed.remote).toBe(false);
    // Real vectors: the chart is drawn with shapes, not an embedded bitmap.
    expect(text).not.toContain('<image');
  });
}

for (const name of PANEL_NAMES) {
  test(`${name}: Download CSV is tidy and holds what the table shows under a 2008–2011 filter`, async ({ page }) => {
    await ready(page);
    await setYears(page, 2008, 2011);
    const panel = page.getByRole('region', { name });
    await panel.getByRole('button', { name: 'Show table' }).click();
    const table = panel.locator('.panel__table table');
    await expect(table).toBeVisible();
    const bodyRows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const tableRows = bodyRows.length === 1 && bodyRows[0]!.length === 1 ? [] : bodyRows;

    const download = await exportItem(page, panel, 'Download CSV');
    const file = download.suggestedFilename();
    expect(file).toMatch(name === 'US aid to Pakistan' ? /^us-aid-to-pakistan_FY2008-FY2011_by-category\.csv$/ : /_2008-2011\.csv$/);
    const bytes = await bytesOf(download);
    // UTF-8 without a byte-order mark; the header is line 1, with no comment lines.
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').some((line) => line.startsWith('#'))).toBe(false);
    const [header, ...data] = parseCsv(text);
    expect(header!.every((h) => /^[a-z][a-z0-9_]*$/.test(h))).toBe(true);
    expect(header).toEqual(expect.arrayContaining(['source_ids', 'source_titles']));
    expect(data.length).toBeGreaterThan(0);
    expect(data.some((r) => r[header!.indexOf('source_ids')] !== '')).toBe(true);
    if (name === 'US aid to Pakistan') {
      // Long form: one row per fiscal-year slot and series; the table has one row per slot.
      const slots = new Set(data.map((r) => `${r[header!.indexOf('fiscal_year_start')]}-${r[header!.indexOf('fiscal_year_end')]}`));
      expect(slots.size).toBe(tableRows.length);
      expect([...slots]).toEqual(['2008-2008', '2009-2009', '2010-2010', '2011-2011']);
    } else {
      expect(data.length).toBe(tableRows.length);
    }
  });
}

test('Copy image puts a PNG on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await ready(page);
  const panel = page.getByRole('region', { name: 'Drone strikes' });
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('menuitem', { name: 'Copy image' }).click();
  await expect(panel.getByRole('status')).toContainText('Image copied to the clipboard.', { timeout: 30_000 });
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
  expect(types).toContain('image/png');
});

test('when the browser refuses the clipboard, Copy image says so and offers the download', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'write', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  });
  await ready(page);
  const panel = page.getByRole('region', { name: 'Cooperation and friction timeline' });
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await panel.getByRole('menuitem', { name: 'Copy image' }).click();
  const status = panel.getByRole('status');
  await expect(status).toContainText('did not allow copying the image');
  const download = page.waitForEvent('download');
  await status.getByRole('button', { name: 'Download PNG instead' }).click();
  expect((await download).suggestedFilename()).toBe('cooperation-and-friction-timeline_2001-2024.png');
});

test('Export dashboard: one PNG of all four panels, 2× the sheet', async ({ page }) => {
  await ready(page);
  const grid = await page.locator('.panel-grid').boundingBox();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Export dashboard' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pakistan-us-relations-dashboard_2001-2024.png');
  const png = decodePng(await bytesOf(file));
  expect(png.width).toBe(2 * (Math.round(grid!.width) + 48));
  expect(png.height).toBeGreaterThan(png.width * 0.5);
  expect(inkPixels(png)).toBeGreaterThan(png.width * png.height * 0.05);
});

test('Slide (16:9) is exactly 1920 × 1080 and not blank', async ({ page }) => {
  await ready(page);
  await setYears(page, 2008, 2011);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Slide (16:9)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pakistan-us-relations-dashboard_2008-2011_slide-16x9.png');
  const png = decodePng(await bytesOf(file));
  expect([png.width, png.height]).toEqual([1920, 1080]);
  expect(inkPixels(png)).toBeGreaterThan(1920 * 1080 * 0.05);
  // The basemap made it into the slide too.
  expect(countColor(png, '#fbf8ef')).toBeGreaterThan(5_000);
});

test('Copy link copies the URL with the full state, with a visible confirmation', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await ready(page);
  await setYears(page, 2008, 2011);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toMatch(/2008/);
});

test('when the clipboard is refused, Copy link shows the link in a selectable field', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  });
  await ready(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.getByRole('textbox', { name: 'Link to this view' });
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(page.url());
  await expect(field).toBeFocused({ timeout: 1000 }).catch(() => undefined);
});

test('axe-core finds no violations in the open Export menu, its messages and the dashboard export bar', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
  });
  await ready(page);
  const panel = page.getByRole('region', { name: 'US aid to Pakistan' });
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel.getByRole('menu')).toBeVisible();
  const open = await new AxeBuilder({ page }).include('.export-menu').include('.dashboard-export').analyze();
  expect(open.violations).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('textbox', { name: 'Link to this view' })).toBeVisible();
  const fallback = await new AxeBuilder({ page }).include('.dashboard-export').analyze();
  expect(fallback.violations).toEqual([]);
});
