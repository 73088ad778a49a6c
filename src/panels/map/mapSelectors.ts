/**
 * The map panel's view model, as pure functions of (dataset, filters). All of the map's
 * cross-filter logic lives here:
 * - the year range filters every layer, unless the map set it (it never does: the map has no brush);
 *   an item spanning years (a military operation) counts when its span overlaps the range;
 * - tone/theme filters narrow the located events (incidents and operations), not the strikes,
 *   which carry no tone or theme;
 * - layer toggles (`filters.mapLayers`) are the map's own filter: the panel's Reset restores them;
 * - a selected incident, a selected timeline event that names an incident, or a selected strike
 *   is highlighted.
 */
import type { Dataset, Incident, IncidentType, Strike } from '../../data/schema';
import { yearOf } from '../../data/schema';
import type { Filters, MapLayers, Selection, YearRange } from '../../crossfilter/filters';
import { hasCategoryFilter, matchesCategories, sourceTitles, spanOverlapsRange, yearInRange, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import { countInYears, strikeDrawOrder, yearOffsets, yearSlice, type YearOffsets } from '../../crossfilter/datasetIndex';
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import { countText, formatCountRange, sourceNamer } from '../../data/figures';

export { formatCountRange };

export type MapLayerId = keyof MapLayers;
type CoordPrecision = Incident['precision'];

export const MAP_LAYER_ORDER: readonly MapLayerId[] = ['incidents', 'strikes', 'operations'];

/** The layer checkboxes' labels: part of the panel's accessible UI. */
export const MAP_LAYER_LABELS: Record<MapLayerId, string> = {
  incidents: 'Incidents',
  strikes: 'Drone strikes',
  operations: 'Military operations',
};

export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  'border-incident': 'Border incident',
  raid: 'Raid',
  incident: 'Incident',
  base: 'Base',
  crossing: 'Border crossing',
  'military-operation': 'Military operation',
  'drone-strike': 'Notable drone strike',
};

/** Anything but a surveyed point or a village geocode is drawn (and described) as approximate. */
export function isApproximate(precision: CoordPrecision): boolean {
  return precision !== 'exact' && precision !== 'village';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2011-11-26" → "26 Nov 2011", "2011-11" → "Nov 2011", "2011" → "2011". */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? date;
}

export function formatDateSpan(start: string, end: string | null): string {
  if (!end || end === start) return formatPartialDate(start);
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

export function precisionNote(precision: CoordPrecision, place: string, district: string): string | null {
  if (!isApproximate(precision)) return null;
  if (precision === 'district-centroid') return `Approximate location: district centroid of ${district || place || 'an unnamed district'}`;
  const where = [place, district].filter(Boolean).join(', ');
  return where ? `Approximate location: ${where}` : 'Approximate location';
}

/** An incident or military operation as the map draws it. */
export interface LocatedMarker {
  id: string;
  layer: 'incidents' | 'operations';
  type: IncidentType;
  typeLabel: string;
  name: string;
  dateLabel: string;
  dateStart: string;
  dateEnd: string | null;
  yearStart: number;
  yearEnd: number;
  place: string;
  district: string;
  lat: number;
  lon: number;
  precision: CoordPrecision;
  approximate: boolean;
  precisionNote: string | null;
  killed: string;
  wounded: string;
  description: string;
  discrepancies: string | null;
  singleSource: boolean;
  tone: Incident['tone'];
  theme: Incident['theme'];
  sourceIds: string[];
  /** Titles of this item's sources, for the popup and the table. */
  sourceTitles: string[];
  /** The marker's accessible name, e.g. "Salala attack, 26 Nov 2011". */
  accessibleName: string;
}

/** A drone strike with coordinates, as the map draws it. */
export interface StrikePoint {
  id: string;
  name: string;
  date: string;
  dateLabel: string;
  year: number;
  place: string;
  agency: string;
  lat: number;
  lon: number;
  precision: CoordPrecision;
  approximate: boolean;
  precisionNote: string | null;
  killedMax: number | null;
  killed: string;
  civilians: string;
  injured: string;
  status: Strike['status'];
  /** Circle radius in px: grows with the highest reported death toll; unknown tolls draw small. */
  radius: number;
  sourceIds: string[];
  sourceTitles: string[];
}

/** Radius grows with the square root of deaths, so area reads as count; capped for legibility. */
export function strikeRadius(killedMax: number | null): number {
  if (killedMax === null) return 3.5;
  return Math.min(14, 3.5 + 1.1 * Math.sqrt(killedMax));
}

function titlesById(dataset: Dataset): Map<string, string> {
  return new Map(dataset.sources.map((s) => [s.id, s.title]));
}

function toLocated(incident: Incident, titles: Map<string, string>, sourceName: (id: string) => string): LocatedMarker {
  const approximate = isApproximate(incident.precision);
  const dateLabel = formatDateSpan(incident.dateStart, incident.dateEnd);
  const yearStart = yearOf(incident.dateStart);
  const yearEnd = incident.dateEnd ? Math.max(yearStart, yearOf(incident.dateEnd)) : yearStart;
  return {
    id: incident.id,
    layer: incident.type === 'military-operation' ? 'operations' : 'incidents',
    type: incident.type,
    typeLabel: INCIDENT_TYPE_LABELS[incident.type],
    name: incident.name,
    dateLabel,
    dateStart: incident.dateStart,
    dateEnd: incident.dateEnd,
    yearStart,
    yearEnd,
    place: incident.place,
    district: incident.district,
    lat: incident.lat,
    lon: incident.lon,
    precision: incident.precision,
    approximate,
    precisionNote: precisionNote(incident.precision, incident.place, incident.district),
    // Where the sources disagree, who reports what: "24 (CNN; …) · 28 (Xinhua; …)".
    killed: countText(incident.figures, 'killed', incident.killedMin, incident.killedMax, sourceName),
    wounded: countText(incident.figures, 'wounded', incident.woundedMin, incident.woundedMax, sourceName),
    description: incident.description,
    discrepancies: incident.discrepancies ?? null,
    singleSource: incident.singleSource ?? false,
    tone: incident.tone,
    theme: incident.theme,
    sourceIds: incident.sources,
    sourceTitles: incident.sources.map((id) => titles.get(id) ?? id),
    accessibleName: `${incident.name}, ${dateLabel}${approximate ? ' (approximate location)' : ''}`,
  };
}

function toStrikePoint(strike: Strike & { lat: number; lon: number }, titles: Map<string, string>): StrikePoint {
  const approximate = isApproximate(strike.precision);
  return {
    id: strike.id,
    name: strike.tbijId ? `Drone strike (TBIJ ${strike.tbijId})` : 'Drone strike',
    date: strike.date,
    dateLabel: formatPartialDate(strike.date),
    year: yearOf(strike.date),
    place: strike.place,
    agency: strike.agency,
    lat: strike.lat,
    lon: strike.lon,
    precision: strike.precision,
    approximate,
    precisionNote: precisionNote(strike.precision, strike.place, strike.agency),
    killedMax: strike.killedMax,
    killed: formatCountRange(strike.killedMin, strike.killedMax),
    civilians: formatCountRange(strike.civiliansMin, strike.civiliansMax),
    injured: formatCountRange(strike.injuredMin, strike.injuredMax),
    status: strike.status,
    radius: strikeRadius(strike.killedMax),
    sourceIds: strike.sources,
    sourceTitles: strike.sources.map((id) => titles.get(id) ?? id),
  };
}

const hasCoordinates = (s: Strike): s is Strike & { lat: number; lon: number } => s.lat !== null && s.lon !== null;

/**
 * The drawable items of a dataset, converted once per dataset. Keeping the objects stable
 * across filter changes lets the memoised marker components skip re-rendering.
 */
interface Prepared {
  located: LocatedMarker[];
  strikes: StrikePoint[];
  strikesWithoutCoordinates: Strike[];
  /** `strikes` is sorted by date, so the strikes of a year range are one slice of it. */
  strikeYears: YearOffsets;
  /** The table row of each strike, in `strikes` order (built once, sliced per change). */
  strikeRows: Record<string, CellValue>[];
  /** The source ids of each year's strikes, for the sources line. */
  strikeSourcesByYear: Map<number, string[]>;
  /** The last slice handed out: the same range returns the same arrays, so memoised layers skip re-rendering. */
  lastSlice: { lo: number; hi: number; strikes: StrikePoint[]; rows: Record<string, CellValue>[] } | null;
}
const preparedCache = new WeakMap<Dataset, Prepared>();

/** Rows converted between two yield points of `prepareSteps` (a few milliseconds' work). */
const CHUNK = 4000;

/**
 * The conversion, as steps: `prepare` runs them at once; `prepareMapData` gives the thread back
 * between them, so a 100,000-strike dataset is converted before it reaches the screen without a
 * long task (the first render then finds it cached). The strikes' order (by date, then id) comes
 * from the index, which the parse worker builds (crossfilter/datasetIndex.ts).
 */
function* prepareSteps(dataset: Dataset): Generator<void, Prepared> {
  const titles = titlesById(dataset);
  const sourceName = sourceNamer(dataset.sources);
  const byDate = <T extends { dateSort: string; id: string }>(a: T, b: T) => (a.dateSort < b.dateSort ? -1 : a.dateSort > b.dateSort ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const located = (dataset.incidents ?? [])
    .map((i) => ({ dateSort: i.dateStart, id: i.id, item: toLocated(i, titles, sourceName) }))
    .sort(byDate)
    .map((x) => x.item);
  const all = dataset.strikes ?? [];
  const order = strikeDrawOrder(all);
  yield;
  const strikes: StrikePoint[] = [];
  const strikeRows: Record<string, CellValue>[] = [];
  const strikeSourcesByYear = new Map<number, Set<string>>();
  for (let from = 0; from < order.length; from += CHUNK) {
    const to = Math.min(order.length, from + CHUNK);
    for (let k = from; k < to; k++) {
      const s = toStrikePoint(all[order[k]!] as Strike & { lat: number; lon: number }, titles);
      strikes.push(s);
      strikeRows.push(strikeTableRow(s));
      let set = strikeSourcesByYear.get(s.year);
      if (!set) strikeSourcesByYear.set(s.year, (set = new Set()));
      for (const id of s.sourceIds) set.add(id);
    }
    yield;
  }
  const strikesWithoutCoordinates = order.length === all.length ? [] : all.filter((s) => !hasCoordinates(s));
  return {
    located,
    strikes,
    strikesWithoutCoordinates,
    strikeYears: yearOffsets(strikes.length, (i) => strikes[i]!.year),
    strikeRows,
    strikeSourcesByYear: new Map([...strikeSourcesByYear].map(([y, set]) => [y, [...set]])),
    lastSlice: null,
  };
}

function prepare(dataset: Dataset): Prepared {
  const cached = preparedCache.get(dataset);
  if (cached) return cached;
  const steps = prepareSteps(dataset);
  let step = steps.next();
  while (!step.done) step = steps.next();
  preparedCache.set(dataset, step.value);
  return step.value;
}

/**
 * Converts the dataset's map items ahead of its first render, in slices of about `sliceMs` with a
 * task boundary between them (`yieldTask`), so a large dataset never holds the page in one task.
 */
export async function prepareMapData(dataset: Dataset, yieldTask: () => Promise<void>, sliceMs = 25): Promise<void> {
  if (preparedCache.has(dataset)) return;
  const steps = prepareSteps(dataset);
  let start = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - start > sliceMs) {
      await yieldTask();
      start = performance.now();
    }
    step = steps.next();
  }
  if (!preparedCache.has(dataset)) preparedCache.set(dataset, step.value);
}

/** The strikes (and their table rows) of a year range: a slice of the date-sorted arrays. */
function strikeSlice(prepared: Prepared, range: YearRange | null): { strikes: StrikePoint[]; rows: Record<string, CellValue>[] } {
  const [lo, hi] = yearSlice(prepared.strikeYears, range);
  const last = prepared.lastSlice;
  if (last && last.lo === lo && last.hi === hi) return last;
  const slice = { lo, hi, strikes: prepared.strikes.slice(lo, hi), rows: prepared.strikeRows.slice(lo, hi) };
  prepared.lastSlice = slice;
  return slice;
}

type MapFilterInput = Pick<Filters, 'yearRange' | 'yearRangeOrigin' | 'tones' | 'themes' | 'mapLayers'>;

/** Located events in the year range and matching the tone/theme filters, split by layer (layer toggles ignored). */
export function selectLocatedInFilters(dataset: Dataset, filters: Pick<Filters, 'yearRange' | 'yearRangeOrigin' | 'tones' | 'themes'>) {
  const range = yearRangeFilteringPanel(filters as Filters, 'map');
  const matching = prepare(dataset).located.filter((m) => spanOverlapsRange(m.yearStart, m.yearEnd, range) && matchesCategories(m, filters));
  return {
    incidents: matching.filter((m) => m.layer === 'incidents'),
    operations: matching.filter((m) => m.layer === 'operations'),
  };
}

/** Strikes with coordinates in the year range; strikes have no tone/theme, so only years filter them. */
export function selectStrikesInFilters(dataset: Dataset, filters: Pick<Filters, 'yearRange' | 'yearRangeOrigin'>) {
  const range = yearRangeFilteringPanel(filters as Filters, 'map');
  const prepared = prepare(dataset);
  return {
    strikes: strikeSlice(prepared, range).strikes,
    withoutCoordinates: countInYears(prepared.strikesWithoutCoordinates, range),
  };
}

/** Which incident and which strike to highlight for the current selection. */
export function selectMapHighlight(dataset: Dataset, selection: Selection | null): { incidentId: string | null; strikeId: string | null } {
  if (!selection) return { incidentId: null, strikeId: null };
  switch (selection.kind) {
    case 'incident':
      return { incidentId: selection.id, strikeId: null };
    case 'strike':
      return { incidentId: null, strikeId: selection.id };
    case 'event': {
      const event = dataset.events?.find((e) => e.id === selection.id);
      return { incidentId: event?.incidentId ?? null, strikeId: null };
    }
  }
}

/** The map holds a filter of its own when any layer is off; the panel's Reset turns them all on. */
export function mapHasOwnFilter(layers: MapLayers): boolean {
  return MAP_LAYER_ORDER.some((l) => !layers[l]);
}

export const MAP_TABLE_COLUMNS: TableModel['columns'] = [
  { key: 'layer', header: 'Layer' },
  { key: 'type', header: 'Type' },
  { key: 'name', header: 'Name' },
  { key: 'date', header: 'Date' },
  { key: 'place', header: 'Place' },
  { key: 'lat', header: 'Latitude', numeric: true },
  { key: 'lon', header: 'Longitude', numeric: true },
  { key: 'precision', header: 'Location precision' },
  { key: 'killed', header: 'Killed' },
  { key: 'wounded', header: 'Wounded / injured' },
  { key: 'source', header: 'Source' },
];


function locatedTableRow(m: LocatedMarker): Record<string, CellValue> {
  return {
    layer: MAP_LAYER_LABELS[m.layer],
    type: m.typeLabel,
    name: m.name,
    date: m.dateEnd && m.dateEnd !== m.dateStart ? `${m.dateStart} to ${m.dateEnd}` : m.dateStart,
    place: placeText(m.place, m.district),
    lat: m.lat,
    lon: m.lon,
    precision: m.precision,
    killed: m.killed,
    wounded: m.wounded,
    source: m.sourceTitles.join('; '),
  };
}

function strikeTableRow(s: StrikePoint): Record<string, CellValue> {
  return {
    layer: MAP_LAYER_LABELS.strikes,
    type: 'Drone strike',
    name: s.name,
    date: s.date,
    place: placeText(s.place, s.agency),
    lat: s.lat,
    lon: s.lon,
    precision: s.precision,
    killed: s.killed,
    wounded: s.injured,
    source: s.sourceTitles.join('; '),
  };
}

export function buildMapTable(visible: { incidents: LocatedMarker[]; operations: LocatedMarker[]; strikes: StrikePoint[] }, range: YearRange | null): TableModel {
  return mapTableModel([...visible.incidents, ...visible.operations].map(locatedTableRow), visible.strikes.map(strikeTableRow), range);
}

function mapTableModel(located: Record<string, CellValue>[], strikes: readonly Record<string, CellValue>[], range: YearRange | null): TableModel {
  return {
    caption: `Located events and drone strikes on the map, ${range ? `${range.from}–${range.to}` : 'all years'}`,
    columns: MAP_TABLE_COLUMNS,
    rows: located.concat(strikes),
    measure: 'Located events (incidents, military operations) and drone strikes; killed/wounded are people, given as min–max where sources differ',
  };
}

/** "Place, District", without repeating a district the place already names. */
export function placeText(place: string, district: string): string {
  if (!district || place.toLowerCase().includes(district.toLowerCase())) return place;
  return place ? `${place}, ${district}` : district;
}

export interface MapView {
  hasIncidentsTable: boolean;
  hasStrikesTable: boolean;
  layers: MapLayers;
  allLayersOff: boolean;
  hasOwnFilter: boolean;
  yearRange: YearRange | null;
  categoryFiltered: boolean;
  /** Only what is drawn: layers that are off hold no items. */
  incidents: LocatedMarker[];
  operations: LocatedMarker[];
  strikes: StrikePoint[];
  /** Strikes in range that have no coordinates, so are not drawn (0 when the strikes layer is off). */
  strikesWithoutCoordinates: number;
  sourceIds: string[];
  sources: string[];
  table: TableModel;
  caption: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function mapCaption(view: Pick<MapView, 'layers' | 'incidents' | 'operations' | 'strikes' | 'yearRange' | 'hasIncidentsTable' | 'hasStrikesTable' | 'strikesWithoutCoordinates' | 'categoryFiltered'>): string {
  const { layers } = view;
  const parts: string[] = [];
  // A layer whose table the dataset lacks is not counted; the panel says which table is missing.
  if (layers.incidents && view.hasIncidentsTable) parts.push(plural(view.incidents.length, 'incident', 'incidents'));
  if (layers.strikes && view.hasStrikesTable) parts.push(plural(view.strikes.length, 'drone strike', 'drone strikes'));
  if (layers.operations && view.hasIncidentsTable) parts.push(plural(view.operations.length, 'military operation', 'military operations'));
  const years = view.yearRange ? (view.yearRange.from === view.yearRange.to ? `${view.yearRange.from}` : `${view.yearRange.from}–${view.yearRange.to}`) : 'all years';
  const allOff = !layers.incidents && !layers.strikes && !layers.operations;
  let text = allOff ? 'All map layers are off.' : parts.length ? `Showing ${parts.join(', ')} (${years}).` : '';
  if (view.categoryFiltered && (layers.incidents || layers.operations)) text += ' Tone/theme filters apply to incidents and operations.';
  if (view.strikesWithoutCoordinates > 0) text += ` ${plural(view.strikesWithoutCoordinates, 'strike has', 'strikes have')} no coordinates and ${view.strikesWithoutCoordinates === 1 ? 'is' : 'are'} not drawn.`;
  return text;
}

/** Everything the panel shows, from the dataset and the filters. */
export function selectMapView(dataset: Dataset, filters: MapFilterInput): MapView {
  const layers = filters.mapLayers;
  const yearRange = yearRangeFilteringPanel(filters as Filters, 'map');
  const located = selectLocatedInFilters(dataset, filters);
  const prepared = prepare(dataset);
  const slice = strikeSlice(prepared, yearRange);
  const incidents = layers.incidents ? located.incidents : [];
  const operations = layers.operations ? located.operations : [];
  const strikes = layers.strikes ? slice.strikes : [];
  const strikesWithoutCoordinates = layers.strikes ? countInYears(prepared.strikesWithoutCoordinates, yearRange) : 0;
  const sourceIds = new Set<string>();
  for (const item of [...incidents, ...operations]) for (const id of item.sourceIds) sourceIds.add(id);
  // Strike sources come from the per-year lists: the years in range hold exactly the strikes shown.
  if (strikes.length > 0) {
    for (const [year, ids] of prepared.strikeSourcesByYear) if (yearInRange(year, yearRange)) for (const id of ids) sourceIds.add(id);
  }
  const base = {
    hasIncidentsTable: dataset.incidents !== undefined,
    hasStrikesTable: dataset.strikes !== undefined,
    layers,
    allLayersOff: !MAP_LAYER_ORDER.some((l) => layers[l]),
    hasOwnFilter: mapHasOwnFilter(layers),
    yearRange,
    categoryFiltered: hasCategoryFilter(filters),
    incidents,
    operations,
    strikes,
    strikesWithoutCoordinates,
  };
  return {
    ...base,
    sourceIds: [...sourceIds].sort(),
    sources: sourceTitles(dataset.sources, sourceIds),
    table: mapTableModel([...incidents, ...operations].map(locatedTableRow), layers.strikes ? slice.rows : [], yearRange),
    caption: mapCaption(base),
  };
}
