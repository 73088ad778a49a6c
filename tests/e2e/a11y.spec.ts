import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PANELS } from '../../src/panels/registry';
import { PANEL_NAMES, expect, test } from './fixtures';

/**
 * Keyboard and screen-reader use (issue #15): axe-core with every rule it has, including the
 * experimental and off-by-default ones, in each state a user can reach; the skip links; focus
 * into and back out of the event card; focus that never falls to <body>; reflow at 320 px.
 */

const ALL_RULES = axe.getRules().map((rule) => rule.ruleId);
const BAD_FILE = path.resolve(import.meta.dirname, '../fixtures/bad-data/negative-amount.json');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 320, height: 640 },
] as const;

// Exact: an open table is a region too, named "<panel> table".
const panel = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const timeline = (page: Page) => panel(page, 'Cooperation and friction timeline');

async function openDashboard(page: Page, query = '') {
  await page.goto(`/${query}`);
  for (const name of PANEL_NAMES) await expect(panel(page, name)).not.toHaveAttribute('aria-busy', 'true');
}

/** One full axe run (every rule) over the whole page. */
async function expectNoViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).withRules(ALL_RULES).analyze();
  const found = results.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.join(' '));
    return `${v.id} (${v.impact}): ${targets.length} × ${targets.slice(0, 12).join(' | ')}`;
  });
  expect(found, `axe violations: ${state}`).toEqual([]);
}

/** Where focus is, in words: never "BODY". */
const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? 'none');

test('axe-core runs every one of its rules', () => {
  expect(ALL_RULES).toEqual(expect.arrayContaining(['label-content-name-mismatch', 'landmark-no-duplicate-banner', 'landmark-unique', 'skip-link', 'duplicate-id', 'target-size']));
});

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test(`axe finds nothing: default, filtered, tables open, export menu, detail card (${size})`, async ({ page }) => {
      test.setTimeout(240_000);
      await openDashboard(page);
      await expectNoViolations(page, 'default');

      await page.getByRole('spinbutton', { name: 'From year' }).fill('2008');
      await page.getByRole('spinbutton', { name: 'To year' }).fill('2011');
      await page.getByRole('button', { name: 'Friction', exact: true }).click();
      await expect(page).toHaveURL(/from=2008&to=2011/);
      await expectNoViolations(page, 'with filters');

      for (const { title } of PANELS) {
        const toggle = panel(page, title).getByRole('button', { name: 'Show table' });
        if ((await toggle.count()) > 0) await toggle.click();
      }
      await expect(page.locator('.panel__table table').first()).toBeVisible();
      await expectNoViolations(page, 'tables open');

      const aid = panel(page, 'US aid to Pakistan');
      await aid.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(aid.getByRole('menu')).toBeVisible();
      await expectNoViolations(page, 'export menu open');
      await page.keyboard.press('Escape');

      await timeline(page).getByRole('button', { name: /26 Nov 2011: Salala/ }).click();
      await expect(timeline(page).getByRole('region', { name: /Salala/ })).toBeVisible();
      await expectNoViolations(page, 'detail card open');
    });

    test(`axe finds nothing: import problems, deck editor, present mode (${size})`, async ({ page }) => {
      test.setTimeout(240_000);
      await openDashboard(page);
      await page.getByTestId('dataset-file-input').setInputFiles(BAD_FILE);
      await expect(page.getByRole('heading', { name: 'negative-amount.json was not loaded' })).toBeVisible();
      await expectNoViolations(page, 'import problems');
      await page.getByRole('button', { name: 'Dismiss' }).click();

      await page.getByRole('button', { name: 'Slides' }).click();
      await expect(page.getByRole('dialog', { name: 'Slides' })).toBeVisible();
      await expectNoViolations(page, 'deck editor');
      await page.getByRole('dialog', { name: 'Slides' }).getByRole('button', { name: 'Close', exact: true }).click();

      await page.getByRole('button', { name: 'Present' }).click();
      const seminar = page.getByRole('main', { name: 'Seminar mode' });
      await expect(seminar.getByRole('region', { name: 'US aid to Pakistan' })).toBeVisible();
      await page.waitForTimeout(500);
      await expectNoViolations(page, 'present mode');
    });
  });
}

test('the first Tab stop is "Skip to the dashboard"; it moves focus to the dashboard, and each panel has its own skip link', async ({ page }) => {
  await openDashboard(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the dashboard' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab goes into the dashboard, past the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

  await page.keyboard.press('Shift+Tab');
  const skipLinks = page.getByRole('navigation', { name: 'Skip links' }).getByRole('link');
  await expect(skipLinks).toHaveText(['Skip to the dashboard', ...PANELS.map((p) => `Skip to ${p.title}`)]);
  const last = PANELS[PANELS.length - 1]!;
  await page.getByRole('link', { name: `Skip to ${last.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page, last.title).getByRole('heading', { level: 2, name: last.title })).toBeFocused();
  await expect(panel(page, last.title)).toBeInViewport();
  expect(new URL(page.url()).hash).toBe('');
});

test('the timeline is one Tab stop for its events, with arrow keys inside', async ({ page }) => {
  await openDashboard(page);
  const events = timeline(page).locator('.timeline-event');
  expect(await events.count()).toBeGreaterThan(20);
  expect(await timeline(page).locator('.timeline-event[tabindex="0"]').count()).toBe(1);
  expect(await timeline(page).locator('.timeline__tick[tabindex="0"]').count()).toBe(1);

  await timeline(page).getByRole('button', { name: 'Friction lane' }).focus();
  await page.keyboard.press('Tab');
  const first = page.locator(':focus');
  await expect(first).toHaveClass(/timeline-event/);
  const firstName = await first.getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  expect(await page.locator(':focus').getAttribute('aria-label')).not.toBe(firstName);
  await page.keyboard.press('Home');
  expect(await page.locator(':focus').getAttribute('aria-label')).toBe(firstName);
  // Tab leaves the events for the year strip in one step.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveClass(/timeline__tick/);
});

test('map markers are 24 px targets round a 16 px mark, and one Tab stop with arrow keys between them', async ({ page }) => {
  await openDashboard(page);
  const map = panel(page, 'Border incidents map');
  const markers = map.locator('.leaflet-marker-icon.map-marker');
  expect(await markers.count()).toBeGreaterThan(10);
  const sizes = await markers.evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const mark = getComputedStyle(el, '::before');
      return { box: Math.min(box.width, box.height), mark: parseFloat(mark.width) };
    }),
  );
  for (const { box, mark } of sizes) {
    expect(box).toBeGreaterThanOrEqual(24);
    expect(mark).toBe(16);
  }
  expect(await map.locator('.leaflet-marker-icon.map-marker[tabindex="0"]').count()).toBe(1);

  await map.locator('.leaflet-marker-icon.map-marker[tabindex="0"]').focus();
  const first = await page.locator(':focus').getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  const second = await page.locator(':focus').getAttribute('aria-label');
  expect(second).not.toBe(first);
  await expect(page.locator(':focus')).toHaveAttribute('tabindex', '0');
  expect(await map.locator('.leaflet-marker-icon.map-marker[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('Home');
  expect(await page.locator(':focus').getAttribute('aria-label')).toBe(first);
  // Tab leaves the markers in one step.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.matches('.leaflet-marker-icon') ?? false)).toBe(false);
});

test('the event card takes focus on open, Escape closes it and gives focus back; Escape also closes a map popup', async ({ page }) => {
  await openDashboard(page);
  const event = timeline(page).getByRole('button', { name: /26 Nov 2011: Salala/ });
  await event.focus();
  await page.keyboard.press('Enter');
  const card = timeline(page).getByRole('region', { name: /Salala/ });
  await expect(card.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(card).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Close event details' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(event).toBeFocused();
  await expect(page).not.toHaveURL(/sel=/);

  const map = panel(page, 'Border incidents map');
  const marker = map.getByRole('button', { name: /^Salala checkpost attack/ });
  await marker.focus();
  await page.keyboard.press('Enter');
  const popup = map.locator('.leaflet-popup');
  await expect(popup).toBeVisible();
  await popup.locator('.map-popup').focus();
  await page.keyboard.press('Escape');
  await expect(popup).toHaveCount(0);
  await expect(marker).toBeFocused();
  await expect(marker).toHaveAttribute('aria-pressed', 'false');
});

test('focus is never on <body> after removing a filter chip or dismissing import problems', async ({ page }) => {
  await openDashboard(page, '?from=2008&to=2011&tone=friction');
  const chips = page.getByRole('list', { name: 'Active filters' });
  await chips.getByRole('button', { name: 'Friction: remove tone filter' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/tone=/);
  await expect(chips.getByRole('button', { name: 'Years 2008–2011: remove filter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByRole('button', { name: 'Reset all filters' })).toBeFocused();

  await page.getByTestId('dataset-file-input').setInputFiles(BAD_FILE);
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await expect(dismiss).toHaveCount(0);
  expect(await focusedTag(page)).not.toBe('BODY');
});

test('at 320 px wide the page does not scroll sideways and the filter bar is whole', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openDashboard(page, '?from=2008&to=2011&tone=friction');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.filter-bar button, .filter-bar input, .filter-bar select, .filter-bar summary')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.left < 0 || box.right > 320)
      .map(({ name, box }) => `${name}: ${Math.round(box.left)}–${Math.round(box.right)}`),
  );
  expect(cut).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/dashboard-320x640.png', fullPage: true });
});
