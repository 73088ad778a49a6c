import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { PANEL_NAMES, expect, test } from './fixtures';
import { EXAMPLE_DECK } from '../../src/seminar/exampleDeck';

/** The example deck's slides as the test expects to see them: years and the query string. */
const SLIDES = EXAMPLE_DECK.slides.map((slide) => {
  const params = new URLSearchParams(slide.query);
  return { title: slide.title, from: params.get('from') ?? '2001', to: params.get('to') ?? '2024', query: slide.query };
});
const LAST = SLIDES.length - 1;

const seminar = (page: Page) => page.getByRole('main', { name: 'Seminar mode' });

async function openDashboard(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Present' })).toBeEnabled();
}

async function present(page: Page) {
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(seminar(page)).toBeVisible();
}

async function expectSlide(page: Page, index: number) {
  const slide = SLIDES[index]!;
  const view = seminar(page);
  await expect(view.getByRole('heading', { level: 1 })).toHaveText(slide.title);
  await expect(view.getByText(`Slide ${index + 1} of ${SLIDES.length}`)).toBeVisible();
  await expect(view.getByRole('progressbar', { name: 'Slide progress' })).toHaveAttribute('aria-valuenow', String(index + 1));
  await expect(view.getByRole('spinbutton', { name: 'From year' })).toHaveValue(slide.from);
  await expect(view.getByRole('spinbutton', { name: 'To year' })).toHaveValue(slide.to);
  await expect.poll(() => new URL(page.url()).search).toBe(slide.query);
}

async function readDeckTitle(dialog: Locator) {
  return dialog.getByRole('textbox', { name: 'Deck title' }).inputValue();
}

test.describe('seminar mode', () => {
  // Each slide draws real panels; on a loaded 2-core machine a full walk takes a while.
  test.describe.configure({ timeout: 90_000 });
  test('steps through the slides with the keyboard, answers live and goes back with B', async ({ page, consoleErrors }) => {
    await openDashboard(page);
    await present(page);
    await expectSlide(page, 0);
    for (const name of PANEL_NAMES) await expect(seminar(page).getByRole('region', { name })).toBeVisible();

    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 1);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 2);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 1);
    await page.keyboard.press('End');
    await expectSlide(page, LAST);
    await page.keyboard.press('Home');
    await expectSlide(page, 0);
    await page.keyboard.press('PageDown');
    await expectSlide(page, 1);
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expectSlide(page, 4);

    // A live answer (F shows the filters), then back to the slide.
    await page.keyboard.press('f');
    const from = seminar(page).getByRole('spinbutton', { name: 'From year' });
    await from.fill('2008');
    await seminar(page).getByRole('search', { name: 'Filters' }).getByRole('button', { name: 'Cooperation', exact: true }).click();
    await expect(seminar(page).getByRole('status').filter({ hasText: 'Live view' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2008');
    await page.locator('.seminar__main').focus();
    await page.keyboard.press('b');
    await expectSlide(page, 4);
    await expect(seminar(page).getByRole('search', { name: 'Filters' }).getByRole('button', { name: 'Cooperation', exact: true })).toHaveAttribute('aria-pressed', 'false');

    await page.keyboard.press('Escape');
    await expect(seminar(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('the deck survives a reload, exports and imports, and a bad file changes nothing', async ({ page }, testInfo) => {
    await openDashboard(page);
    await page.getByRole('button', { name: 'Slides' }).click();
    let dialog = page.getByRole('dialog', { name: 'Slides' });
    await dialog.getByRole('textbox', { name: 'Deck title' }).fill('Seminar, week 3');
    await dialog.getByRole('textbox', { name: 'Title of slide 2' }).fill('The 2001 bargain');
    await dialog.getByRole('button', { name: 'Move down: slide 2' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Title of slide 3' })).toHaveValue('The 2001 bargain');

    await page.reload();
    await page.getByRole('button', { name: 'Slides' }).click();
    dialog = page.getByRole('dialog', { name: 'Slides' });
    expect(await readDeckTitle(dialog)).toBe('Seminar, week 3');
    await expect(dialog.getByRole('textbox', { name: 'Title of slide 3' })).toHaveValue('The 2001 bargain');

    const downloadPromise = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export deck' }).click();
    const download = await downloadPromise;
    const exported = testInfo.outputPath('deck.json');
    await download.saveAs(exported);
    const deck = JSON.parse(readFileSync(exported, 'utf8')) as { title: string; slides: { title: string }[] };
    expect(deck.title).toBe('Seminar, week 3');
    expect(deck.slides[2]!.title).toBe('The 2001 bargain');

    // Replace it with the example deck, then import the exported file back.
    await dialog.getByRole('button', { name: 'Restore example deck' }).click();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    expect(await readDeckTitle(dialog)).toBe(EXAMPLE_DECK.title);
    await dialog.getByTestId('deck-file-input').setInputFiles(exported);
    await expect(dialog.getByRole('status', { name: 'Deck messages' })).toContainText('Imported "Seminar, week 3"');
    expect(await readDeckTitle(dialog)).toBe('Seminar, week 3');
    await expect(dialog.getByRole('textbox', { name: 'Title of slide 3' })).toHaveValue('The 2001 bargain');

    // A malformed deck: rejected by path, and the deck stays as it was.
    const bad = { ...deck, slides: deck.slides.map((s, i) => (i === 1 ? { ...s, query: '?from=nineteen', layout: 'carousel' } : s)) };
    await dialog.getByTestId('deck-file-input').setInputFiles({ name: 'broken.deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('broken.deck.json was not imported. Your slides are unchanged.');
    await expect(alert).toContainText('slides[1].query: is not a valid filter query');
    await expect(alert).toContainText('slides[1].layout: must be one of');
    expect(await readDeckTitle(dialog)).toBe('Seminar, week 3');
    await expect(dialog.getByRole('textbox', { name: 'Title of slide 3' })).toHaveValue('The 2001 bargain');
  });

  // axe-core in present mode: tests/e2e/a11y.spec.ts.

  // Legibility and fit on a projector: tests/e2e/present.spec.ts measures every slide.

  test('after one visit, works with the network off (service worker)', async ({ page, context }) => {
    await openDashboard(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The worker never claims an open page (no silent takeover), so the page it controls is the next load.
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
    await context.setOffline(true);
    await page.reload();
    for (const name of PANEL_NAMES) {
      await expect(page.getByRole('region', { name })).toBeVisible();
      await expect(page.getByRole('region', { name })).not.toHaveAttribute('aria-busy', 'true');
    }
    await present(page);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 1);
    await context.setOffline(false);
  });
});
