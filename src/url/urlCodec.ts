/**
 * The one typed codec between the URL query string and the filter state. Every parameter is
 * parsed here; anything unknown, malformed or out of range is dropped (or clamped) and
 * reported, so a mangled or truncated link still opens a working dashboard.
 */
import { AID_CATEGORIES, AID_MEASURES, MAX_YEAR, MIN_YEAR, THEMES, TONES } from '../data/schema';
import { DOLLAR_BASES } from '../crossfilter/constantDollars';
import { DEFAULT_FILTERS, type Filters, type MapLayers, type SelectionKind, type YearRangeOrigin } from '../crossfilter/filters';
import { YEAR_BRUSH_PANEL_IDS } from '../panels/registry';

export interface YearBounds {
  min: number;
  max: number;
}

export interface DecodedUrlState {
  filters: Filters;
  /** Human-readable notes on every parameter that was ignored or corrected. */
  ignored: string[];
}

/** Parameters owned by other features (the dataset loader); the codec leaves them alone. */
export const PASSTHROUGH_KEYS = ['data'] as const;

const ORIGINS: readonly YearRangeOrigin[] = ['filter-bar', ...YEAR_BRUSH_PANEL_IDS];
const LAYER_NAMES: readonly (keyof MapLayers)[] = ['incidents', 'strikes', 'operations'];
const SELECTION_KINDS: readonly SelectionKind[] = ['event', 'incident', 'strike'];
const ID_PATTERN = /^[\w.:-]{1,120}$/;
/** Longer values are never legitimate and are not echoed back in full. */
const MAX_PARAM_LENGTH = 500;

const KNOWN_KEYS = ['from', 'to', 'by', 'tone', 'theme', 'measure', 'aidview', 'aidcat', 'dollars', 'aidcompare', 'series', 'compare', 'layers', 'sel', ...PASSTHROUGH_KEYS];

const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);

function parseYear(raw: string | null, key: string, bounds: YearBounds, ignored: string[]): number | null {
  if (raw === null) return null;
  if (!/^\d{1,4}$/.test(raw.trim())) {
    ignored.push(`${key}=${shown(raw)} is not a year`);
    return null;
  }
  const year = Number(raw.trim());
  if (year < bounds.min || year > bounds.max) {
    const clamped = Math.min(bounds.max, Math.max(bounds.min, year));
    ignored.push(`${key}=${year} is outside ${bounds.min}–${bounds.max}; using ${clamped}`);
    return clamped;
  }
  return year;
}

function parseList<T extends string>(raw: string | null, key: string, allowed: readonly T[], ignored: string[]): T[] {
  if (raw === null || raw === '') return [];
  const out: T[] = [];
  for (const part of raw.split(',')) {
    if ((allowed as readonly string[]).includes(part)) {
      if (!out.includes(part as T)) out.push(part as T);
    } else ignored.push(`${key}: unknown value ${shown(part)}`);
  }
  return out;
}

function parseOne<T extends string>(raw: string | null, key: string, allowed: readonly T[], ignored: string[]): T | null {
  if (raw === null) return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  ignored.push(`${key}: unknown value ${shown(raw)}`);
  return null;
}

export function decodeUrlState(search: string, bounds: YearBounds = { min: MIN_YEAR, max: MAX_YEAR }): DecodedUrlState {
  const ignored: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { filters: DEFAULT_FILTERS, ignored: ['the address could not be read'] };
  }
  const get = (key: string): string | null => {
    const all = params.getAll(key);
    if (all.length === 0) return null;
    if (all.length > 1) ignored.push(`${key} was given ${all.length} times; using the first`);
    const value = all[0]!;
    if (value.length > MAX_PARAM_LENGTH) {
      ignored.push(`${key} is too long (${value.length} characters)`);
      return null;
    }
    return value;
  };

  for (const key of new Set(params.keys())) {
    if (!KNOWN_KEYS.includes(key)) ignored.push(`unknown parameter ${shown(key)}`);
  }

  const filters: Filters = { ...DEFAULT_FILTERS, mapLayers: { ...DEFAULT_FILTERS.mapLayers } };

  let from = parseYear(get('from'), 'from', bounds, ignored);
  let to = parseYear(get('to'), 'to', bounds, ignored);
  if (from !== null && to !== null && from > to) {
    ignored.push(`from=${from} is after to=${to}; swapped them`);
    [from, to] = [to, from];
  }
  if (from !== null || to !== null) {
    filters.yearRange = { from: from ?? bounds.min, to: to ?? bounds.max };
    filters.yearRangeOrigin = parseOne(get('by'), 'by', ORIGINS, ignored) ?? 'filter-bar';
  } else if (params.has('by')) {
    ignored.push('by has no year range to apply to');
  }

  filters.tones = parseList(get('tone'), 'tone', TONES, ignored);
  filters.themes = parseList(get('theme'), 'theme', THEMES, ignored);
  filters.aidMeasure = parseOne(get('measure'), 'measure', AID_MEASURES, ignored) ?? DEFAULT_FILTERS.aidMeasure;
  filters.aidView = parseOne(get('aidview'), 'aidview', ['category', 'programme'] as const, ignored) ?? DEFAULT_FILTERS.aidView;
  filters.aidCategories = parseList(get('aidcat'), 'aidcat', AID_CATEGORIES, ignored);
  filters.aidDollars = parseOne(get('dollars'), 'dollars', DOLLAR_BASES, ignored) ?? DEFAULT_FILTERS.aidDollars;
  const aidCompare = get('aidcompare');
  if (aidCompare !== null) {
    if (aidCompare === '1' || aidCompare === '0') filters.aidCompare = aidCompare === '1';
    else ignored.push(`aidcompare must be 1 or 0, not ${shown(aidCompare)}`);
  }

  const series = get('series');
  if (series !== null) {
    if (ID_PATTERN.test(series)) filters.droneSeries = series;
    else ignored.push(`series: not a valid source id ${shown(series)}`);
  }
  const compare = get('compare');
  if (compare !== null) {
    if (compare === '1' || compare === '0') filters.droneCompare = compare === '1';
    else ignored.push(`compare must be 1 or 0, not ${shown(compare)}`);
  }

  const layers = get('layers');
  if (layers !== null) {
    const visible = parseList(layers === 'none' ? '' : layers, 'layers', LAYER_NAMES, ignored);
    filters.mapLayers = { incidents: visible.includes('incidents'), strikes: visible.includes('strikes'), operations: visible.includes('operations') };
  }

  const sel = get('sel');
  if (sel !== null) {
    const colon = sel.indexOf(':');
    const kind = colon > 0 ? sel.slice(0, colon) : '';
    const id = colon > 0 ? sel.slice(colon + 1) : '';
    if ((SELECTION_KINDS as readonly string[]).includes(kind) && ID_PATTERN.test(id)) filters.selection = { kind: kind as SelectionKind, id };
    else ignored.push(`sel: not a valid selection ${shown(sel)}`);
  }

  return { filters, ignored };
}

/** Writes only what differs from the defaults, in a fixed key order, so links stay short and stable. */
export function encodeUrlState(filters: Filters, passthrough: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams();
  for (const key of PASSTHROUGH_KEYS) {
    const value = passthrough.get(key);
    if (value !== null) params.set(key, value);
  }
  if (filters.yearRange) {
    params.set('from', String(filters.yearRange.from));
    params.set('to', String(filters.yearRange.to));
    if (filters.yearRangeOrigin !== 'filter-bar') params.set('by', filters.yearRangeOrigin);
  }
  if (filters.tones.length) params.set('tone', filters.tones.join(','));
  if (filters.themes.length) params.set('theme', filters.themes.join(','));
  if (filters.aidMeasure !== DEFAULT_FILTERS.aidMeasure) params.set('measure', filters.aidMeasure);
  if (filters.aidView !== DEFAULT_FILTERS.aidView) params.set('aidview', filters.aidView);
  if (filters.aidCategories.length) params.set('aidcat', filters.aidCategories.join(','));
  if (filters.aidDollars !== DEFAULT_FILTERS.aidDollars) params.set('dollars', filters.aidDollars);
  if (filters.aidCompare) params.set('aidcompare', '1');
  if (filters.droneSeries !== null) params.set('series', filters.droneSeries);
  if (filters.droneCompare) params.set('compare', '1');
  const visible = LAYER_NAMES.filter((l) => filters.mapLayers[l]);
  if (visible.length !== LAYER_NAMES.length) params.set('layers', visible.length ? visible.join(',') : 'none');
  if (filters.selection) params.set('sel', `${filters.selection.kind}:${filters.selection.id}`);
  const text = params.toString();
  return text ? `?${text}` : '';
}
