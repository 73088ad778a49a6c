// Dev aid: screenshots + measurements of every present-mode slide at several viewports.
import { chromium } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:4207';
const out = process.env.OUT ?? '/tmp/shots';
const sizes = (process.env.SIZES ?? '1920x1080,1024x768').split(',').map((s) => s.split('x').map(Number));
const only = process.env.SLIDES ? process.env.SLIDES.split(',').map(Number) : null;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [w, h] of sizes) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Present' }).click();
  await page.waitForTimeout(800);
  const count = Number((await page.locator('.seminar__counter').textContent()).match(/of (\d+)/)[1]);
  for (let i = 0; i < count; i++) {
    if (!only || only.includes(i + 1)) {
      await page.waitForTimeout(900);
      const m = await page.evaluate(() => {
        const de = document.scrollingElement;
        let minFont = 999, minEl = '';
        const small = [];
        for (const el of document.querySelectorAll('.seminar *')) {
          const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!hasText) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const cs = getComputedStyle(el);
          if (cs.visibility === 'hidden' || cs.display === 'none') continue;
          const f = parseFloat(cs.fontSize);
          if (f < 24 * innerHeight / 1080 - 0.01) small.push(`${el.tagName}.${el.getAttribute('class') ?? ''}:${f.toFixed(1)}:${el.textContent.trim().slice(0, 20)}`);
          if (f < minFont) { minFont = f; minEl = el.tagName + '.' + el.getAttribute('class'); }
        }
        const main = document.querySelector('.seminar__main');
        return { sh: de.scrollHeight, ih: innerHeight, sw: de.scrollWidth, iw: innerWidth, mainSH: main?.scrollHeight, mainCH: main?.clientHeight, minFont, minEl, small: small.slice(0, 8), nsmall: small.length };
      });
      console.log(`${w}x${h} slide ${i + 1}:`, JSON.stringify(m));
      await page.screenshot({ path: `${out}/s${i + 1}-${w}x${h}.png` });
    }
    await page.keyboard.press('ArrowRight');
  }
  await page.close();
}
await browser.close();
