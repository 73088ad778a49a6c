/**
 * Building a deck and taking it elsewhere (issue 12): "New deck", three "Add slide" views,
 * sources picked by title, speaker notes, a keyboard reorder, then the PowerPoint file (unzipped
 * and read here) and the PDF handout. Two tabs adding slides at once; a browser that refuses to
 * save; and each panel's SVG rendered by librsvg (rsvg-convert), which lacks the web font.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Locator, Page } from '@playwright/test';
import { PANEL_NAMES, expect, test } from './fixtures';
import { decodePng } from './png';

/** Opens the app and waits for the dataset (the machine running the tests may be slow). */
async function ready(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: 'Slides' })).toBeVisible();
  await expect(page.getByText('Loading the dataset…')).toHaveCount(0, { timeout: 30_000 });
}

const bytesOf = async (download: Download) => new Uint8Array(readFileSync((await download.path())!));

async function openEditor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Slides' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slides' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function setYears(page: Page, from: number, to: number) {
  await page.getByRole('spinbutton', { name: 'From year' }).fill(String(from));
  await page.getByRole('spinbutton', { name: 'To year' }).fill(String(to));
  await expect.poll(() => new URL(page.url()).search).toContain(`from=${from}&to=${to}`);
}

const slideTitles = (dialog: Locator) => dialog.getByRole('textbox', { name: /^Title of slide \d+$/ });
const titleValues = (dialog: Locator) => slideTitles(dialog).evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

async function addSlide(dialog: Locator, count: number) {
  await dialog.getByRole('button', { name: 'Add slide' }).click();
  await expect(slideTitles(dialog)).toHaveCount(count);
}

/** The text runs of a DrawingML part, joined (titles, captions and notes are split into runs). */
const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join('');

test('a deck built from "New deck" goes to PowerPoint and a PDF handout, slide for slide', async ({ page, consoleErrors }) => {
  test.setTimeout(240_000);
  await ready(page, '?from=2008&to=2011');
  await expect(page.getByRole('button', { name: 'Present' })).toBeEnabled();
  let dialog = await openEditor(page);
  await dialog.getByRole('button', { name: 'New deck' }).click();
  await expect(slideTitles(dialog)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Present' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Deck title' }).fill('Week 4: money and drones');

  // View 1: 2008–2011, the four panels.
  await addSlide(dialog, 1);
  await expect(dialog.getByRole('textbox', { name: 'Title of slide 1' })).toHaveValue('2008–2011');
  // The sources behind the panels are chosen already, listed by title.
  const chosen1 = dialog.getByRole('list', { name: 'Chosen sources of slide 1' });
  await expect(chosen1.getByRole('checkbox')).not.toHaveCount(0);

  // View 2: 2011 only, the aid panel by programme.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await setYears(page, 2011, 2011);
  await page.getByRole('region', { name: 'US aid to Pakistan' }).getByRole('button', { name: 'By programme' }).click();
  dialog = await openEditor(page);
  await addSlide(dialog, 2);
  await expect(dialog.getByRole('textbox', { name: 'Title of slide 2' })).toHaveValue('2011 · by programme');
  await expect(dialog.getByRole('listitem', { name: /^Slide 2:/ }).getByText(/By programme/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Layout of slide 2' }).selectOption('aid');

  // View 3: 2004–2009.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await setYears(page, 2004, 2009);
  dialog = await openEditor(page);
  await addSlide(dialog, 3);

  const slides = [
    { title: 'The aid surge', caption: 'Appropriations peaked after the Kerry–Lugar–Berman act.', notes: 'Point at FY2010 first.' },
    { title: 'Where the money went', caption: 'Programme by programme in 2011 & after Abbottabad.', notes: 'Ask: which programme fell most?' },
    { title: 'Drone years', caption: 'Strikes rose from 2004 to a peak in 2009.', notes: 'Mention the two trackers <differ>.' },
  ];
  for (const [i, s] of slides.entries()) {
    await dialog.getByRole('textbox', { name: `Title of slide ${i + 1}` }).fill(s.title);
    await dialog.getByRole('textbox', { name: `Caption of slide ${i + 1}` }).fill(s.caption);
    await dialog.getByRole('textbox', { name: `Speaker notes of slide ${i + 1}` }).fill(s.notes);
  }

  // Sources picked by title: the search finds a source by words of its title, never by its id.
  const slide3 = dialog.getByRole('listitem', { name: /^Slide 3:/ });
  const search = slide3.getByRole('searchbox', { name: 'Find a source for slide 3 (by title or publisher)' });
  await search.fill('gvs-f16-oped');
  await expect(slide3.getByText('No source title or publisher matches “gvs-f16-oped”.')).toBeVisible();
  await search.fill('marriage of convenience');
  const matches = slide3.getByRole('list', { name: 'Sources matching “marriage of convenience”' });
  await expect(matches.getByRole('checkbox', { name: /Global Village Space, Pak-US military cooperation is a marriage of convenience/ })).not.toBeChecked();
  // Ticked, it moves to the chosen list.
  await matches.getByRole('checkbox', { name: /marriage of convenience/ }).click();
  await expect(slide3.getByRole('list', { name: 'Chosen sources of slide 3' }).getByRole('checkbox', { name: /marriage of convenience/ })).toBeChecked();

  // Reorder by keyboard with the drag handle: slide 3 up one place.
  const handle = dialog.getByRole('button', { name: 'Drag slide 3 to another position' });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText('Slide 3 is over position 2.')).toBeAttached();
  await page.keyboard.press('Space');
  await expect(page.getByText('Slide moved to position 2.')).toBeAttached();
  await expect.poll(() => titleValues(dialog)).toEqual([slides[0]!.title, slides[2]!.title, slides[1]!.title]);
  // And with the Move buttons, which stay.
  await dialog.getByRole('button', { name: 'Move up: slide 3' }).click();
  await dialog.getByRole('button', { name: 'Move down: slide 2' }).click();
  await expect.poll(() => titleValues(dialog)).toEqual([slides[0]!.title, slides[2]!.title, slides[1]!.title]);
  const order = [slides[0]!, slides[2]!, slides[1]!];

  // PowerPoint: one slide XML per slide, title and caption as text, notes in the notes pane, sharp pictures.
  const pptxDownload = page.waitForEvent('download', { timeout: 180_000 });
  await dialog.getByRole('button', { name: 'Export to PowerPoint' }).click();
  const pptx = await pptxDownload;
  expect(pptx.suggestedFilename()).toBe('week-4-money-and-drones.pptx');
  const files = unzipSync(await bytesOf(pptx));
  const slideXml = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  expect(slideXml).toHaveLength(3);
  const notesXml = Object.keys(files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
  expect(notesXml).toHaveLength(3);
  for (const [i, s] of order.entries()) {
    const text = textOf(strFromU8(files[`ppt/slides/slide${i + 1}.xml`]!));
    expect(text).toContain(s.title);
    expect(text).toContain(s.caption);
    expect(text).toMatch(/Sources: /);
    expect(textOf(strFromU8(files[`ppt/notesSlides/notesSlide${i + 1}.xml`]!))).toContain(s.notes);
  }
  // The picked source is on the slide, or (when the line is shortened) counted there and listed in the notes.
  const slide2 = textOf(strFromU8(files['ppt/slides/slide2.xml']!)) + textOf(strFromU8(files['ppt/notesSlides/notesSlide2.xml']!));
  expect(slide2).toContain('Global Village Space, Pak-US military cooperation is a marriage of convenience');
  const media = Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
  expect(media.length).toBeGreaterThanOrEqual(3);
  for (const name of media) {
    const png = files[name]!;
    const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(width, name).toBeGreaterThanOrEqual(1920);
  }

  // PDF handout: one page per slide.
  const pdfDownload = page.waitForEvent('download', { timeout: 180_000 });
  await dialog.getByRole('button', { name: 'Download PDF handout' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('week-4-money-and-drones.handout.pdf');
  const pdfText = Buffer.from(await bytesOf(pdf)).toString('latin1');
  expect(pdfText.startsWith('%PDF-')).toBe(true);
  expect(pdfText.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(3);

  // The view the user had is back after the exports.
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2004');
  await expect(page.getByRole('spinbutton', { name: 'To year' })).toHaveValue('2009');
  expect(consoleErrors).toEqual([]);
});

test('two tabs adding slides at once both keep their slide', async ({ page, context }) => {
  test.setTimeout(120_000);
  await ready(page, '?from=2005&to=2005');
  const other = await context.newPage();
  await ready(other, '?from=2010&to=2010');
  const first = await openEditor(page);
  const second = await openEditor(other);
  const before = await slideTitles(first).count();
  await addSlide(first, before + 1);
  await addSlide(second, before + 2);
  // The first tab picked up the second tab's slide, live.
  await expect(slideTitles(first)).toHaveCount(before + 2);
  await page.reload();
  await expect(page.getByText('Loading the dataset…')).toHaveCount(0, { timeout: 30_000 });
  const reloaded = await openEditor(page);
  await expect(slideTitles(reloaded)).toHaveCount(before + 2);
  await expect(reloaded.getByRole('textbox', { name: `Title of slide ${before + 1}` })).toHaveValue('2005');
  await expect(reloaded.getByRole('textbox', { name: `Title of slide ${before + 2}` })).toHaveValue('2010');
  await other.close();
});

test('when the browser refuses to save, "Add slide" says so at once and offers "Export deck"', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await ready(page, '?from=2009&to=2009');
  const dialog = await openEditor(page);
  const before = await slideTitles(dialog).count();
  await dialog.getByRole('button', { name: 'Add slide' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Not saved. The slides could not be saved in this browser');
  // The slide stays on screen, and the deck can be taken out as a file.
  await expect(slideTitles(dialog)).toHaveCount(before + 1);
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export deck' }).click();
  const deck = JSON.parse(Buffer.from(await bytesOf(await downloading)).toString('utf8')) as { slides: { title: string }[] };
  expect(deck.slides).toHaveLength(before + 1);
  expect(deck.slides.at(-1)!.title).toBe('2009');
});

test('each panel’s SVG renders inside its width in librsvg, without the web font', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await ready(page, '?from=2008&to=2011');
  for (const name of PANEL_NAMES) await expect(page.getByRole('region', { name })).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.leaflet-container path').first()).toBeAttached({ timeout: 10_000 });
  for (const name of PANEL_NAMES) {
    const panel = page.getByRole('region', { name });
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    const downloading = page.waitForEvent('download', { timeout: 30_000 });
    await panel.getByRole('menu').getByRole('menuitem', { name: 'Download SVG', exact: true }).click();
    const svgPath = testInfo.outputPath(`${name}.svg`);
    await (await downloading).saveAs(svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    const declaredWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    // The sources line is shortened; the full list is kept in the file's <desc>.
    expect(svg).toMatch(/<desc class="export-all-sources">Sources: /);

    const pngPath = testInfo.outputPath(`${name}.png`);
    writeFileSync(pngPath, execFileSync('rsvg-convert', ['--format=png', svgPath]));
    const png = decodePng(readFileSync(pngPath));
    expect(png.width, name).toBe(declaredWidth);
    // The sheet has 20 px of white padding each side: text that runs past its box shows up there.
    const inked: number[] = [];
    for (let y = 0; y < png.height; y++) {
      for (let x = png.width - 16; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.pixels[i + 3]! > 0 && (png.pixels[i]! < 200 || png.pixels[i + 1]! < 200 || png.pixels[i + 2]! < 200)) inked.push(y);
      }
    }
    expect(inked.length, `${name}: ink in the right margin at rows ${[...new Set(inked)].slice(0, 10).join(', ')}`).toBe(0);
  }
});
