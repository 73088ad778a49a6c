import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EXAMPLE_DECK } from '../../src/seminar/exampleDeck';

/**
 * Present mode on a projector: every slide of the example deck fits the screen, all its text is
 * projector-sized and no two pieces of text overlap, at 16:9 and 4:3 sizes.
 */
const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
];
const COUNT = EXAMPLE_DECK.slides.length;
const seminar = (page: Page) => page.getByRole('main', { name: 'Seminar mode' });

async function present(page: Page, url = '/') {
  await page.goto(url);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(seminar(page)).toBeVisible();
}

/** Waits until the slide's panels have drawn (lazy views and the basemap loaded). */
async function settle(page: Page) {
  await expect(page.locator('.seminar').getByText('Loading', { exact: false })).toHaveCount(0);
  await page.waitForTimeout(350);
}

interface TextBox {
  node: number;
  text: string;
  font: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every piece of text a viewer can see: text-node boxes clipped by their overflow ancestors and the screen. */
async function visibleText(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => {
    const boxes: { node: number; text: string; font: number; left: number; top: number; right: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      index += 1;
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || !el.checkVisibility({ opacityProperty: true })) continue;
      // The clip: the viewport, narrowed by every ancestor that hides its overflow.
      let clip = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
      for (let a: Element | null = el; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clipPath !== 'none') {
          const r = a.getBoundingClientRect();
          clip = { left: Math.max(clip.left, r.left), top: Math.max(clip.top, r.top), right: Math.min(clip.right, r.right), bottom: Math.min(clip.bottom, r.bottom) };
        }
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const box = { left: Math.max(r.left, clip.left), top: Math.max(r.top, clip.top), right: Math.min(r.right, clip.right), bottom: Math.min(r.bottom, clip.bottom) };
        if (box.right - box.left < 2 || box.bottom - box.top < 2) continue;
        boxes.push({ node: index, text: text.slice(0, 40), font: parseFloat(style.fontSize), ...box });
      }
    }
    return boxes;
  });
}

function overlaps(a: TextBox, b: TextBox): boolean {
  // One text node's own boxes (its lines, an ellipsis) are not a collision.
  if (a.node === b.node) return false;
  const tolerance = 1;
  return a.left < b.right - tolerance && b.left < a.right - tolerance && a.top < b.bottom - tolerance && b.top < a.bottom - tolerance;
}

for (const viewport of VIEWPORTS) {
  test(`every example slide fits ${viewport.width}×${viewport.height}, in projector type, with no text overlapping`, async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await present(page);
    const minFont = (24 * viewport.height) / 1080;
    for (let i = 0; i < COUNT; i += 1) {
      await expect(seminar(page).getByText(`Slide ${i + 1} of ${COUNT}`)).toBeVisible();
      await settle(page);
      const where = `slide ${i + 1} (${EXAMPLE_DECK.slides[i]!.title}) at ${viewport.width}×${viewport.height}`;

      const scroll = await page.evaluate(() => ({ h: document.scrollingElement!.scrollHeight, w: document.scrollingElement!.scrollWidth }));
      expect(scroll.h, `${where}: page height`).toBeLessThanOrEqual(viewport.height);
      expect(scroll.w, `${where}: page width`).toBeLessThanOrEqual(viewport.width);

      const boxes = await visibleText(page);
      expect(boxes.length, `${where}: visible text`).toBeGreaterThan(5);
      const small = boxes.filter((b) => b.font < minFont - 0.01).map((b) => `${b.text} (${b.font}px)`);
      expect(small, `${where}: text below ${minFont.toFixed(1)}px`).toEqual([]);
      const collisions: string[] = [];
      for (let a = 0; a < boxes.length; a += 1)
        for (let b = a + 1; b < boxes.length; b += 1) if (overlaps(boxes[a]!, boxes[b]!)) collisions.push(`"${boxes[a]!.text}" × "${boxes[b]!.text}"`);
      expect(collisions, `${where}: overlapping text`).toEqual([]);

      // No empty panel on any slide.
      await expect(page.locator('.seminar__stage .slide-empty'), `${where}: empty panel`).toHaveCount(0);
      if (viewport.width === 1920 || viewport.width === 1024) await page.screenshot({ path: `test-results/screenshots/present-${String(i + 1).padStart(2, '0')}-${viewport.width}x${viewport.height}.png` });
      await page.keyboard.press('ArrowRight');
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('the 2011 timeline slide names Salala and Abbottabad on the chart, without hovering', async ({ page }) => {
  await present(page);
  const index = EXAMPLE_DECK.slides.findIndex((s) => s.id === 'y2011-crises');
  await page.keyboard.type(String(index + 1));
  await page.keyboard.press('Enter');
  await expect(seminar(page).getByText(`Slide ${index + 1} of ${COUNT}`)).toBeVisible();
  const timeline = seminar(page).getByRole('region', { name: 'Cooperation and friction timeline' });
  await expect(timeline.locator('.timeline-slide__label').filter({ hasText: 'Salala' }).first()).toBeVisible();
  await expect(timeline.locator('.timeline-slide__label').filter({ hasText: 'Abbottabad' })).toBeVisible();
  // The selected event is named in bold.
  await expect(timeline.locator('.timeline-slide__label--selected')).toContainText('Abbottabad');
  expect(await timeline.locator('.timeline-slide__label--selected').evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
  // Month ticks: the slide is zoomed to its one year.
  await expect(timeline.getByText('Nov', { exact: true })).toBeVisible();
});

test('the pointer hides after two seconds without movement and comes back when moved', async ({ page }) => {
  await present(page);
  const cursor = () => page.locator('.seminar').evaluate((el) => getComputedStyle(el).cursor);
  await page.mouse.move(400, 400);
  await page.mouse.move(420, 410);
  expect(await cursor()).not.toBe('none');
  await expect.poll(cursor, { timeout: 4000 }).toBe('none');
  await page.mouse.move(500, 500);
  await expect.poll(cursor).not.toBe('none');
});

test('a slide change leaves no tooltip, popup or stale card behind', async ({ page }) => {
  await present(page);
  const mapIndex = EXAMPLE_DECK.slides.findIndex((s) => s.id === 'y2011-border-map');
  await page.keyboard.type(String(mapIndex + 1));
  await page.keyboard.press('Enter');
  const map = seminar(page).getByRole('region', { name: 'Border incidents map' });
  await expect(map.locator('.map-slide__card')).toContainText('Salala');
  // Rest the pointer on the map, then change slide without moving it.
  const box = (await map.locator('.leaflet-container').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('ArrowRight');
  await expect(seminar(page).getByText(`Slide ${mapIndex + 2} of ${COUNT}`)).toBeVisible();
  await settle(page);
  await expect(page.locator('.map-slide__card')).toHaveCount(0);
  await expect(page.locator('.leaflet-popup:visible, [role="tooltip"]:visible, .leaflet-tooltip:not(.map-label):visible')).toHaveCount(0);
});

test('a live year shows aid, strikes and named events together; B goes back; Esc restores the view from before presenting', async ({ page }) => {
  await present(page, '/?from=2005&to=2007&tone=cooperation');
  await page.keyboard.press('ArrowRight');
  await expect(seminar(page).getByText(`Slide 2 of ${COUNT}`)).toBeVisible();

  // The filters are out of sight until asked for.
  const from = seminar(page).getByRole('spinbutton', { name: 'From year' });
  await expect(from).not.toBeInViewport();
  await page.keyboard.press('f');
  await expect(from).toBeInViewport();
  await from.fill('2010');
  await seminar(page).getByRole('spinbutton', { name: 'To year' }).fill('2010');
  await page.keyboard.press('Tab');
  await seminar(page).getByRole('button', { name: 'Hide filters' }).click();
  await expect(seminar(page).getByRole('heading', { level: 1 })).toHaveText('Live: 2010');
  for (const name of ['US aid to Pakistan', 'Drone strikes', 'Cooperation and friction timeline']) await expect(seminar(page).getByRole('region', { name })).toBeVisible();
  await expect(seminar(page).getByRole('region', { name: 'Drone strikes' })).toContainText('2010 (TBIJ): 128 strikes');

  await page.locator('.seminar__main').focus();
  await page.keyboard.press('b');
  await expect(seminar(page).getByRole('heading', { level: 1 })).toHaveText(EXAMPLE_DECK.slides[1]!.title);

  await page.keyboard.press('Escape');
  await expect(seminar(page)).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).search).toBe('?from=2005&to=2007&tone=cooperation');
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2005');
});
