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
import { dateInRange, matchesCategories, sourceTitles, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import type { TableModel } from '../../crossfilter/tableModel';
import { THEME_LABELS, TONE_LABELS } from '../../theme/palette';

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

/** "24–28", "13", "at least 4", "up to 9" or "unknown": null is unknown, never 0. */
export function formatCountRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'unknown';
  if (min !== null && max !== null) return min === max ? `${min}` : `${min}–${max}`;
  if (min !== null) return `at least ${min}`;
  return `up to ${max}`;
}

const COORD_PRECISION_LABELS: Record<Incident['precision'], string> = {
  exact: 'exact location',
  village: 'village-level location',
  'district-centroid': 'approximate: district centroid',
  approximate: 'approximate location',
};

export function incidentDetail(incident: Incident): IncidentDetail {
  return {
    id: incident.id,
    name: incident.name,
    place: incident.place,
    district: incident.district,
    killed: formatCountRange(incident.killedMin, incident.killedMax),
    wounded: formatCountRange(incident.woundedMin, incident.woundedMax),
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
function selectedEvent(events: readonly TimelineEvent[], selection: Filters['selection']): { event: TimelineEvent; viaIncident: boolean; linked: Set<string> } | null {
  if (!selection) return null;
  if (selection.kind === 'event') {
    const event = events.find((e) => e.id === selection.id);
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

export const TABLE_COLUMNS: TableModel['columns'] = [
  { key: 'date', header: 'Date' },
  { key: 'precision', header: 'Date known to' },
  { key: 'tone', header: 'Tone' },
  { key: 'theme', header: 'Theme' },
  { key: 'title', header: 'Event' },
  { key: 'description', header: 'Description' },
  { key: 'incident', header: 'Linked incident' },
  { key: 'source', header: 'Sources' },
];

/** The whole view model of the timeline panel. */
export function selectTimeline(dataset: Dataset, filters: TimelineFilters): TimelineView {
  const filteringRange = yearRangeFilteringPanel(filters as Filters, 'timeline');
  const dimmingRange = yearRangeDimmingPanel(filters as Filters, 'timeline');
  const hasOwnFilter = filters.tones.length > 0 || filters.themes.length > 0 || dimmingRange !== null;
  const allEvents = dataset.events;
  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));

  const emptyTable: TableModel = { caption: 'Timeline events shown under the current filters', columns: TABLE_COLUMNS, rows: [], measure: 'Events (date, tone, theme); no quantities' };
  if (!allEvents) {
    return {
      axis: null,
      events: [],
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

  const picked = selectedEvent(allEvents, filters.selection);
  const shown = allEvents.filter((e) => matchesCategories(e, filters) && dateInRange(e.date, filteringRange));
  const events = shown.map((e) => toView(e, !dateInRange(e.date, dimmingRange), picked?.linked.has(e.id) ?? false)).sort(byTime);

  const themesPresent = THEMES.filter((theme) => allEvents.some((e) => e.theme === theme));
  const precisionsPresent = (['day', 'month', 'year'] as const).filter((p) => allEvents.some((e) => effectivePrecision(e.date, e.datePrecision) === p));

  const incidentsById = new Map((dataset.incidents ?? []).map((i) => [i.id, i]));
  let detail: EventDetail | null = null;
  if (picked) {
    const shownView = events.find((e) => e.id === picked.event.id);
    const view = shownView ?? toView(picked.event, false, true);
    const eventSources = picked.event.sources.map((id) => sourcesById.get(id)).filter((s): s is Source => s !== undefined);
    const incident = picked.event.incidentId ? incidentsById.get(picked.event.incidentId) : undefined;
    detail = {
      event: view,
      toneLabel: TONE_LABELS[view.tone],
      themeLabel: THEME_LABELS[view.theme],
      precisionLabel: PRECISION_LABELS[view.precision],
      singleSource: picked.event.singleSource ? `Single source: claim made only by ${eventSources.map((s) => s.publisher).join('; ') || 'one source'}` : null,
      incident: incident ? incidentDetail(incident) : null,
      sources: eventSources.map(sourceDetail),
      hiddenByFilters: shownView === undefined,
      viaIncident: picked.viaIncident,
    };
  }

  const sourceIds = [...new Set(events.flatMap((e) => e.sources))];
  const rows = events.map((e) => ({
    date: e.dateLabel,
    precision: e.precision,
    tone: TONE_LABELS[e.tone],
    theme: THEME_LABELS[e.theme],
    title: e.title,
    description: e.description,
    incident: e.incidentId ? (incidentsById.get(e.incidentId)?.name ?? e.incidentId) : '—',
    source: e.sources.map((id) => sourcesById.get(id)?.title ?? id).join('; '),
    ...(dimmingRange ? { inRange: e.dimmed ? 'no' : 'yes' } : {}),
  }));
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
    sources: sourceTitles(dataset.sources, sourceIds),
    sourcesLine: sourcesByCitation(dataset.sources, events),
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
