import type { Locator, Page } from '@playwright/test';
import { PANEL_NAMES, expect, test } from './fixtures';

const panel = (page: Page, name: (typeof PANEL_NAMES)[number]) => page.getByRole('region', { name });

async function openDashboard(page: Page, query = '') {
  await page.goto(`/${query}`);
  for (const name of PANEL_NAMES) await expect(panel(page, name)).not.toHaveAttribute('aria-busy', 'true');
}

/** The text of one column of a panel's table, read after "Show table". */
async function tableColumn(region: Locator, header: string): Promise<string[]> {
  const button = region.getByRole('button', { name: 'Show table' });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const table = region.locator('.panel__table table');
  await expect(table).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column "${header}" in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
}

/** Every 4-digit year in a cell ("FY2008", "2009-05 – 2009-07", "26 Nov 2011"). */
const yearsIn = (text: string) => [...text.matchAll(/(?:19|20)\d\d/g)].map((m) => Number(m[0]));
const overlaps = (text: string, from: number, to: number) => {
  const years = yearsIn(text);
  return years.length > 0 && Math.min(...years) <= to && Math.max(...years) >= from;
};

async function setYears(page: Page, from: number, to: number) {
  await page.getByRole('spinbutton', { name: 'From year' }).fill(String(from));
  await page.getByRole('spinbutton', { name: 'To year' }).fill(String(to));
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
}

test('From 2008 and To 2011 filter every panel table and the map to 2008–2011', async ({ page, consoleErrors }) => {
  await openDashboard(page);
  await setYears(page, 2008, 2011);

  const aidYears = await tableColumn(panel(page, 'US aid to Pakistan'), 'Fiscal year');
  expect(aidYears.length).toBeGreaterThan(0);
  for (const cell of aidYears) expect(overlaps(cell, 2008, 2011), cell).toBe(true);
  expect(aidYears.some((c) => c.includes('2002'))).toBe(false);

  const droneYears = await tableColumn(panel(page, 'Drone strikes'), 'Year');
  expect(droneYears.map(Number).sort()).toEqual([2008, 2009, 2010, 2011]);

  const mapDates = await tableColumn(panel(page, 'Border incidents map'), 'Date');
  expect(mapDates.length).toBeGreaterThan(0);
  for (const cell of mapDates) expect(overlaps(cell, 2008, 2011), cell).toBe(true);
  // Salala (2011) is on the map; the 2004 first strike and Zarb-e-Azb (2014) are not.
  const mapNames = await tableColumn(panel(page, 'Border incidents map'), 'Name');
  expect(mapNames.some((n) => /Salala/.test(n))).toBe(true);
  expect(mapNames.some((n) => /Zarb-e-Azb/.test(n))).toBe(false);

  const eventDates = await tableColumn(panel(page, 'Cooperation and friction timeline'), 'Date');
  expect(eventDates.length).toBeGreaterThan(0);
  for (const cell of eventDates) expect(overlaps(cell, 2008, 2011), cell).toBe(true);

  // The status line sums up the filtered view.
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2008–2011' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a brush on the aid chart filters the timeline but not the aid chart', async ({ page }) => {
  await openDashboard(page);
  const aid = panel(page, 'US aid to Pakistan');
  const timeline = panel(page, 'Cooperation and friction timeline');
  const aidBarsBefore = await aid.locator('.recharts-bar-rectangle').count();
  expect(aidBarsBefore).toBeGreaterThan(0);
  const eventsBefore = await timeline.getByRole('group', { name: /^(Cooperation|Context|Friction) events$/ }).getByRole('button').count();

  const tick = (label: RegExp) => aid.getByRole('button', { name: label }).first();
  const from = await tick(/: FY2009\b/).boundingBox();
  const to = await tick(/: FY2011\b/).boundingBox();
  const plot = await aid.locator('.recharts-surface').first().boundingBox();
  if (!from || !to || !plot) throw new Error('aid chart not laid out');
  const y = plot.y + plot.height * 0.45;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2 + to.width / 2, y, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, y, { steps: 5 });
  await page.mouse.up();

  await expect(page).toHaveURL(/from=2009&to=2011&by=aid/);
  // The aid chart keeps its full shape and offers its own Reset.
  expect(await aid.locator('.recharts-bar-rectangle').count()).toBe(aidBarsBefore);
  await expect(aid.getByRole('button', { name: 'Reset US aid to Pakistan' })).toBeVisible();
  await expect(aid.getByRole('button', { name: /: FY2008\b/ }).first()).toBeVisible();
  // The timeline filters to 2009–2011.
  const eventsAfter = await timeline.getByRole('group', { name: /^(Cooperation|Context|Friction) events$/ }).getByRole('button').count();
  expect(eventsAfter).toBeLessThan(eventsBefore);
  for (const cell of await tableColumn(timeline, 'Date')) expect(overlaps(cell, 2009, 2011), cell).toBe(true);

  await aid.getByRole('button', { name: 'Reset US aid to Pakistan' }).click();
  await expect(page).not.toHaveURL(/from=/);
});

test('selecting Salala on the map highlights it on the timeline and the card names its sources', async ({ page }) => {
  await openDashboard(page);
  const map = panel(page, 'Border incidents map');
  const marker = map.getByRole('button', { name: /^Salala checkpost attack/ });
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sel=incident%3Asalala_2011/);
  await expect(marker).toHaveAttribute('aria-pressed', 'true');

  const timeline = panel(page, 'Cooperation and friction timeline');
  await expect(timeline.getByRole('button', { name: /26 Nov 2011: Salala/ })).toHaveAttribute('aria-pressed', 'true');
  const card = timeline.getByRole('region', { name: /Salala/ });
  await expect(card).toContainText('Salala');
  await expect(card).toContainText('NATO jets attack checkpost on Pak-Afghan border');
  await expect(card).toContainText('Ali et al. (2024)');
});

test('reload and back/forward restore the view', async ({ page }) => {
  await openDashboard(page);
  await setYears(page, 2008, 2011);
  await page.getByRole('button', { name: 'Friction', exact: true }).click();
  await expect(page).toHaveURL(/tone=friction/);

  await page.reload();
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
  await expect(page.getByRole('spinbutton', { name: 'To year' })).toHaveValue('2011');
  await expect(page.getByRole('button', { name: 'Friction', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.goBack();
  await expect(page.getByRole('button', { name: 'Friction', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('spinbutton', { name: 'To year' })).toHaveValue('2011');
  await page.goForward();
  await expect(page.getByRole('button', { name: 'Friction', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('an invalid URL parameter is dropped with a visible notice', async ({ page }) => {
  await openDashboard(page, '?from=2009&to=abc&zoom=9');
  const notice = page.getByRole('note', { name: 'Some parts of the link were ignored' });
  await expect(notice).toContainText('to="abc" is not a year');
  await expect(notice).toContainText('unknown parameter "zoom"');
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2009');
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toHaveCount(0);
});

// axe-core over the dashboard, filtered and not: tests/e2e/a11y.spec.ts.
