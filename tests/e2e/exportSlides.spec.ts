import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { EXAMPLE_DECK } from '../../src/seminar/exampleDeck';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  signature.forEach((b, i) => expect(bytes[i]).toBe(b));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(String.fromCharCode(...bytes.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

test('Export slides downloads a ZIP with one 1920×1080 PNG per slide and keeps the view', async ({ page, consoleErrors }) => {
  test.setTimeout(180_000);
  await page.goto('/?from=2008&to=2011');
  await expect(page.getByRole('button', { name: 'Present' })).toBeEnabled();
  await page.getByRole('button', { name: 'Slides' }).click();
  const dialog = page.getByRole('dialog', { name: 'Slides' });

  const downloading = page.waitForEvent('download', { timeout: 150_000 });
  await dialog.getByRole('button', { name: 'Export slides' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/_slides-1920x1080\.zip$/);

  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(entries).sort();
  expect(names).toHaveLength(EXAMPLE_DECK.slides.length);
  expect(names[0]).toMatch(/^01-.+\.png$/);
  for (const name of names) {
    const png = entries[name]!;
    expect(pngSize(png), name).toEqual({ width: 1920, height: 1080 });
    // A rendered slide, not an empty canvas: compressed size well above a blank image's.
    expect(png.byteLength, name).toBeGreaterThan(30_000);
  }
  // The view the user had is back once the export is done.
  await expect(page.getByRole('spinbutton', { name: 'From year' })).toHaveValue('2008');
  await expect(page.getByRole('spinbutton', { name: 'To year' })).toHaveValue('2011');
  expect(consoleErrors).toEqual([]);
});
