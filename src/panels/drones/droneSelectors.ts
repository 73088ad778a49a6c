/**
 * The drone panel's view model, as pure functions of (dataset, filters).
 *
 * The trackers (TBIJ, Pakistan Body Count, New America, Long War Journal, …) disagree, above all
 * on civilians, so the panel never merges them: one tracker at a time, or all of them side by
 * side for the selected years ("compare sources"). Counts are ranges (min–max) as the trackers
 * publish them; a blank bound is unknown and is drawn and written as unknown, never as zero.
 */
import type { Dataset, Strike, StrikeYear } from '../../data/schema';
import { yearOf } from '../../data/schema';
import type { Filters, YearRange } from '../../crossfilter/filters';
import { sourceTitles, yearInRange, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import { selectedItemYearIndexed as selectedItemYear, yearsWithMatchingEventsIndexed as yearsWithMatchingEvents } from '../../crossfilter/datasetIndex';
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import { strikesOfTracker, strikeTrackers, TRACKER_NAMES, trackerOfSeries } from '../../data/trackers';
import { formatNumber } from '../../components/charts/numberFormat';

/** The filter fields the drone panel reads (its hook subscribes to these only). */
export const DRONE_FILTER_KEYS = ['yearRange', 'yearRangeOrigin', 'tones', 'themes', 'droneSeries', 'droneCompare', 'selection'] as const satisfies readonly (keyof Filters)[];

/** Which bounds of a min–max count are known. */
export type RangeKnown = 'both' | 'min-only' | 'max-only' | 'none';

export interface CountRange {
  min: number | null;
  max: number | null;
  known: RangeKnown;
  /** What the chart draws: [lo, hi]. Only a maximum → [0, max] (drawn hatched); unknown → [0, 0] (drawn as "?"). */
  bar: [number, number];
}

export interface DroneYear {
  year: number;
  /** False when the tracker has no row for this year inside its span: unknown, not zero. */
  hasRow: boolean;
  strikes: number | null;
  /**
   * Strikes the per-strike table lists as "possible" for this year, outside the tracker's count
   * (TBIJ only: the per-strike table is TBIJ's). The header and the map count them too, so the
   * chart says "128 confirmed, 1 possible" where they say 129.
   */
  possibleStrikes: number;
  killed: CountRange;
  civilians: CountRange;
  note: string;
  sources: string[];
  dimmed: boolean;
  /**
   * Outside the year range another control set: faded on the chart's full axis (which keeps its
   * shape, so a range change restyles bars instead of re-laying the chart out); never in `years`.
   */
  filteredOut: boolean;
  marked: boolean;
  selected: boolean;
}

export interface DroneSeriesInfo {
  id: string;
  label: string;
  /** "Publisher, Title" of the source row named by the series id, when there is one. */
  sourceTitle: string | null;
  /** True for a series computed from the per-strike table because the dataset has no strikeYears. */
  derived: boolean;
}

export interface DroneCompareYear {
  year: number;
  /** One entry per compared series, in `compareSeries` order; null when that tracker has no figure for the year. */
  values: (DroneYear | null)[];
  dimmed: boolean;
  marked: boolean;
  selected: boolean;
}

export type DroneViewState = 'ok' | 'missing-table' | 'no-rows-in-range';

export interface DroneView {
  state: DroneViewState;
  emptyMessage: string | null;
  series: DroneSeriesInfo[];
  /** The tracker shown in the single view. */
  activeSeries: DroneSeriesInfo | null;
  /** The tracker asked for (filters.droneSeries) is not in the dataset, so the first one is shown. */
  requestedSeriesMissing: string | null;
  compare: boolean;
  /** Single view: one entry per year of the active tracker's span, narrowed by other panels' range (table, export, slides). */
  years: DroneYear[];
  /**
   * Single view: every year of the active tracker's span, the chart's x-axis. The years outside
   * other panels' range are `filteredOut` (faded); the others are the very objects in `years`.
   */
  axisYears: DroneYear[];
  /** Compare view: the trackers with a figure in the compared years, and the years. */
  compareSeries: DroneSeriesInfo[];
  compareYears: DroneCompareYear[];
  /** Trackers with no figure at all in the compared years. */
  compareSeriesWithout: DroneSeriesInfo[];
  hasOwnFilter: boolean;
  dimRange: YearRange | null;
  filterRange: YearRange | null;
  table: TableModel;
  sourceIds: string[];
  sources: string[];
  anyMarked: boolean;
  anyPartial: boolean;
}

/** The trackers the product names, in the order the selector lists them. Matched on the series id or its source's publisher. */
const KNOWN_TRACKERS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /tbij|bureau of investigative/i, label: 'TBIJ' },
  { pattern: /pbc|body.?count/i, label: 'Pakistan Body Count' },
  { pattern: /new.?america/i, label: 'New America' },
  { pattern: /lwj|long.?war/i, label: 'Long War Journal' },
];

export const DERIVED_SERIES_ID = 'strikes-table';

function trackerRank(id: string, publisher: string | undefined): number {
  const i = KNOWN_TRACKERS.findIndex((t) => t.pattern.test(id) || (publisher !== undefined && t.pattern.test(publisher)));
  return i === -1 ? KNOWN_TRACKERS.length : i;
}

/** The trackers present in `strikeYears`, known ones first, with short unique labels. */
export function listSeries(dataset: Pick<Dataset, 'sources' | 'strikeYears' | 'strikes'>): DroneSeriesInfo[] {
  const rows = dataset.strikeYears ?? [];
  if (rows.length === 0) {
    const trackers = strikeTrackers(dataset.strikes ?? []);
    if (trackers.length <= 1) return trackers.length === 1 ? [{ id: DERIVED_SERIES_ID, label: 'Per-strike table (computed)', sourceTitle: null, derived: true }] : [];
    // Several trackers' rows: one computed series each, never their sum (a strike would count twice).
    return trackers.map((t) => ({ id: `${DERIVED_SERIES_ID}:${t}`, label: `${TRACKER_NAMES[t]} (per-strike table, computed)`, sourceTitle: null, derived: true }));
  }
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
  const ids = [...new Set(rows.map((r) => r.series))];
  const infos = ids.map((id) => {
    const source = sourceById.get(id);
    const rank = trackerRank(id, source?.publisher);
    const label = rank < KNOWN_TRACKERS.length ? KNOWN_TRACKERS[rank]!.label : (source?.publisher ?? id);
    return { id, rank, label, source, sourceTitle: source ? `${source.publisher}, ${source.title}` : null, derived: false };
  });
  infos.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  // Two series of one tracker (two snapshots, say) get their source date, or their id, to tell them apart.
  const count = (label: string) => infos.filter((i) => i.label === label).length;
  const labelled = infos.map((i) => (count(i.label) > 1 && i.source ? { ...i, label: `${i.label} (${i.source.date})` } : i));
  return labelled.map((i) => ({
    id: i.id,
    label: labelled.filter((j) => j.label === i.label).length > 1 ? `${i.label} [${i.id}]` : i.label,
    sourceTitle: i.sourceTitle,
    derived: false,
  }));
}

export function countRange(min: number | null, max: number | null): CountRange {
  if (min !== null && max !== null) return { min, max, known: 'both', bar: [min, max] };
  if (min !== null) return { min, max, known: 'min-only', bar: [min, min] };
  if (max !== null) return { min, max, known: 'max-only', bar: [0, max] };
  return { min, max, known: 'none', bar: [0, 0] };
}

/** "6–8", "6", "up to 8", "at least 6" or "unknown". */
export function rangeText(r: Pick<CountRange, 'min' | 'max'>): string {
  const fmt = (n: number) => formatNumber(n);
  if (r.min !== null && r.max !== null) return r.min === r.max ? fmt(r.min) : `${fmt(r.min)}–${fmt(r.max)}`;
  if (r.min !== null) return `at least ${fmt(r.min)}`;
  if (r.max !== null) return `up to ${fmt(r.max)}`;
  return 'unknown';
}

/**
 * Yearly rows computed from the per-strike table, for a dataset without `strikeYears`. Only
 * confirmed strikes count. A bound is the sum over the year's strikes; one unknown maximum makes
 * the year's maximum unknown, while the known minimums still add up to a valid lower bound.
 */
export function deriveStrikeYears(strikes: readonly Strike[]): StrikeYear[] {
  const byYear = new Map<number, Strike[]>();
  for (const s of strikes) {
    if (s.status !== 'confirmed') continue;
    const y = yearOf(s.date);
    const list = byYear.get(y) ?? [];
    list.push(s);
    byYear.set(y, list);
  }
  const sumMin = (list: Strike[], key: 'killedMin' | 'civiliansMin') => {
    const known = list.map((s) => s[key]).filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
  };
  const sumMax = (list: Strike[], key: 'killedMax' | 'civiliansMax') => (list.some((s) => s[key] === null) ? null : list.reduce((a, s) => a + (s[key] ?? 0), 0));
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, list]) => ({
      year,
      series: DERIVED_SERIES_ID,
      strikes: list.length,
      killedMin: sumMin(list, 'killedMin'),
      killedMax: sumMax(list, 'killedMax'),
      civiliansMin: sumMin(list, 'civiliansMin'),
      civiliansMax: sumMax(list, 'civiliansMax'),
      note: list.some((s) => s.killedMax === null || s.civiliansMax === null) ? 'Some strikes have unknown counts: the maximum is unknown, the minimum is a lower bound.' : undefined,
      sources: [...new Set(list.flatMap((s) => s.sources))],
    }));
}

/** The derived yearly rows, once per strikes table: they do not depend on any filter. */
const derivedCache = new WeakMap<readonly Strike[], StrikeYear[]>();
function derivedStrikeYears(strikes: readonly Strike[]): StrikeYear[] {
  let rows = derivedCache.get(strikes);
  if (!rows) derivedCache.set(strikes, (rows = deriveStrikeYears(strikes)));
  return rows;
}

function seriesRows(dataset: Pick<Dataset, 'strikeYears' | 'strikes'>, seriesId: string): StrikeYear[] {
  if ((dataset.strikeYears ?? []).length === 0) {
    if (seriesId === DERIVED_SERIES_ID) return derivedStrikeYears(dataset.strikes ?? []);
    const tracker = seriesId.startsWith(`${DERIVED_SERIES_ID}:`) ? trackerOfSeries(seriesId) : null;
    return tracker ? derivedStrikeYears(strikesOfTracker(dataset.strikes ?? [], tracker)) : [];
  }
  return (dataset.strikeYears ?? []).filter((r) => r.series === seriesId);
}

/** Whether a series counts the strikes of the per-strike table (TBIJ's, or computed from it). */
export function seriesUsesStrikeTable(seriesId: string): boolean {
  return seriesId === 'tbij' || seriesId === DERIVED_SERIES_ID;
}

const possibleCache = new WeakMap<readonly Strike[], Map<number, number>>();
/** Possible (unconfirmed) strikes per calendar year, once per strikes table. */
export function possibleStrikesByYear(strikes: readonly Strike[]): ReadonlyMap<number, number> {
  let counts = possibleCache.get(strikes);
  if (!counts) {
    counts = new Map();
    for (const s of strikes) if (s.status === 'possible') counts.set(yearOf(s.date), (counts.get(yearOf(s.date)) ?? 0) + 1);
    possibleCache.set(strikes, counts);
  }
  return counts;
}

/** "129 (128 confirmed, 1 possible)" where possible strikes exist, else the plain count. */
export function strikeCountText(y: Pick<DroneYear, 'strikes' | 'possibleStrikes'>): string {
  if (y.strikes === null) return 'unknown';
  if (y.possibleStrikes === 0) return formatNumber(y.strikes);
  return `${formatNumber(y.strikes + y.possibleStrikes)} (${formatNumber(y.strikes)} confirmed, ${formatNumber(y.possibleStrikes)} possible)`;
}

/** "128 strikes", or "129 strikes (128 confirmed, 1 possible)", or "unknown number of strikes". */
export function strikesPhrase(y: Pick<DroneYear, 'strikes' | 'possibleStrikes'>): string {
  if (y.strikes === null) return 'unknown number of strikes';
  if (y.possibleStrikes === 0) return `${formatNumber(y.strikes)} strikes`;
  return `${formatNumber(y.strikes + y.possibleStrikes)} strikes (${formatNumber(y.strikes)} confirmed, ${formatNumber(y.possibleStrikes)} possible)`;
}

function toDroneYear(row: StrikeYear, possible: ReadonlyMap<number, number> | null = null): Omit<DroneYear, 'dimmed' | 'filteredOut' | 'marked' | 'selected'> {
  return {
    year: row.year,
    hasRow: true,
    strikes: row.strikes,
    possibleStrikes: possible?.get(row.year) ?? 0,
    killed: countRange(row.killedMin, row.killedMax),
    civilians: countRange(row.civiliansMin, row.civiliansMax),
    note: row.note ?? '',
    sources: row.sources,
  };
}

function noRowYear(year: number): Omit<DroneYear, 'dimmed' | 'filteredOut' | 'marked' | 'selected'> {
  return { year, hasRow: false, strikes: null, possibleStrikes: 0, killed: countRange(null, null), civilians: countRange(null, null), note: '', sources: [] };
}

/** One tracker's years from its first to its last, with missing years as "no figure". Duplicate years keep the later row. */
export function seriesYears(rows: readonly StrikeYear[], possible: ReadonlyMap<number, number> | null = null): Omit<DroneYear, 'dimmed' | 'filteredOut' | 'marked' | 'selected'>[] {
  if (rows.length === 0) return [];
  const byYear = new Map<number, StrikeYear>();
  for (const r of rows) byYear.set(r.year, r);
  const first = Math.min(...byYear.keys());
  const last = Math.max(...byYear.keys());
  const out = [];
  for (let y = first; y <= last; y++) {
    const row = byYear.get(y);
    out.push(row ? toDroneYear(row, possible) : noRowYear(y));
  }
  return out;
}

const TABLE_COLUMNS = [
  { key: 'year', header: 'Year' },
  { key: 'tracker', header: 'Tracker' },
  { key: 'strikes', header: 'Strikes', numeric: true },
  { key: 'possibleStrikes', header: 'Possible strikes (not in the count)', numeric: true },
  { key: 'killedMin', header: 'Killed (min)', numeric: true },
  { key: 'killedMax', header: 'Killed (max)', numeric: true },
  { key: 'civiliansMin', header: 'Civilians (min)', numeric: true },
  { key: 'civiliansMax', header: 'Civilians (max)', numeric: true },
  { key: 'marks', header: 'Marked' },
  { key: 'note', header: 'Note' },
  { key: 'source', header: 'Source' },
];

function marksText(m: { marked: boolean; selected: boolean }): string {
  const parts: string[] = [];
  if (m.marked) parts.push('year with matching events');
  if (m.selected) parts.push('year of the selected item');
  return parts.join('; ');
}

function tableRow(y: DroneYear, series: DroneSeriesInfo, sourceLabel: (ids: readonly string[]) => string, marks: { marked: boolean; selected: boolean }): Record<string, CellValue> {
  return {
    year: y.year,
    tracker: series.label,
    strikes: y.strikes,
    possibleStrikes: y.hasRow && seriesUsesStrikeTable(series.id) ? y.possibleStrikes : null,
    killedMin: y.killed.min,
    killedMax: y.killed.max,
    civiliansMin: y.civilians.min,
    civiliansMax: y.civilians.max,
    marks: marksText(marks),
    note: y.hasRow ? y.note : 'No figure from this tracker for this year',
    source: sourceLabel(y.sources),
  };
}

const yearsText = (r: YearRange) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`);

/**
 * The drone view under the current filters. Other panels' year range narrows the years; this
 * panel's own brush only dims. The compare view shows the selected years (any origin), or every
 * year some tracker covers when no range is set.
 */
export function selectDroneView(dataset: Pick<Dataset, 'sources' | 'strikeYears' | 'strikes' | 'events' | 'incidents'>, filters: Filters): DroneView {
  const filterRange = yearRangeFilteringPanel(filters, 'drones');
  const dimRange = yearRangeDimmingPanel(filters, 'drones');
  const series = listSeries(dataset);
  const requested = filters.droneSeries;
  const activeSeries = series.find((s) => s.id === requested) ?? series[0] ?? null;
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceLabel = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const s = sourceById.get(id);
        return s ? `${s.publisher} (${s.date})` : id;
      })
      .join('; ');
  const matchingYears = yearsWithMatchingEvents(dataset.events ?? [], filters);
  const selectedYear = selectedItemYear(dataset, filters.selection);
  const marksFor = (year: number) => ({ marked: matchingYears.has(year), selected: selectedYear === year });

  const base = {
    series,
    activeSeries,
    requestedSeriesMissing: requested !== null && !series.some((s) => s.id === requested) ? requested : null,
    compare: filters.droneCompare,
    hasOwnFilter: dimRange !== null,
    dimRange,
    filterRange,
  };
  const emptyTable: TableModel = { caption: 'Drone strikes in Pakistan by year', columns: TABLE_COLUMNS, rows: [], measure: 'Drone strikes per year and people killed (min–max), as reported by each tracker' };
  const blank = {
    years: [],
    axisYears: [],
    compareSeries: [],
    compareYears: [],
    compareSeriesWithout: [],
    table: emptyTable,
    sourceIds: [],
    sources: [],
    anyMarked: false,
    anyPartial: false,
  };

  if (!activeSeries) {
    return { ...base, ...blank, state: 'missing-table', emptyMessage: 'This dataset has no strikeYears table (yearly strike counts by tracker) and no strikes table, so there is nothing to chart here.' };
  }

  const sourceIds = new Set<string>();
  const rows: Record<string, CellValue>[] = [];

  if (!filters.droneCompare) {
    const possible = seriesUsesStrikeTable(activeSeries.id) ? possibleStrikesByYear(dataset.strikes ?? []) : null;
    const axisYears: DroneYear[] = seriesYears(seriesRows(dataset, activeSeries.id), possible).map((y) => ({
      ...y,
      ...marksFor(y.year),
      dimmed: dimRange !== null && !yearInRange(y.year, dimRange),
      filteredOut: !yearInRange(y.year, filterRange),
    }));
    const years = axisYears.filter((y) => !y.filteredOut);
    for (const y of years) {
      if (y.dimmed) continue;
      y.sources.forEach((id) => sourceIds.add(id));
      rows.push(tableRow(y, activeSeries, sourceLabel, y));
    }
    const ids = dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => s.id);
    const hasFigures = years.some((y) => y.hasRow);
    return {
      ...base,
      ...blank,
      state: hasFigures ? 'ok' : 'no-rows-in-range',
      emptyMessage: hasFigures ? null : `No drone-strike figures from ${activeSeries.label} for ${filterRange ? yearsText(filterRange) : 'any year'}.`,
      years,
      axisYears,
      table: { ...emptyTable, caption: `Drone strikes in Pakistan by year: ${activeSeries.label}`, rows },
      sourceIds: ids,
      sources: sourceTitles(dataset.sources, ids),
      anyMarked: years.some((y) => y.marked),
      anyPartial: years.some((y) => y.hasRow && (y.strikes === null || y.killed.known !== 'both' || y.civilians.known !== 'both')),
    };
  }

  // Compare: every tracker, side by side, for the selected years.
  const range = filters.yearRange;
  const perSeries = series.map((s) => new Map(seriesRows(dataset, s.id).map((r) => [r.year, r])));
  const allYears = [...new Set(perSeries.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const yearsShown = range ? allYears.filter((y) => yearInRange(y, range)) : allYears;
  const withFigures = series.map((_, i) => yearsShown.some((y) => perSeries[i]!.has(y)));
  const compareSeries = series.filter((_, i) => withFigures[i]);
  const compareMaps = perSeries.filter((_, i) => withFigures[i]);
  const comparePossible = compareSeries.map((s) => (seriesUsesStrikeTable(s.id) ? possibleStrikesByYear(dataset.strikes ?? []) : null));
  const compareYears: DroneCompareYear[] = yearsShown.map((year) => ({
    year,
    values: compareMaps.map((m, i) => {
      const row = m.get(year);
      return row ? { ...toDroneYear(row, comparePossible[i]), ...marksFor(year), dimmed: false, filteredOut: false } : null;
    }),
    dimmed: false,
    ...marksFor(year),
  }));
  for (const cy of compareYears) {
    cy.values.forEach((v, i) => {
      if (!v) return;
      v.sources.forEach((id) => sourceIds.add(id));
      rows.push(tableRow(v, compareSeries[i]!, sourceLabel, cy));
    });
  }
  const ids = dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => s.id);
  return {
    ...base,
    ...blank,
    state: compareYears.length > 0 ? 'ok' : 'no-rows-in-range',
    emptyMessage: compareYears.length > 0 ? null : `No tracker has drone-strike figures for ${range ? yearsText(range) : 'any year'}.`,
    compareSeries,
    compareYears,
    compareSeriesWithout: series.filter((_, i) => !withFigures[i]),
    table: { ...emptyTable, caption: `Drone strikes in Pakistan by year: trackers compared${range ? `, ${yearsText(range)}` : ''}`, rows },
    sourceIds: ids,
    sources: sourceTitles(dataset.sources, ids),
    anyMarked: compareYears.some((y) => y.marked),
    anyPartial: compareYears.some((y) => y.values.some((v) => v !== null && (v.strikes === null || v.killed.known !== 'both' || v.civilians.known !== 'both'))),
  };
}

/** What a click on a year does: select it (a second click clears, in the store). */
export type YearAction = { kind: 'toggle-year'; year: number } | { kind: 'set-range'; range: YearRange };

export function yearDragAction(a: number, b: number): YearAction {
  return a === b ? { kind: 'toggle-year', year: a } : { kind: 'set-range', range: { from: Math.min(a, b), to: Math.max(a, b) } };
}

/** Shift+click: widen the current range to include the year, or select the year when there is none. */
export function yearExtendAction(year: number, current: YearRange | null): YearAction {
  return current ? { kind: 'set-range', range: { from: Math.min(current.from, year), to: Math.max(current.to, year) } } : { kind: 'toggle-year', year };
}
