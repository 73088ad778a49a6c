/**
 * The timeline's cross-filter engine, as pure functions of (dataset, filters).
 *
 * - Tone and theme filters *remove* events (they narrow the timeline).
 * - A year range set elsewhere (filter bar, aid or drone brush) removes events outside it.
 * - A year range brushed on the timeline itself keeps every event and only *dims* those outside
 *   (dc.js semantics: a chart is never filtered by its own brush, so it keeps its shape).
 *
 * Nothing here knows about React or pixels except `packLane`, which takes its spacing in years so
 * that the view can pass whatever the current zoom makes a marker wide.
 */
import type { Dataset, Incident, Source, ThemeName, TimelineEvent, ToneName } from '../../data/schema';
import { THEMES, TONES, yearOf } from '../../data/schema';
import type { Filters, YearRange } from '../../crossfilter/filters';
import { hasCategoryFilter, sourceTitles, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import { categoryCell, cellMask, matchingCells, yearOffsets, yearSlice, type YearOffsets } from '../../crossfilter/datasetIndex';
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import { THEME_LABELS, TONE_LABELS } from '../../theme/palette';
import { formatCountRange, reportedValues, reportedValuesText, sourceNamer, type ReportedValue } from '../../data/figures';

/** The filter fields the timeline reads; a narrower input keeps the panel from re-rendering on aid/map changes. */
export type TimelineFilters = Pick<Filters, 'yearRange' | 'yearRangeOrigin' | 'tones' | 'themes' | 'selection'>;

export type DatePrecision = TimelineEvent['datePrecision'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * The precision a date can honestly claim: the declared one, but never finer than the string
 * holds ("2011-11" declared as a day is still only known to the month).
 */
export function effectivePrecision(date: string, declared: DatePrecision): DatePrecision {
  const held: DatePrecision = date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
  const rank = { year: 0, month: 1, day: 2 } as const;
  return rank[declared] <= rank[held] ? declared : held;
}

/** "26 Nov 2011", "Nov 2011" or "2011", by precision. Written out by hand so it never depends on the browser's locale. */
export function formatEventDate(date: string, declared: DatePrecision): string {
  const precision = effectivePrecision(date, declared);
  const year = date.slice(0, 4);
  if (precision === 'year') return year;
  const month = MONTHS[Number(date.slice(5, 7)) - 1] ?? '';
  if (precision === 'month') return `${month} ${year}`;
  return `${Number(date.slice(8, 10))} ${month} ${year}`;
}

/** Words that say how precise a date is, for the detail card and the table. */
export const PRECISION_LABELS: Record<DatePrecision, string> = {
  day: 'exact day',
  month: 'known to the month (placed mid-month)',
  year: 'known to the year (placed mid-year)',
};

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * An event's position on the axis as a fractional year. Events known only to the month sit
 * mid-month, those known only to the year mid-year, so the marker never pretends to a day.
 */
export function eventTime(date: string, declared: DatePrecision): number {
  const precision = effectivePrecision(date, declared);
  const year = yearOf(date);
  if (precision === 'year') return year + 0.5;
  const month = Number(date.slice(5, 7));
  if (precision === 'month') return year + (month - 0.5) / 12;
  const day = Number(date.slice(8, 10));
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000;
  return year + (dayOfYear + 0.5) / (isLeap(year) ? 366 : 365);
}

/** Only absolute http(s) URLs become links; anything else (javascript:, data:, relative paths) is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

export interface TimelineEventView {
  id: string;
  /** The ISO date as stored. */
  date: string;
  dateLabel: string;
  precision: DatePrecision;
  tone: ToneName;
  theme: ThemeName;
  title: string;
  description: string;
  /** Position on the axis, in fractional years. */
  t: number;
  /** The button's accessible name: date and title. */
  name: string;
  /** Outside the range the timeline brushed itself: drawn faded. */
  dimmed: boolean;
  /** The selected event, or an event linked to the selected incident. */
  highlighted: boolean;
  incidentId: string | null;
  sources: string[];
}

export interface IncidentDetail {
  id: string;
  name: string;
  place: string;
  district: string;
  killed: string;
  wounded: string;
  /** Who reports what, where the dataset keeps each source's value (null: one range only). */
  killedBySource: ReportedValue[] | null;
  woundedBySource: ReportedValue[] | null;
  precision: string;
}

export interface SourceDetail {
  id: string;
  title: string;
  publisher: string;
  date: string;
  /** Set only for http(s) URLs. */
  href: string | null;
  /** A URL that is not http(s): shown as plain text, never as a link. */
  plainUrl: string | null;
}

export interface EventDetail {
  event: TimelineEventView;
  toneLabel: string;
  themeLabel: string;
  precisionLabel: string;
  singleSource: string | null;
  incident: IncidentDetail | null;
  sources: SourceDetail[];
  /** True when the tone/theme/year filters hide the event the card describes. */
  hiddenByFilters: boolean;
  /** True when the card follows an incident selected elsewhere (the map). */
  viaIncident: boolean;
}

export interface TimelineView {
  /** Null when the dataset has no events table. */
  axis: YearRange | null;
  /** The events drawn, ordered by time then id. */
  events: TimelineEventView[];
  /**
   * The same events without the selection's highlight. While only the selection changes this is
   * the very same array of the very same objects, so the panel re-renders only the markers whose
   * highlight changed (a selection is two markers, not every marker).
   */
  drawnEvents: TimelineEventView[];
  /** The highlighted events' ids: the selected event, or the events linked to the selected incident. */
  highlightedIds: ReadonlySet<string>;
  /** Themes of all events in the dataset, in palette order: the legend, which also toggles theme filters. */
  themesPresent: ThemeName[];
  /** Whether any event is known only to the month / year (the legend explains the hollow markers then). */
  precisionsPresent: DatePrecision[];
  filteringRange: YearRange | null;
  dimmingRange: YearRange | null;
  detail: EventDetail | null;
  /** The panel holds a filter of its own: tones/themes, or a range brushed here. */
  hasOwnFilter: boolean;
  /** The active tone / theme filters (the lane labels and legend show them pressed). */
  toneFilter: ToneName[];
  themeFilter: ThemeName[];
  table: TableModel;
  sourceIds: string[];
  /** Every source behind the events shown ("publisher, title"), in dataset order: for exports. */
  sources: string[];
  /** The same sources for the panel's sources line, most-cited first. */
  sourcesLine: string[];
  /** Why nothing is drawn, when nothing is. */
  emptyMessage: string | null;
}

export { formatCountRange };

const COORD_PRECISION_LABELS: Record<Incident['precision'], string> = {
  exact: 'exact location',
  village: 'village-level location',
  'district-centroid': 'approximate: district centroid',
  approximate: 'approximate location',
};

export function incidentDetail(incident: Incident, sourceName: (id: string) => string = (id) => id): IncidentDetail {
  return {
    id: incident.id,
    name: incident.name,
    place: incident.place,
    district: incident.district,
    killed: formatCountRange(incident.killedMin, incident.killedMax),
    wounded: formatCountRange(incident.woundedMin, incident.woundedMax),
    killedBySource: reportedValues(incident.figures, 'killed', sourceName),
    woundedBySource: reportedValues(incident.figures, 'wounded', sourceName),
    precision: COORD_PRECISION_LABELS[incident.precision],
  };
}

export function sourceDetail(source: Source): SourceDetail {
  const href = safeHref(source.url);
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    href,
    plainUrl: href === null && source.url ? source.url : null,
  };
}

function rangeLabel(range: YearRange): string {
  return range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`;
}

function toView(event: TimelineEvent, dimmed: boolean, highlighted: boolean): TimelineEventView {
  const dateLabel = formatEventDate(event.date, event.datePrecision);
  return {
    id: event.id,
    date: event.date,
    dateLabel,
    precision: effectivePrecision(event.date, event.datePrecision),
    tone: event.tone,
    theme: event.theme,
    title: event.title,
    description: event.description,
    t: eventTime(event.date, event.datePrecision),
    name: `${dateLabel}: ${event.title}`,
    dimmed,
    highlighted,
    incidentId: event.incidentId ?? null,
    sources: event.sources,
  };
}

const byTime = (a: { t: number; id: string }, b: { t: number; id: string }) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The event the card should describe, and whether it came through an incident selected on the map. */
function selectedEvent(events: readonly TimelineEvent[], selection: Filters['selection'], prepared: PreparedTimeline): { event: TimelineEvent; viaIncident: boolean; linked: Set<string> } | null {
  if (!selection) return null;
  if (selection.kind === 'event') {
    const pos = prepared.posById.get(selection.id);
    const event = pos === undefined ? undefined : prepared.sorted[pos];
    return event ? { event, viaIncident: false, linked: new Set([event.id]) } : null;
  }
  if (selection.kind === 'incident') {
    const linked = events
      .filter((e) => e.incidentId === selection.id)
      .map((e) => ({ e, t: eventTime(e.date, e.datePrecision), id: e.id }))
      .sort(byTime);
    const first = linked[0];
    return first ? { event: first.e, viaIncident: true, linked: new Set(linked.map((l) => l.id)) } : null;
  }
  return null;
}

type Row = Record<string, CellValue>;

/**
 * The timeline's per-dataset index (built once, cached by dataset): the events sorted by time with
 * their views and table rows made once, where each year starts, each event's (tone, theme) cell,
 * and per (year, cell) the sources cited with their first position and their count. A change of
 * filters then slices or scans the years in range instead of converting every event again.
 */
interface PreparedTimeline {
  sorted: TimelineEvent[];
  views: TimelineEventView[];
  rows: Row[];
  years: YearOffsets;
  cells: Int16Array;
  posById: Map<string, number>;
  incidentsById: Map<string, Incident>;
  themesPresent: ThemeName[];
  precisionsPresent: DatePrecision[];
  /** Source ids by index (dataset sources first, then any unknown id the events cite). */
  sourceIds: string[];
  /** Per (year - first) * CELLS + cell: flat triples [sourceIndex, firstKey, count]. */
  buckets: (Float64Array | undefined)[];
  dimmedViews: (TimelineEventView | undefined)[];
  rowsIn: (Row | undefined)[];
  rowsOut: (Row | undefined)[];
  last: { key: string; events: TimelineEventView[]; rows: Row[] } | null;
  /** The last sources line and its inputs: a selection change keeps both (and the line's identity). */
  lastSources: { key: string; value: ShownSources } | null;
  sourcesById: Map<string, Source>;
}

const CELLS = TONES.length * THEMES.length;
const NO_IDS: ReadonlySet<string> = new Set();
const timelineCache = new WeakMap<Dataset, PreparedTimeline>();

function prepareTimeline(dataset: Dataset, allEvents: readonly TimelineEvent[]): PreparedTimeline {
  const cached = timelineCache.get(dataset);
  if (cached) return cached;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const incidentsById = new Map((dataset.incidents ?? []).map((i) => [i.id, i]));
  const sourceName = sourceNamer(dataset.sources);
  const decorated = allEvents.map((e) => ({ e, v: toView(e, false, false) }));
  decorated.sort((a, b) => byTime(a.v, b.v));
  const sorted = decorated.map((d) => d.e);
  const views = decorated.map((d) => d.v);
  const rows = views.map(
    (e, i): Row => ({
      date: e.dateLabel,
      precision: e.precision,
      tone: TONE_LABELS[e.tone],
      theme: THEME_LABELS[e.theme],
      title: e.title,
      description: e.description,
      incident: e.incidentId ? (incidentsById.get(e.incidentId)?.name ?? e.incidentId) : '—',
      reported: reportedFiguresText(sorted[i]!, e.incidentId ? incidentsById.get(e.incidentId) : undefined, sourceName),
      source: e.sources.map((id) => sourcesById.get(id)?.title ?? id).join('; '),
    }),
  );
  const years = yearOffsets(sorted.length, (i) => yearOf(sorted[i]!.date));
  const cells = Int16Array.from(sorted, (e) => categoryCell(e));
  const posById = new Map<string, number>();
  sorted.forEach((e, i) => {
    if (!posById.has(e.id)) posById.set(e.id, i);
  });
  const sourceIndex = new Map<string, number>(dataset.sources.map((s, i) => [s.id, i]));
  const sourceIds = dataset.sources.map((s) => s.id);
  let width = 1;
  for (const e of sorted) width = Math.max(width, e.sources.length);
  const lists: Map<number, { first: number; count: number }>[] = [];
  sorted.forEach((e, i) => {
    const cell = cells[i]!;
    if (cell < 0) return;
    const b = (yearOf(e.date) - years.first) * CELLS + cell;
    const list = (lists[b] ??= new Map());
    let j = 0;
    for (const id of new Set(e.sources)) {
      let si = sourceIndex.get(id);
      if (si === undefined) {
        si = sourceIds.length;
        sourceIndex.set(id, si);
        sourceIds.push(id);
      }
      const entry = list.get(si);
      if (entry) entry.count++;
      else list.set(si, { first: i * width + j, count: 1 });
      j++;
    }
  });
  const buckets = Array.from({ length: lists.length }, (_, b) => {
    const list = lists[b];
    if (!list) return undefined;
    const flat = new Float64Array(list.size * 3);
    let k = 0;
    for (const [si, { first, count }] of list) {
      flat[k++] = si;
      flat[k++] = first;
      flat[k++] = count;
    }
    return flat;
  });
  const prepared: PreparedTimeline = {
    sorted,
    views,
    rows,
    years,
    cells,
    posById,
    incidentsById,
    themesPresent: THEMES.filter((theme) => allEvents.some((e) => e.theme === theme)),
    precisionsPresent: (['day', 'month', 'year'] as const).filter((p) => allEvents.some((e) => effectivePrecision(e.date, e.datePrecision) === p)),
    sourceIds,
    buckets,
    dimmedViews: [],
    rowsIn: [],
    rowsOut: [],
    last: null,
    lastSources: null,
    sourcesById,
  };
  timelineCache.set(dataset, prepared);
  return prepared;
}

/**
 * The events drawn and their table rows, in time order: the events in the filtering range that
 * match the tone/theme filters, dimmed outside the timeline's own brush, highlighted when linked
 * to the selection. Unchanged events reuse the views made once per dataset.
 */
function shownEvents(
  p: PreparedTimeline,
  filters: Pick<Filters, 'tones' | 'themes'>,
  filteringRange: YearRange | null,
  dimmingRange: YearRange | null,
  linked: ReadonlySet<string> | null,
): { events: TimelineEventView[]; rows: Row[]; drawn: TimelineEventView[] } {
  const [lo, hi] = yearSlice(p.years, filteringRange);
  const [dlo, dhi] = dimmingRange ? yearSlice(p.years, dimmingRange) : [0, p.sorted.length];
  const categories = hasCategoryFilter(filters);
  const key = `${lo}|${hi}|${dlo}|${dhi}|${dimmingRange ? 'd' : ''}|${categories ? `${filters.tones.join(',')}/${filters.themes.join(',')}` : ''}`;
  let base = p.last && p.last.key === key ? p.last : null;
  if (!base) {
    let events: TimelineEventView[];
    let rows: Row[];
    if (!categories && !dimmingRange) {
      events = p.views.slice(lo, hi);
      rows = p.rows.slice(lo, hi);
    } else {
      const mask = categories ? cellMask(filters) : null;
      events = [];
      rows = [];
      for (let i = lo; i < hi; i++) {
        if (mask && (p.cells[i]! < 0 || !mask[p.cells[i]!])) continue;
        if (!dimmingRange) {
          events.push(p.views[i]!);
          rows.push(p.rows[i]!);
        } else if (i >= dlo && i < dhi) {
          events.push(p.views[i]!);
          rows.push((p.rowsIn[i] ??= { ...p.rows[i]!, inRange: 'yes' }));
        } else {
          events.push((p.dimmedViews[i] ??= { ...p.views[i]!, dimmed: true }));
          rows.push((p.rowsOut[i] ??= { ...p.rows[i]!, inRange: 'no' }));
        }
      }
    }
    base = { key, events, rows };
    p.last = base;
  }
  if (!linked || linked.size === 0) return { events: base.events, rows: base.rows, drawn: base.events };
  const events = base.events.slice();
  for (const id of linked) {
    const at = indexOfView(events, id, p);
    if (at >= 0) events[at] = { ...events[at]!, highlighted: true };
  }
  return { events, rows: base.rows, drawn: base.events };
}

/** Binary search of a time-ordered list of views for the view of event `id`; -1 when absent. */
function indexOfView(events: readonly TimelineEventView[], id: string, p: PreparedTimeline): number {
  const pos = p.posById.get(id);
  if (pos === undefined) return -1;
  const target = p.views[pos]!;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byTime(events[mid]!, target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < events.length && events[lo]!.id === id ? lo : -1;
}

function findView(events: readonly TimelineEventView[], id: string, p: PreparedTimeline): TimelineEventView | undefined {
  const at = indexOfView(events, id, p);
  return at >= 0 ? events[at] : undefined;
}

/**
 * The source ids of the events shown (in order of first citation, as the events list them) and
 * the sources line (most-cited first), from the per-(year, cell) source lists.
 */
interface ShownSources {
  sourceIds: string[];
  sourcesLine: string[];
  /** "publisher, title" of sourceIds, in dataset order (for exports). */
  sources: string[];
}

function shownSources(p: PreparedTimeline, sources: readonly Source[], filters: Pick<Filters, 'tones' | 'themes'>, filteringRange: YearRange | null): ShownSources {
  const key = `${filteringRange ? `${filteringRange.from}-${filteringRange.to}` : ''}|${filters.tones.join(',')}/${filters.themes.join(',')}`;
  if (p.lastSources?.key === key) return p.lastSources.value;
  const computed = computeShownSources(p, sources, filters, filteringRange);
  const value = { ...computed, sources: sourceTitles(sources, computed.sourceIds) };
  p.lastSources = { key, value };
  return value;
}

function computeShownSources(p: PreparedTimeline, sources: readonly Source[], filters: Pick<Filters, 'tones' | 'themes'>, filteringRange: YearRange | null): { sourceIds: string[]; sourcesLine: string[] } {
  const n = p.sourceIds.length;
  const first = new Float64Array(n).fill(Infinity);
  const counts = new Float64Array(n);
  const cells = hasCategoryFilter(filters) ? matchingCells(filters) : null;
  const from = filteringRange ? Math.max(filteringRange.from, p.years.first) : p.years.first;
  const to = filteringRange ? Math.min(filteringRange.to, p.years.last) : p.years.last;
  for (let y = from; y <= to; y++) {
    const base = (y - p.years.first) * CELLS;
    for (let c = 0; c < CELLS; c++) {
      if (cells && !cells.includes(c)) continue;
      const flat = p.buckets[base + c];
      if (!flat) continue;
      for (let k = 0; k < flat.length; k += 3) {
        const si = flat[k]!;
        if (flat[k + 1]! < first[si]!) first[si] = flat[k + 1]!;
        counts[si]! += flat[k + 2]!;
      }
    }
  }
  const cited: number[] = [];
  for (let si = 0; si < n; si++) if (counts[si]! > 0) cited.push(si);
  const sourceIds = cited
    .slice()
    .sort((a, b) => first[a]! - first[b]!)
    .map((si) => p.sourceIds[si]!);
  const sourcesLine = sources
    .map((s, i) => ({ s, i }))
    .filter(({ i }) => counts[i]! > 0)
    .sort((a, b) => counts[b.i]! - counts[a.i]! || a.i - b.i)
    .map(({ s }) => `${s.publisher}, ${s.title}`);
  return { sourceIds, sourcesLine };
}

export const TABLE_COLUMNS: TableModel['columns'] = [
  { key: 'date', header: 'Date' },
  { key: 'precision', header: 'Date known to' },
  { key: 'tone', header: 'Tone' },
  { key: 'theme', header: 'Theme' },
  { key: 'title', header: 'Event' },
  { key: 'description', header: 'Description' },
  { key: 'incident', header: 'Linked incident' },
  { key: 'reported', header: 'Killed / wounded, by source' },
  { key: 'source', header: 'Sources' },
];

/**
 * "Killed: 24 (CNN; …) · 28 (Xinhua; …). Wounded: 12 (…) · 13 (…)": each source's value for the
 * event (or its linked incident), or the incident's range where the dataset keeps no per-source values.
 */
export function reportedFiguresText(event: Pick<TimelineEvent, 'figures'>, incident: Incident | undefined, sourceName: (id: string) => string): string {
  const parts: string[] = [];
  const fields = [
    ['killed', 'Killed', incident?.killedMin ?? null, incident?.killedMax ?? null],
    ['wounded', 'Wounded', incident?.woundedMin ?? null, incident?.woundedMax ?? null],
    ['civiliansKilled', 'Civilians killed', null, null],
  ] as const;
  for (const [field, label, min, max] of fields) {
    const values = reportedValues(event.figures, field, sourceName) ?? reportedValues(incident?.figures, field, sourceName);
    if (values) parts.push(`${label}: ${reportedValuesText(values)}`);
    else if (incident && field !== 'civiliansKilled' && (min !== null || max !== null)) parts.push(`${label}: ${formatCountRange(min, max)}`);
  }
  return parts.join('. ');
}

/** The whole view model of the timeline panel. */
export function selectTimeline(dataset: Dataset, filters: TimelineFilters): TimelineView {
  const filteringRange = yearRangeFilteringPanel(filters as Filters, 'timeline');
  const dimmingRange = yearRangeDimmingPanel(filters as Filters, 'timeline');
  const hasOwnFilter = filters.tones.length > 0 || filters.themes.length > 0 || dimmingRange !== null;
  const allEvents = dataset.events;

  const emptyTable: TableModel = { caption: 'Timeline events shown under the current filters', columns: TABLE_COLUMNS, rows: [], measure: 'Events (date, tone, theme); no quantities' };
  if (!allEvents) {
    return {
      axis: null,
      events: [],
      drawnEvents: [],
      highlightedIds: NO_IDS,
      themesPresent: [],
      precisionsPresent: [],
      filteringRange,
      dimmingRange,
      detail: null,
      hasOwnFilter,
      toneFilter: filters.tones,
      themeFilter: filters.themes,
      table: emptyTable,
      sourceIds: [],
      sources: [],
      sourcesLine: [],
      emptyMessage: 'This dataset has no events table, so there is no timeline to draw.',
    };
  }

  const prepared = prepareTimeline(dataset, allEvents);
  const picked = selectedEvent(allEvents, filters.selection, prepared);
  const { events, rows, drawn } = shownEvents(prepared, filters, filteringRange, dimmingRange, picked?.linked ?? null);
  const { themesPresent, precisionsPresent } = prepared;

  const { incidentsById, sourcesById } = prepared;
  let detail: EventDetail | null = null;
  if (picked) {
    const shownView = findView(events, picked.event.id, prepared);
    const view = shownView ?? toView(picked.event, false, true);
    const eventSources = picked.event.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => s !== undefined);
    const incident = picked.event.incidentId ? incidentsById.get(picked.event.incidentId) : undefined;
    detail = {
      event: view,
      toneLabel: TONE_LABELS[view.tone],
      themeLabel: THEME_LABELS[view.theme],
      precisionLabel: PRECISION_LABELS[view.precision],
      singleSource: picked.event.singleSource ? `Single source: claim made only by ${eventSources.map((s) => s.publisher).join('; ') || 'one source'}` : null,
      incident: incident ? incidentDetail(incident, sourceNamer(dataset.sources)) : null,
      sources: eventSources.map(sourceDetail),
      hiddenByFilters: shownView === undefined,
      viaIncident: picked.viaIncident,
    };
  }

  const shown = shownSources(prepared, dataset.sources, filters, filteringRange);
  const { sourceIds, sourcesLine } = shown;
  const table: TableModel = {
    ...emptyTable,
    caption: dimmingRange ? `Timeline events; brushed range ${rangeLabel(dimmingRange)} marked` : emptyTable.caption,
    columns: dimmingRange ? [...TABLE_COLUMNS, { key: 'inRange', header: `In ${rangeLabel(dimmingRange)}` }] : TABLE_COLUMNS,
    rows,
  };

  let emptyMessage: string | null = null;
  if (allEvents.length === 0) emptyMessage = 'The events table is empty.';
  else if (events.length === 0) {
    const parts: string[] = [];
    if (filteringRange) parts.push(`in ${rangeLabel(filteringRange)}`);
    if (filters.tones.length > 0) parts.push(`with tone ${filters.tones.map((t) => TONE_LABELS[t]).join(' or ')}`);
    if (filters.themes.length > 0) parts.push(`with theme ${filters.themes.map((t) => THEME_LABELS[t]).join(' or ')}`);
    emptyMessage = `No events ${parts.join(' ')}.`;
  }

  return {
    axis: dataset.coverage,
    events,
    drawnEvents: drawn,
    highlightedIds: picked?.linked ?? NO_IDS,
    themesPresent,
    precisionsPresent,
    filteringRange,
    dimmingRange,
    detail,
    hasOwnFilter,
    toneFilter: filters.tones,
    themeFilter: filters.themes,
    table,
    sourceIds,
    sources: shown.sources,
    sourcesLine,
    emptyMessage,
  };
}

/**
 * The sources line under the timeline: every source of the events shown, those cited by the most
 * events first (ties in dataset order). PanelFrame folds a long list behind a disclosure, so the
 * first few named are the ones that matter most on screen.
 */
export function sourcesByCitation(sources: readonly Source[], events: readonly Pick<TimelineEventView, 'sources'>[]): string[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const id of new Set(e.sources)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const order = new Map(sources.map((s, i) => [s.id, i]));
  return sources
    .filter((s) => counts.has(s.id))
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((s) => `${s.publisher}, ${s.title}`);
}

/** Events grouped by lane (cooperation, context, friction), each lane in time order. */
export function eventsByLane(events: readonly TimelineEventView[]): Record<ToneName, TimelineEventView[]> {
  const lanes = Object.fromEntries(TONES.map((t) => [t, [] as TimelineEventView[]])) as Record<ToneName, TimelineEventView[]>;
  for (const e of events) lanes[e.tone].push(e);
  return lanes;
}

export interface PackItem {
  id: string;
  t: number;
  /** Half the marker's width, in years at the current zoom. */
  halfWidth: number;
}

/**
 * Deterministic greedy interval packing: items in time order (ties by id) go into the first row
 * whose last marker they do not overlap by more than `overlap` (a fraction of their width), so
 * markers close in time stack instead of hiding one another. Same input, same rows.
 */
export function packLane(items: readonly PackItem[], overlap = 0.35): { rows: Map<string, number>; rowCount: number } {
  const sorted = [...items].sort(byTime);
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  for (const item of sorted) {
    const start = item.t - item.halfWidth * (1 - overlap);
    let row = rowEnds.findIndex((end) => start >= end);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = item.t + item.halfWidth * (1 - overlap);
    rows.set(item.id, row);
  }
  return { rows, rowCount: Math.max(1, rowEnds.length) };
}
