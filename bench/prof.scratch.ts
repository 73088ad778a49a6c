import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, startPreview } from './browser';
import { ROOT, synthFile } from './synth';
const mode = process.argv[2] ?? 'load';
const port = 4393;
const server = await startPreview(process.env.DIST ?? join(ROOT, 'dist'), port);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block', acceptDownloads: true });
const page = await context.newPage();
await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
const cdp = await context.newCDPSession(page);
await page.goto(`http://127.0.0.1:${port}/`);
await page.getByRole('region', { name: 'Drone strikes' }).locator('svg.recharts-surface').first().waitFor();
const file = synthFile({ strikes: 100_000, events: null });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
if (mode === 'load') {
  await cdp.send('Profiler.start');
  await page.getByTestId('dataset-file-input').setInputFiles(file);
  await page.waitForFunction(() => /100,000 drone strikes/.test(document.body.textContent ?? ''), null, { timeout: 120000, polling: 500 });
  await page.waitForTimeout(1500);
} else {
  await page.getByTestId('dataset-file-input').setInputFiles(file);
  await page.waitForFunction(() => /100,000 drone strikes/.test(document.body.textContent ?? ''), null, { timeout: 120000, polling: 500 });
  await page.waitForTimeout(1500);
  if (mode === 'csv') {
    await page.getByRole('region', { name: 'Border incidents map' }).getByRole('button', { name: 'Export', exact: true }).click();
    await cdp.send('Profiler.start');
    await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Download CSV' }).click()]);
    await page.waitForTimeout(500);
  } else {
    await page.waitForTimeout(2000);
    await page.reload();
    const c2 = await context.newCDPSession(page);
    // too late to profile startup via this session; use tracing below instead
  }
}
const { profile } = (await cdp.send('Profiler.stop')) as any;
const byId0 = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas;
writeFileSync(`/tmp/scale/${mode}.cpuprofile`, JSON.stringify(profile));
// the longest stretch of non-idle samples
{
  const ids = profile.samples as number[]; let best = [0, 0]; let cur = 0; let t = 0; let runStart = 0; const times: number[] = [];
  for (let i = 0; i < ids.length; i++) { t += dt[i] ?? 0; times.push(t); }
  let i0 = -1;
  for (let i = 0; i <= ids.length; i++) {
    const n: any = i < ids.length ? byId0.get(ids[i]) : null;
    const idle = !n || n.callFrame.functionName === '(idle)';
    if (!idle && i0 < 0) i0 = i;
    if (idle && i0 >= 0) { const d = times[i - 1]! - times[i0]!; if (d > best[1]! - best[0]!) best = [times[i0]!, times[i - 1]!, i0, i - 1] as any; i0 = -1; }
  }
  console.log(`longest busy stretch ${((best[1]! - best[0]!) / 1000).toFixed(0)} ms`);
  const [, , a, b] = best as any; const m = new Map<string, number>();
  for (let i = a; i <= b; i++) { const n: any = byId0.get(ids[i]); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; m.set(k, (m.get(k) ?? 0) + (dt[i] ?? 0) / 1000); }
  console.log([...m].sort((x, y) => y[1] - x[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
  console.log('---- all');
}
// bottom-up self time
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
for (const [id, t] of counts) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + t / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
await browser.close(); server.kill();
