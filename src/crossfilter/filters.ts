/**
 * The shared filter state: everything that decides what the panels show. It is plain data so
 * that the URL codec, the seminar deck and the tests can hold it without React.
 */
import type { AidCategory, AidMeasure, ThemeName, ToneName } from '../data/schema';
import type { DollarBasis } from './constantDollars';

/** A panel's id. The panels themselves are listed once, in src/panels/registry.ts. */
export type PanelId = string;

/** Which control set the year range: the filter bar or a panel that brushes years (see the registry). */
export type YearRangeOrigin = 'filter-bar' | PanelId;

export interface YearRange {
  from: number;
  to: number;
}

export interface MapLayers {
  incidents: boolean;
  strikes: boolean;
  operations: boolean;
}

export type SelectionKind = 'event' | 'incident' | 'strike';
export interface Selection {
  kind: SelectionKind;
  id: string;
}

export interface Filters {
  /** Null means every year. A single clicked year is a range with from === to. */
  yearRange: YearRange | null;
  /** Which control set the year range: a panel is not filtered by its own brush. */
  yearRangeOrigin: YearRangeOrigin;
  /** Empty means every tone / theme. */
  tones: ToneName[];
  themes: ThemeName[];
  aidMeasure: AidMeasure;
  aidView: 'category' | 'programme';
  /** Aid figures as printed (current US$) or deflated to constant 2024 US$ (the aid panel, its slide and the lens). */
  aidDollars: DollarBasis;
  /** The aid panel's "Compare measures" view: every measure side by side per fiscal year. */
  aidCompare: boolean;
  /** Empty means every aid category. */
  aidCategories: AidCategory[];
  /** The strike tracker shown (a source id of a strikeYears series). Null = the first available. */
  droneSeries: string | null;
  droneCompare: boolean;
  mapLayers: MapLayers;
  selection: Selection | null;
}

export const DEFAULT_FILTERS: Filters = {
  yearRange: null,
  yearRangeOrigin: 'filter-bar',
  tones: [],
  themes: [],
  aidMeasure: 'crs-appropriations',
  aidView: 'category',
  aidDollars: 'current',
  aidCompare: false,
  aidCategories: [],
  droneSeries: null,
  droneCompare: false,
  mapLayers: { incidents: true, strikes: true, operations: true },
  selection: null,
};
