/**
 * Synthetic datasets for the benchmarks, generated from a fixed seed so every run (and every
 * machine) measures the same rows. The shape follows the real dataset (public/data/dataset.json):
 * its sources, aid rows and incidents are kept as they are, and the strikes and events tables are
 * replaced by `strikes` and `events` generated rows, spread over the coverage years with the real
 * data's skew (the 2008–2012 drone years hold most strikes).
 *
 * There is deliberately no `strikeYears` table: the drone panel then aggregates the per-strike
 * table itself, so every one of the four panels reads the large tables.
 *
 * Usage: `npx tsx bench/synth.ts 100000 [events] [out.json]` writes a dataset file.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Strike, ThemeName, TimelineEvent, ToneName } from '../src/data/schema';
import { COORD_PRECISIONS, THEMES, TONES } from '../src/data/schema';
import { mulberry32 } from '../scripts/lib/seededRandom';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '..');
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const SEED = 20011007; // 7 Oct 2001, the first day of Operation Enduring Freedom.


export function loadRealDataset(): Dataset {
  return JSON.parse(readFileSync(join(ROOT, 'public/data/dataset.json'), 'utf8')) as Dataset;
}

const AGENCIES = ['North Waziristan', 'South Waziristan', 'Khyber', 'Kurram', 'Bajaur', 'Orakzai', 'Mohmand', 'Bannu'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A year drawn with the real data's skew: few strikes before 2008, most in 2008–2012, a tail to 2018. */
function strikeYear(rand: () => number, from: number, to: number): number {
  const r = rand();
  if (r < 0.08) return from + Math.floor(rand() * Math.max(1, 2008 - from));
  if (r < 0.85) return 2008 + Math.floor(rand() * 5);
  return Math.min(to, 2013 + Math.floor(rand() * (to - 2013 + 1)));
}

function day(rand: () => number, year: number): string {
  const month = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${year}-${pad(month)}-${pad(d)}`;
}

export interface SynthOptions {
  strikes: number;
  /** Null keeps the real events table. */
  events: number | null;
  seed?: number;
}

export function synthesize(real: Dataset, options: SynthOptions): Dataset {
  const rand = mulberry32(options.seed ?? SEED);
  const { from, to } = real.coverage;
  const strikeSources = ['tbij', 'pbc', 'new-america', 'lwj'].filter((id) => real.sources.some((s) => s.id === id));
  const strikes: Strike[] = new Array(options.strikes);
  for (let i = 0; i < options.strikes; i++) {
    const year = strikeYear(rand, from, to);
    const killedMin = Math.floor(rand() * 8);
    const unknown = rand() < 0.05;
    const civ = Math.floor(rand() * 3);
    const located = rand() > 0.01;
    strikes[i] = {
      id: `syn-s${i}`,
      date: day(rand, year),
      place: `Village ${i % 997}`,
      agency: AGENCIES[i % AGENCIES.length]!,
      lat: located ? 32 + rand() * 2.5 : null,
      lon: located ? 69 + rand() * 2.5 : null,
      precision: COORD_PRECISIONS[Math.floor(rand() * COORD_PRECISIONS.length)]!,
      killedMin,
      killedMax: unknown ? null : killedMin + Math.floor(rand() * 4),
      civiliansMin: civ,
      civiliansMax: unknown ? null : civ + Math.floor(rand() * 2),
      childrenMin: 0,
      childrenMax: 0,
      injuredMin: null,
      injuredMax: null,
      tbijId: rand() < 0.7 ? `S${i}` : null,
      status: rand() < 0.95 ? 'confirmed' : 'possible',
      sources: [strikeSources[i % strikeSources.length] ?? real.sources[0]!.id],
    };
  }
  let events = real.events;
  if (options.events !== null) {
    const eventSources = real.sources.map((s) => s.id);
    events = new Array(options.events);
    for (let i = 0; i < options.events; i++) {
      const year = from + Math.floor(rand() * (to - from + 1));
      const p = rand();
      const datePrecision: TimelineEvent['datePrecision'] = p < 0.65 ? 'day' : p < 0.85 ? 'month' : 'year';
      const date = datePrecision === 'day' ? day(rand, year) : datePrecision === 'month' ? `${year}-${pad(1 + Math.floor(rand() * 12))}` : String(year);
      const tone: ToneName = TONES[Math.floor(rand() * TONES.length)]!;
      const theme: ThemeName = THEMES[Math.floor(rand() * THEMES.length)]!;
      events[i] = {
        id: `syn-e${i}`,
        date,
        datePrecision,
        tone,
        theme,
        title: `Synthetic event ${i}`,
        description: 'Generated for the benchmarks.',
        incidentId: null,
        sources: [eventSources[Math.floor(rand() * eventSources.length)]!],
      };
    }
  }
  const { strikeYears: _dropped, ...rest } = real;
  return { ...rest, version: `${real.version}-synthetic`, title: `${real.title} (synthetic: ${options.strikes} strikes)`, strikes, events };
}

/** The synthetic dataset as a JSON file under bench/.cache (generated once per size and seed). */
export function synthFile(options: SynthOptions): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `synthetic-${options.strikes}-strikes-${options.events ?? 'real'}-events-${options.seed ?? SEED}.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(synthesize(loadRealDataset(), options)));
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const strikes = Number(process.argv[2] ?? 100_000);
  const events = process.argv[3] === undefined || process.argv[3] === 'real' ? null : Number(process.argv[3]);
  const out = process.argv[4];
  if (out) writeFileSync(out, JSON.stringify(synthesize(loadRealDataset(), { strikes, events })));
  console.log(out ?? synthFile({ strikes, events }));
}
