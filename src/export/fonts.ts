/**
 * The screen font, embedded in the exports: an @font-face for "Inter Variable" whose src is the
 * app's own woff2 file (bundled by @fontsource-variable/inter, fetched from this origin, never a
 * remote font) as a data: URL. Latin always; Latin Extended only when the text needs it.
 */
import latinUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import latinExtUrl from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url';

const LATIN_RANGE = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT_RANGE = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const cache = new Map<string, Promise<string | null>>();

function toDataUrl(url: string): Promise<string | null> {
  let hit = cache.get(url);
  if (!hit) {
    hit = fetch(url)
      .then((r) => (r.ok ? r.blob() : null))
      .then(
        (blob) =>
          blob &&
          new Promise<string | null>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^;,]*/, 'data:font/woff2') : null);
            reader.onerror = () => resolve(null);
            reader.readAsDataURL(blob);
          }),
      )
      .catch(() => null);
    cache.set(url, hit);
  }
  return hit;
}

/** True when the text holds characters only the Latin Extended subset has. */
export function needsLatinExt(text: string): boolean {
  return /[\u0100-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff]/.test(text);
}

const face = (src: string, range: string) =>
  `@font-face{font-family:'Inter Variable';font-style:normal;font-weight:100 900;font-display:block;src:url(${src}) format('woff2');unicode-range:${range};}`;

/** The @font-face CSS embedding the font (empty string if the font file cannot be read). */
export async function fontEmbedCss(text = ''): Promise<string> {
  const [latin, ext] = await Promise.all([toDataUrl(latinUrl), needsLatinExt(text) ? toDataUrl(latinExtUrl) : Promise.resolve(null)]);
  return [latin && face(latin, LATIN_RANGE), ext && face(ext, LATIN_EXT_RANGE)].filter(Boolean).join('\n');
}

/** Waits until the screen font is ready, so canvas text measurement uses it. */
export async function fontsReady(): Promise<void> {
  try {
    await Promise.all([document.fonts.load("400 12px 'Inter Variable'"), document.fonts.load("650 18px 'Inter Variable'")]);
    await document.fonts.ready;
  } catch {
    /* measurement falls back to the system font */
  }
}
