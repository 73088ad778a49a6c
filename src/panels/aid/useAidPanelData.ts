import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_FILTERS, type Filters } from '../../crossfilter/filters';
import { useDashboardStore } from '../../store/store';
import { AID_FILTER_KEYS, selectAidView, type AidView } from './aidSelectors';

type AidFilterFields = Pick<Filters, (typeof AID_FILTER_KEYS)[number]>;

/**
 * The aid panel's data: subscribes only to the dataset and the filter fields the panel reads, so
 * a map-layer toggle or a drone-series change does not re-render it.
 */
export function useAidPanelData(): AidView | null {
  const dataset = useDashboardStore((s) => s.dataset);
  const fields = useDashboardStore(
    useShallow((s): AidFilterFields => {
      const f = s.filters;
      return {
        yearRange: f.yearRange,
        yearRangeOrigin: f.yearRangeOrigin,
        tones: f.tones,
        themes: f.themes,
        aidMeasure: f.aidMeasure,
        aidView: f.aidView,
        aidCategories: f.aidCategories,
        aidDollars: f.aidDollars,
        aidCompare: f.aidCompare,
        selection: f.selection,
      };
    }),
  );
  return useMemo(() => (dataset ? selectAidView(dataset, { ...DEFAULT_FILTERS, ...fields }) : null), [dataset, fields]);
}

/** The store actions the aid panel calls. */
export function useAidActions() {
  return useDashboardStore(
    useShallow((s) => ({
      setYearRange: s.setYearRange,
      toggleYear: s.toggleYear,
      setAidMeasure: s.setAidMeasure,
      setAidView: s.setAidView,
      setAidDollars: s.setAidDollars,
      setAidCompare: s.setAidCompare,
      toggleAidCategory: s.toggleAidCategory,
    })),
  );
}
