/**
 * Per-dataset indexes for the cross-filter, built once per table and cached in WeakMaps keyed by
 * the table array (a new dataset brings new arrays, so nothing goes stale and nothing leaks).
 *
 * Why: crossfilter-style incremental work. A year-range change then costs O(years) plus a slice
 * of the rows in range, and a tone/theme change costs O(years × tones × themes) through
 * pre-aggregated counts, instead of a pass over every row. Every function here returns exactly
 * what the plain rules in crossfilter.ts return (the tests check them against each other).
 */
import type { Dataset, ThemeName, ToneName, Tracker } from '../data/schema';
import { adoptStrikeTrackers, strikeTrackers } from '../data/trackers';
import { THEMES, TONES, yearOf } from '../data/schema';
import type { Filters, Selection, YearRange } from './filters';
import { hasCategoryFilter, type Categorised } from './crossfilter';
import { yearOfDateOn, type YearBasis } from './fiscalYear';

// ------------------------------------------------------------------ year offsets

/**
 * Where each year starts in an array sorted by year: rows of year y are
 * `[offsets[y - first], offsets[y - first + 1])`. Empty arrays have first = 0, last = -1.
 */
export interface YearOffsets {
  first: number;
  last: number;
  offsets: Int32Array;
}

/** Offsets for an array whose rows are sorted by `yearAt(i)` (non-decreasing). */
export function yearOffsets(length: number, yearAt: (i: number) => number): YearOffsets {
  if (length === 0) return { first: 0, last: -1, offsets: new Int32Array(1) };
  const first = yearAt(0);
  const last = yearAt(length - 1);
  const offsets = new Int32Array(last - first + 2);
  let i = 0;
  for (let y = first; y <= last + 1; y++) {
    while (i < length && yearAt(i) < y) i++;
    offsets[y - first] = i;
  }
  offsets[last - first + 1] = length;
  return { first, last, offsets };
}

/** The half-open index range [lo, hi) of the rows whose year lies in `range` (all rows when null). */
export function yearSlice(index: YearOffsets, range: YearRange | null): [number, number] {
  const total = index.offsets[index.offsets.length - 1]!;
  if (range === null) return [0, total];
  const from = Math.max(range.from, index.first);
  const to = Math.min(range.to, index.last);
  if (from > to) return [0, 0];
  return [index.offsets[from - index.first]!, index.offsets[to - index.first + 1]!];
}

// ------------------------------------------------------------------ events by year × tone × theme

const TONE_INDEX = new Map<string, number>(TONES.map((t, i) => [t, i]));
const THEME_INDEX = new Map<string, number>(THEMES.map((t, i) => [t, i]));
const CELLS = TONES.length * THEMES.length;

/** Counts of items per (year, tone, theme): the pre-aggregate behind category changes. */
export interface CategoryCounts {
  first: number;
  last: number;
  /** counts[(year - first) * CELLS + tone * THEMES.length + theme] */
  counts: Uint32Array;
}

const categoryCaches: Record<YearBasis, WeakMap<readonly unknown[], CategoryCounts>> = { calendar: new WeakMap(), fiscal: new WeakMap() };

/** Counts per (year, tone, theme), with years taken on `basis` (calendar, or US fiscal for the aid axis). */
export function categoryCounts(items: readonly (Categorised & { date: string })[], basis: YearBasis = 'calendar'): CategoryCounts {
  const categoryCache = categoryCaches[basis];
  const cached = categoryCache.get(items);
  if (cached) return cached;
  const yearOfDate = yearOfDateOn(basis);
  let first = Infinity;
  let last = -Infinity;
  for (const item of items) {
    const y = yearOfDate(item.date);
    if (y < first) first = y;
    if (y > last) last = y;
  }
  if (items.length === 0) {
    first = 0;
    last = -1;
  }
  const counts = new Uint32Array(Math.max(0, last - first + 1) * CELLS);
  for (const item of items) {
    const cell = cellOf(item.tone, item.theme);
    if (cell >= 0) counts[(yearOfDate(item.date) - first) * CELLS + cell]!++;
  }
  const result = { first, last, counts };
  categoryCache.set(items, result);
  return result;
}

function cellOf(tone: string, theme: string): number {
  const t = TONE_INDEX.get(tone);
  const h = THEME_INDEX.get(theme);
  return t === undefined || h === undefined ? -1 : t * THEMES.length + h;
}

/** The (tone, theme) cells a filter lets through, as cell numbers. */
export function matchingCells(filters: Pick<Filters, 'tones' | 'themes'>): number[] {
  const tones = filters.tones.length ? filters.tones : TONES;
  const themes = filters.themes.length ? filters.themes : THEMES;
  const cells: number[] = [];
  for (const tone of new Set<ToneName>(tones)) for (const theme of new Set<ThemeName>(themes)) {
    const cell = cellOf(tone, theme);
    if (cell >= 0) cells.push(cell);
  }
  return cells;
}

/** Same result as crossfilter.ts `yearsWithMatchingEvents`, from the per-year pre-aggregate. */
export function yearsWithMatchingEventsIndexed(events: readonly (Categorised & { date: string })[], filters: Pick<Filters, 'tones' | 'themes'>, basis: YearBasis = 'calendar'): Set<number> {
  const years = new Set<number>();
  if (!hasCategoryFilter(filters)) return years;
  const index = categoryCounts(events, basis);
  const cells = matchingCells(filters);
  for (let y = index.first; y <= index.last; y++) {
    const base = (y - index.first) * CELLS;
    if (cells.some((c) => index.counts[base + c]! > 0)) years.add(y);
  }
  return years;
}

/** How many events lie in `range` and match the tone/theme filters. */
export function countMatchingEvents(events: readonly (Categorised & { date: string })[], range: YearRange | null, filters: Pick<Filters, 'tones' | 'themes'>): number {
  const index = categoryCounts(events);
  const from = range ? Math.max(range.from, index.first) : index.first;
  const to = range ? Math.min(range.to, index.last) : index.last;
  const all = !hasCategoryFilter(filters);
  const cells = all ? null : matchingCells(filters);
  let n = 0;
  for (let y = from; y <= to; y++) {
    const base = (y - index.first) * CELLS;
    if (cells === null) for (let c = 0; c < CELLS; c++) n += index.counts[base + c]!;
    else for (const c of cells) n += index.counts[base + c]!;
  }
  return n;
}

/** Numeric tone/theme cell of an item (-1 for values outside the schema's lists). */
export function categoryCell(item: Categorised): number {
  return cellOf(item.tone, item.theme);
}

/** A lookup table over cells: true where the filter lets the (tone, theme) through. */
export function cellMask(filters: Pick<Filters, 'tones' | 'themes'>): Uint8Array {
  const mask = new Uint8Array(CELLS);
  for (const c of matchingCells(filters)) mask[c] = 1;
  return mask;
}

// ------------------------------------------------------------------ rows by year

/** Rows per year as prefix sums: rows of years [first, y] number prefix[y - first + 1]. */
export interface YearCounts {
  first: number;
  prefix: Int32Array;
}

const yearCountCache = new WeakMap<readonly unknown[], YearCounts>();

function yearCounts(rows: readonly { date: string }[]): YearCounts {
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const y = yearOf(r.date);
    if (y < first) first = y;
    if (y > last) last = y;
  }
  if (rows.length === 0) {
    first = 0;
    last = -1;
  }
  const prefix = new Int32Array(Math.max(0, last - first + 1) + 1);
  for (const r of rows) prefix[yearOf(r.date) - first + 1]!++;
  for (let i = 1; i < prefix.length; i++) prefix[i]! += prefix[i - 1]!;
  return { first, prefix };
}

/** How many of `rows` have a `date` whose year lies in `range` (prefix sums per year). */
export function countInYears(rows: readonly { date: string }[], range: YearRange | null): number {
  let cached = yearCountCache.get(rows);
  if (!cached) yearCountCache.set(rows, (cached = yearCounts(rows)));
  if (range === null) return rows.length;
  const { first, prefix } = cached;
  const lastYear = first + prefix.length - 2;
  const from = Math.max(range.from, first);
  const to = Math.min(range.to, lastYear);
  if (from > to) return 0;
  return prefix[to - first + 1]! - prefix[from - first]!;
}

// ------------------------------------------------------------------ the map's drawing order

const drawOrderCache = new WeakMap<readonly unknown[], Int32Array>();

/**
 * The positions in `strikes` of the rows with coordinates, sorted by date, then id (the map draws
 * and lists them in this order, so a year range is one slice of it). Cached per table.
 */
export function strikeDrawOrder(strikes: readonly { id: string; date: string; lat: number | null; lon: number | null }[]): Int32Array {
  const cached = drawOrderCache.get(strikes);
  if (cached) return cached;
  let n = 0;
  for (const s of strikes) if (s.lat !== null && s.lon !== null) n++;
  const order = new Int32Array(n);
  n = 0;
  for (let i = 0; i < strikes.length; i++) if (strikes[i]!.lat !== null && strikes[i]!.lon !== null) order[n++] = i;
  order.sort((a, b) => {
    const x = strikes[a]!;
    const y = strikes[b]!;
    return x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : a - b;
  });
  drawOrderCache.set(strikes, order);
  return order;
}

// ------------------------------------------------------------------ built in the worker

/**
 * The parts of the index that cost a pass over every strike, built by the parse worker next to
 * the validation (src/import/parseDataset.worker.ts) and handed over as typed arrays, so the
 * page's first render after a 100k load does not make those passes itself.
 */
export interface DatasetIndex {
  /** countInYears' prefix sums for the strikes table. */
  strikesPerYear: YearCounts | null;
  /** strikeDrawOrder for the strikes table: the map's order, a 100k-row string sort done off the page. */
  strikeDrawOrder: Int32Array | null;
  /** The trackers with per-strike rows (data/trackers.ts). */
  strikeTrackers: Tracker[] | null;
}

export function buildDatasetIndex(dataset: Pick<Dataset, 'strikes'>): DatasetIndex {
  const strikes = dataset.strikes;
  return { strikesPerYear: strikes ? yearCounts(strikes) : null, strikeDrawOrder: strikes ? strikeDrawOrder(strikes) : null, strikeTrackers: strikes ? strikeTrackers(strikes) : null };
}

/** Files a worker-built index under the page's own copy of the tables: what the lazy builders would have made. */
export function adoptDatasetIndex(dataset: Pick<Dataset, 'strikes'>, index: DatasetIndex): void {
  const strikes = dataset.strikes;
  if (!strikes) return;
  if (index.strikesPerYear) yearCountCache.set(strikes, index.strikesPerYear);
  if (index.strikeDrawOrder) drawOrderCache.set(strikes, index.strikeDrawOrder);
  if (index.strikeTrackers) adoptStrikeTrackers(strikes, index.strikeTrackers);
}

export const datasetIndexTransferables = (index: DatasetIndex): ArrayBuffer[] => [
  ...(index.strikesPerYear ? [index.strikesPerYear.prefix.buffer as ArrayBuffer] : []),
  ...(index.strikeDrawOrder ? [index.strikeDrawOrder.buffer as ArrayBuffer] : []),
];

// ------------------------------------------------------------------ lookups by id

const byIdCache = new WeakMap<readonly unknown[], Map<string, unknown>>();

/** The first row with this id (like `rows.find((r) => r.id === id)`), through a cached map. */
export function findById<T extends { id: string }>(rows: readonly T[], id: string): T | undefined {
  let map = byIdCache.get(rows) as Map<string, T> | undefined;
  if (!map) {
    map = new Map();
    for (const r of rows) if (!map.has(r.id)) map.set(r.id, r);
    byIdCache.set(rows, map);
  }
  return map.get(id);
}

/** Same result as crossfilter.ts `selectedItemYear`, through cached id maps. */
export function selectedItemYearIndexed(
  dataset: { events?: readonly { id: string; date: string }[]; incidents?: readonly { id: string; dateStart: string }[]; strikes?: readonly { id: string; date: string }[] },
  selection: Selection | null,
  basis: YearBasis = 'calendar',
): number | null {
  if (!selection) return null;
  const date =
    selection.kind === 'event'
      ? dataset.events && findById(dataset.events, selection.id)?.date
      : selection.kind === 'incident'
        ? dataset.incidents && findById(dataset.incidents, selection.id)?.dateStart
        : dataset.strikes && findById(dataset.strikes, selection.id)?.date;
  return date ? yearOfDateOn(basis)(date) : null;
}
