import type { StateCreator } from 'zustand';
import type { AidCategory, AidMeasure, ThemeName, ToneName } from '../data/schema';
import { DEFAULT_FILTERS, type Filters, type MapLayers, type PanelId, type Selection, type YearRange, type YearRangeOrigin } from '../crossfilter/filters';
import { panelMeta } from '../panels/registry';
import type { DashboardState } from './store';

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export interface FilterSlice {
  filters: Filters;
  /** Sets (or with null clears) the year range, remembering which control set it. */
  setYearRange: (range: YearRange | null, origin: YearRangeOrigin) => void;
  /** A click on a year selects it; a second click on the same year clears it. */
  toggleYear: (year: number, origin: YearRangeOrigin) => void;
  toggleTone: (tone: ToneName) => void;
  toggleTheme: (theme: ThemeName) => void;
  toggleAidCategory: (category: AidCategory) => void;
  setAidMeasure: (measure: AidMeasure) => void;
  setAidView: (view: Filters['aidView']) => void;
  setAidDollars: (basis: Filters['aidDollars']) => void;
  setAidCompare: (compare: boolean) => void;
  setDroneSeries: (series: string | null) => void;
  setDroneCompare: (compare: boolean) => void;
  toggleMapLayer: (layer: keyof MapLayers) => void;
  /** Selecting the selected item again clears the selection. */
  select: (selection: Selection | null) => void;
  /** Replaces every filter at once (URL restore, seminar slides). */
  replaceFilters: (filters: Filters) => void;
  /** Clears what one panel's own "Reset" control owns. */
  resetPanelFilters: (panel: PanelId) => void;
  resetAllFilters: () => void;
}

export const createFilterSlice: StateCreator<DashboardState, [], [], FilterSlice> = (set) => {
  const update = (change: (f: Filters) => Partial<Filters>) => set((s) => ({ filters: { ...s.filters, ...change(s.filters) } }));
  return {
    filters: DEFAULT_FILTERS,
    setYearRange: (range, origin) =>
      update(() => ({ yearRange: range && range.from > range.to ? { from: range.to, to: range.from } : range, yearRangeOrigin: range ? origin : 'filter-bar' })),
    toggleYear: (year, origin) =>
      update((f) =>
        f.yearRange && f.yearRange.from === year && f.yearRange.to === year
          ? { yearRange: null, yearRangeOrigin: 'filter-bar' }
          : { yearRange: { from: year, to: year }, yearRangeOrigin: origin },
      ),
    toggleTone: (tone) => update((f) => ({ tones: toggled(f.tones, tone) })),
    toggleTheme: (theme) => update((f) => ({ themes: toggled(f.themes, theme) })),
    toggleAidCategory: (category) => update((f) => ({ aidCategories: toggled(f.aidCategories, category) })),
    setAidMeasure: (aidMeasure) => update(() => ({ aidMeasure })),
    setAidView: (aidView) => update(() => ({ aidView })),
    setAidDollars: (aidDollars) => update(() => ({ aidDollars })),
    setAidCompare: (aidCompare) => update(() => ({ aidCompare })),
    setDroneSeries: (droneSeries) => update(() => ({ droneSeries })),
    setDroneCompare: (droneCompare) => update(() => ({ droneCompare })),
    toggleMapLayer: (layer) => update((f) => ({ mapLayers: { ...f.mapLayers, [layer]: !f.mapLayers[layer] } })),
    select: (selection) =>
      update((f) => ({
        selection: selection && f.selection && f.selection.kind === selection.kind && f.selection.id === selection.id ? null : selection,
      })),
    replaceFilters: (filters) => set({ filters }),
    resetPanelFilters: (panel) =>
      update((f) => ({
        ...(f.yearRangeOrigin === panel ? { yearRange: null, yearRangeOrigin: 'filter-bar' } : {}),
        ...panelMeta(panel).resetFilters?.(f),
      })),
    resetAllFilters: () => set({ filters: DEFAULT_FILTERS }),
  };
};
