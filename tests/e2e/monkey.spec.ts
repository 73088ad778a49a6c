/**
 * A seeded monkey: 500+ random clicks, drags, key presses and filter changes on the built app.
 * It must log no console error and no page error, and after every step the address bar and the
 * filter bar must agree (the URL decoded with the app's own codec vs. the year fields, the tone
 * chips, the theme boxes and the selection chip). Set MONKEY_SEED to replay another sequence.
 */
import type { Page } from '@playwright/test';
import { decodeUrlState } from '../../src/url/urlCodec';
import { expect, test } from './fixtures';
import { mulberry32 } from '../../scripts/lib/seededRandom';

const SEED = Number(process.env.MONKEY_SEED ?? 20011007);
const STEPS = Number(process.env.MONKEY_STEPS ?? 500);


const KEYS = ['Tab', 'Shift+Tab', 'Enter', 'Space', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Escape', 'Home', 'End', 'PageDown'];
const YEAR_INPUTS = ['2001', '2004', '2008', '2011', '2014', '2024', '1990', '2035', '', 'abc', '-5', '2011.5', '99999'];

/** Picks the n-th clickable, visible element (never a link, the file picker or "Load dataset…"), scrolls to it and returns its centre. */
async function pickClickable(page: Page, r: number) {
  return page.evaluate((r) => {
    const selector = 'button, summary, input[type=checkbox], input[type=radio], select, [role=button], [role=menuitem], [role=tab], .leaflet-interactive, .recharts-rectangle, .recharts-bar-rectangle path';
    const candidates = Array.from(document.querySelectorAll<HTMLElement | SVGElement>(selector)).filter((el) => {
      if ((el as HTMLButtonElement).disabled || el.closest('a')) return false;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) return false;
      const name = (el.textContent ?? '').trim();
      // Seminar mode and the deck editor cover the dashboard (they have their own tests); the
      // file picker and the clipboard need a person.
      return !/^Load dataset/.test(name) && !/Copy image/.test(name) && !/^(Present|Slides)$/.test(name);
    });
    if (candidates.length === 0) return null;
    const el = candidates[Math.floor(r * candidates.length)]!;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = el.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"` };
  }, r);
}

/** A drag across a random chart or the map (brushes, pans). */
async function drag(page: Page, rand: () => number) {
  const box = await page.evaluate((r) => {
    const areas = Array.from(document.querySelectorAll<HTMLElement>('.panel__body')).filter((el) => el.getBoundingClientRect().height > 20);
    const el = areas[Math.floor(r * areas.length)];
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const b = el.getBoundingClientRect();
    return { x: b.left, y: b.top, width: b.width, height: b.height };
  }, rand());
  if (!box) return 'drag: nothing';
  const y = box.y + box.height * (0.3 + rand() * 0.5);
  const x1 = box.x + box.width * (0.1 + rand() * 0.8);
  const x2 = box.x + box.width * (0.1 + rand() * 0.8);
  await page.mouse.move(x1, y);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, y + (rand() - 0.5) * 20, { steps: 3 });
  await page.mouse.move(x2, y, { steps: 3 });
  await page.mouse.up();
  return `drag ${Math.round(x1)}→${Math.round(x2)}`;
}

/** Reads the address bar and the filter bar in one go; null for a year field the user is typing in. */
async function snapshot(page: Page) {
  return page.evaluate(() => {
    const year = (label: string) => {
      const input = Array.from(document.querySelectorAll<HTMLInputElement>('.year-field input')).find((el) => el.closest('label')?.textContent?.includes(label));
      if (!input || document.activeElement === input) return null;
      return { value: input.value, min: Number(input.min), max: Number(input.max) };
    };
    const toneGroup = Array.from(document.querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent === 'Tone');
    return {
      search: location.search,
      from: year('From year'),
      to: year('To year'),
      tones: Array.from(toneGroup?.querySelectorAll('button[aria-pressed="true"]') ?? []).map((b) => (b.textContent ?? '').trim().toLowerCase()),
      themes: Array.from(document.querySelectorAll<HTMLInputElement>('.theme-picker input[type=checkbox]')).filter((c) => c.checked).length,
      selectionChip: document.querySelector('[aria-label$=": clear the selection"]') !== null,
    };
  });
}

async function expectUrlMatchesUi(page: Page, step: string) {
  // An export renders all five panels on the main thread; the check waits for it to finish.
  await expect
    .poll(
      async () => {
        const ui = await snapshot(page);
        const bounds = { min: ui.from?.min ?? ui.to?.min ?? 2001, max: ui.from?.max ?? ui.to?.max ?? 2024 };
        const { filters } = decodeUrlState(ui.search, bounds);
        const mismatches: string[] = [];
        if (ui.from && ui.from.value !== String(filters.yearRange?.from ?? bounds.min)) mismatches.push(`from ${ui.from.value} vs URL ${ui.search}`);
        if (ui.to && ui.to.value !== String(filters.yearRange?.to ?? bounds.max)) mismatches.push(`to ${ui.to.value} vs URL ${ui.search}`);
        if ([...ui.tones].sort().join() !== [...filters.tones].sort().join()) mismatches.push(`tones ${ui.tones.join()} vs URL ${filters.tones.join()}`);
        if (ui.themes !== filters.themes.length) mismatches.push(`themes ${ui.themes} vs URL ${filters.themes.join()}`);
        if (ui.selectionChip !== (filters.selection !== null)) mismatches.push(`selection chip ${ui.selectionChip} vs URL ${JSON.stringify(filters.selection)}`);
        return mismatches;
      },
      { message: `URL and filter bar disagree after ${step}`, timeout: 10_000, intervals: [50, 100, 250] },
    )
    .toEqual([]);
}

test('500 seeded random interactions: no errors, and the URL always matches the filter bar', async ({ page, context, consoleErrors, foreignRequests, baseURL }) => {
  test.setTimeout(360_000);
  const rand = mulberry32(SEED);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Source links open new tabs; the monkey skips links, but close anything that opens anyway.
  context.on('page', (popup) => void popup.close());
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Drone strikes' })).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toBeVisible();

  const log: string[] = [];
  for (let i = 0; i < STEPS; i++) {
    const roll = rand();
    const started = Date.now();
    let step: string;
    if (roll < 0.45) {
      const target = await pickClickable(page, rand());
      if (target) await page.mouse.click(target.x, target.y);
      step = `click ${target?.what ?? 'nothing'}`;
    } else if (roll < 0.6) {
      step = await drag(page, rand);
    } else if (roll < 0.8) {
      const key = KEYS[Math.floor(rand() * KEYS.length)]!;
      await page.keyboard.press(key);
      step = `key ${key}`;
    } else {
      const which = rand();
      if (which < 0.5) {
        const field = page.getByRole('spinbutton', { name: rand() < 0.5 ? 'From year' : 'To year' });
        const value = YEAR_INPUTS[Math.floor(rand() * YEAR_INPUTS.length)]!;
        // Typed key by key, as a person would (the browser drops what a number field cannot hold).
        await field.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Backspace');
        if (value) await page.keyboard.type(value);
        await field.press(rand() < 0.5 ? 'Enter' : 'Tab');
        await field.blur();
        step = `year field ← "${value}"`;
      } else if (which < 0.8) {
        const tones = ['Cooperation', 'Context', 'Friction'];
        const tone = tones[Math.floor(rand() * tones.length)]!;
        const chip = page.locator('.filter-bar').getByRole('group', { name: 'Tone', exact: true }).getByRole('button', { name: tone, exact: true });
        await chip.scrollIntoViewIfNeeded();
        const box = await chip.boundingBox();
        if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        step = `tone ${tone}`;
      } else {
        const selects = await page.locator('select:visible:enabled').all();
        const select = selects[Math.floor(rand() * selects.length)];
        if (select) {
          const options = await select.locator('option').evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value));
          const value = options[Math.floor(rand() * options.length)] ?? '';
          await select.selectOption(value);
          step = `select ← ${value}`;
        } else step = 'select: none';
      }
    }
    const acted = Date.now();
    expect(new URL(page.url()).origin, `left the dashboard at step ${i} (${step})`).toBe(new URL(baseURL!).origin);
    await expectUrlMatchesUi(page, `step ${i}: ${step}\n${log.slice(-5).join('\n')}`);
    log.push(`${i}: ${step} (${acted - started}+${Date.now() - acted} ms)`);
    if (process.env.MONKEY_LOG) console.log(log[log.length - 1]);
    expect(consoleErrors, `console or page error after step ${i}: ${step}\n${log.slice(-8).join('\n')}`).toEqual([]);
  }
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
