/**
 * Cross-filter compute: the work the four panels (and the filter bar's status line) do after a
 * year-range change and after a tone/theme change, measured on the same rows against crossfilter2
 * doing the same dimensions and groups.
 *
 * "Ours" is exactly what the app runs per change: the panels' pure selectors (selectAidView,
 * selectDroneView, selectMapView, selectTimeline) and the status line's countShown, each building
 * its full view model (rows shown, per-year aggregates, marks, table model, sources).
 *
 * "crossfilter2" holds one crossfilter per table with the dimensions the panels filter on
 * (year; tone and theme for events and incidents) and the groups they draw (strikes by year with
 * count and killed/civilian sums for the drone bars, matching events by year for the aid/drone
 * marks, tone and theme counts for the timeline legend, aid amount by fiscal year, groupAll
 * counts for the status line), and materialises the rows the map and the timeline draw.
 *
 * The first call on a dataset (ours: building the per-dataset indexes; crossfilter2: building the
 * crossfilters) is reported apart as "setup" and is not in the per-change statistics.
 */
import crossfilter from 'crossfilter2';
import type { Dataset, Strike, ThemeName, ToneName } from '../src/data/schema';
import { THEMES, TONES, yearOf } from '../src/data/schema';
import { DEFAULT_FILTERS, type Filters, type YearRange } from '../src/crossfilter/filters';
import { selectAidView } from '../src/panels/aid/aidSelectors';
import { selectDroneView } from '../src/panels/drones/droneSelectors';
import { selectMapView } from '../src/panels/map/mapSelectors';
import { selectTimeline } from '../src/panels/timeline/timelineSelectors';
import { countShown } from '../src/crossfilter/summary';
import { loadRealDataset, synthesize } from './synth';
import { mulberry32 } from '../scripts/lib/seededRandom';
import { summarize, type Stats } from './stats';

export interface ComputeResult {
  dataset: string;
  strikes: number;
  events: number;
  change: 'year-range' | 'category';
  changes: number;
  ours: Stats;
  crossfilter: Stats;
  /** median ours / median crossfilter2 */
  ratio: number;
  oursSetupMs: number;
  crossfilterSetupMs: number;
}

/** One filter state per change: a random year range, or a random tone/theme toggle, from a seed. */
function changes(dataset: Dataset, kind: 'year-range' | 'category', n: number, seed: number): Filters[] {
  const rand = mulberry32(seed);
  const { from, to } = dataset.coverage;
  const out: Filters[] = [];
  let tones: ToneName[] = [];
  let themes: ThemeName[] = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'year-range') {
      const a = from + Math.floor(rand() * (to - from + 1));
      const b = from + Math.floor(rand() * (to - from + 1));
      out.push({ ...DEFAULT_FILTERS, yearRange: { from: Math.min(a, b), to: Math.max(a, b) }, yearRangeOrigin: 'filter-bar' });
    } else {
      if (rand() < 0.5) {
        const t = TONES[Math.floor(rand() * TONES.length)]!;
        tones = tones.includes(t) ? tones.filter((x) => x !== t) : [...tones, t];
      } else {
        const t = THEMES[Math.floor(rand() * THEMES.length)]!;
        themes = themes.includes(t) ? themes.filter((x) => x !== t) : [...themes, t];
      }
      // A fixed year range is in force too, as in a presenter's session.
      out.push({ ...DEFAULT_FILTERS, yearRange: { from: 2004, to: 2012 }, yearRangeOrigin: 'filter-bar', tones, themes });
    }
  }
  return out;
}

let sink = 0;

function ours(dataset: Dataset, f: Filters): void {
  const aid = selectAidView(dataset, f);
  const drones = selectDroneView(dataset, f);
  const map = selectMapView(dataset, f);
  const timeline = selectTimeline(dataset, f);
  const counts = countShown(dataset, f);
  sink += aid.slots.length + drones.years.length + map.strikes.length + timeline.events.length + counts.strikes + map.table.rows.length;
}

/** crossfilter2 set up with the dimensions and groups the four panels use. */
function crossfilterModel(dataset: Dataset) {
  const strikes = crossfilter(dataset.strikes ?? []);
  const strikeYear = strikes.dimension((s) => yearOf(s.date));
  const strikeYearFilter = strikes.dimension((s) => yearOf(s.date));
  type YearAgg = { count: number; killedMin: number; killedMax: number; civMin: number; civMax: number };
  const strikesByYear = (strikeYear.group() as unknown as { reduce: (add: (p: YearAgg, s: Strike) => YearAgg, remove: (p: YearAgg, s: Strike) => YearAgg, init: () => YearAgg) => { all: () => readonly unknown[] } }).reduce(
    (p: YearAgg, s) => ({ count: p.count + 1, killedMin: p.killedMin + (s.killedMin ?? 0), killedMax: p.killedMax + (s.killedMax ?? 0), civMin: p.civMin + (s.civiliansMin ?? 0), civMax: p.civMax + (s.civiliansMax ?? 0) }),
    (p: YearAgg, s) => ({ count: p.count - 1, killedMin: p.killedMin - (s.killedMin ?? 0), killedMax: p.killedMax - (s.killedMax ?? 0), civMin: p.civMin - (s.civiliansMin ?? 0), civMax: p.civMax - (s.civiliansMax ?? 0) }),
    (): YearAgg => ({ count: 0, killedMin: 0, killedMax: 0, civMin: 0, civMax: 0 }),
  );
  const strikesShown = strikes.groupAll().reduceCount();

  const events = crossfilter(dataset.events ?? []);
  const eventYear = events.dimension((e) => yearOf(e.date));
  const eventYearGroupDim = events.dimension((e) => yearOf(e.date));
  const eventTone = events.dimension((e) => e.tone);
  const eventTheme = events.dimension((e) => e.theme);
  const matchingByYear = eventYearGroupDim.group().reduceCount();
  const toneCounts = eventTone.group().reduceCount();
  const themeCounts = eventTheme.group().reduceCount();
  const eventsShown = events.groupAll().reduceCount();

  const incidents = crossfilter(dataset.incidents ?? []);
  const incidentSpan = incidents.dimension((i) => yearOf(i.dateStart) * 10000 + yearOf(i.dateEnd ?? i.dateStart));
  const incidentTone = incidents.dimension((i) => i.tone);
  const incidentTheme = incidents.dimension((i) => i.theme);

  const aid = crossfilter(dataset.aid ?? []);
  const aidYear = aid.dimension((r) => r.fiscalYearStart);
  const aidMeasure = aid.dimension((r) => r.measure);
  aidMeasure.filterExact(DEFAULT_FILTERS.aidMeasure);
  const aidByYear = aidYear.group().reduceSum((r) => r.amount);

  const inSet = <T>(list: readonly T[]) => (list.length === 0 ? null : (v: T) => list.includes(v));
  const applyYear = (dim: crossfilter.Dimension<unknown, number>, range: YearRange | null) => (range ? dim.filterRange([range.from, range.to + 1]) : dim.filterAll());

  return (f: Filters) => {
    const range = f.yearRange;
    applyYear(strikeYearFilter as crossfilter.Dimension<unknown, number>, range);
    applyYear(eventYear as crossfilter.Dimension<unknown, number>, range);
    applyYear(aidYear as crossfilter.Dimension<unknown, number>, range);
    if (range) incidentSpan.filterFunction((k) => Math.floor(Number(k) / 10000) <= range.to && Number(k) % 10000 >= range.from);
    else incidentSpan.filterAll();
    const tone = inSet(f.tones);
    const theme = inSet(f.themes);
    for (const [dim, fn] of [
      [eventTone, tone],
      [eventTheme, theme],
      [incidentTone, tone],
      [incidentTheme, theme],
    ] as const) {
      if (fn) dim.filterFunction(fn as (v: crossfilter.NaturallyOrderedValue) => boolean);
      else dim.filterAll();
    }
    // Read what the panels draw.
    const droneBars = strikesByYear.all();
    const mapStrikes = strikeYearFilter.bottom(Infinity);
    const mapIncidents = incidents.allFiltered();
    const timelineEvents = eventYear.bottom(Infinity);
    const marks = matchingByYear.all();
    const legend = toneCounts.all().length + themeCounts.all().length;
    const aidBars = aidByYear.all();
    sink += droneBars.length + mapStrikes.length + mapIncidents.length + timelineEvents.length + marks.length + legend + aidBars.length + (strikesShown.value() as number) + (eventsShown.value() as number);
  };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export function benchCompute(label: string, dataset: Dataset, n = 60): ComputeResult[] {
  const results: ComputeResult[] = [];
  let cf: ((f: Filters) => void) | null = null;
  const crossfilterSetupMs = time(() => {
    cf = crossfilterModel(dataset);
  });
  const oursSetupMs = time(() => ours(dataset, { ...DEFAULT_FILTERS, yearRange: { from: 2005, to: 2010 } }));
  const runCf = cf as unknown as (f: Filters) => void;
  runCf({ ...DEFAULT_FILTERS, yearRange: { from: 2005, to: 2010 } });
  for (const kind of ['year-range', 'category'] as const) {
    const list = changes(dataset, kind, n, kind === 'year-range' ? 11 : 22);
    // Warm both up on a few changes (JIT), then interleave so machine noise hits both alike.
    for (const f of list.slice(0, 5)) {
      ours(dataset, f);
      runCf(f);
    }
    const a: number[] = [];
    const b: number[] = [];
    for (const f of list) {
      a.push(time(() => ours(dataset, f)));
      b.push(time(() => runCf(f)));
    }
    const oursStats = summarize(a);
    const cfStats = summarize(b);
    results.push({
      dataset: label,
      strikes: dataset.strikes?.length ?? 0,
      events: dataset.events?.length ?? 0,
      change: kind,
      changes: n,
      ours: oursStats,
      crossfilter: cfStats,
      ratio: oursStats.median / Math.max(cfStats.median, 1e-6),
      oursSetupMs,
      crossfilterSetupMs,
    });
  }
  return results;
}

export function runComputeBench(sizes: readonly number[] = [10_000, 100_000, 1_000_000], log: (s: string) => void = () => {}): ComputeResult[] {
  const real = loadRealDataset();
  const out: ComputeResult[] = [];
  log('compute: real dataset');
  out.push(...benchCompute('real', real));
  for (const size of sizes) {
    log(`compute: synthetic ${size.toLocaleString('en-US')} strikes + ${size.toLocaleString('en-US')} events`);
    const ds = synthesize(real, { strikes: size, events: size });
    out.push(...benchCompute(`synthetic-${size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`}`, ds));
  }
  if (sink === -1) console.log(sink);
  return out;
}

if (process.argv[1]?.endsWith('compute.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results = runComputeBench(sizes.length ? sizes : undefined, (s) => console.error(s));
  for (const r of results)
    console.log(
      `${r.dataset.padEnd(16)} ${r.change.padEnd(10)} ours med ${r.ours.median.toFixed(2)} p95 ${r.ours.p95.toFixed(2)} | cf med ${r.crossfilter.median.toFixed(2)} p95 ${r.crossfilter.p95.toFixed(2)} | ratio ${r.ratio.toFixed(2)} | setup ours ${r.oursSetupMs.toFixed(0)} cf ${r.crossfilterSetupMs.toFixed(0)}`,
    );
}
