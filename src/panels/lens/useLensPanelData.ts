import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardStore } from '../../store/store';
import { selectLensView, type LensFilters, type LensView } from './lensSelectors';

/** The lens's data: subscribes only to the dataset and the filter fields the lens reads. */
export function useLensPanelData(): LensView | null {
  const dataset = useDashboardStore((s) => s.dataset);
  const fields = useDashboardStore(
    useShallow((s): LensFilters => {
      const f = s.filters;
      return { yearRange: f.yearRange, yearRangeOrigin: f.yearRangeOrigin, tones: f.tones, themes: f.themes, selection: f.selection, aidDollars: f.aidDollars };
    }),
  );
  return useMemo(() => (dataset ? selectLensView(dataset, fields) : null), [dataset, fields]);
}

/** The store actions the lens calls. */
export function useLensActions() {
  return useDashboardStore(useShallow((s) => ({ setYearRange: s.setYearRange, toggleYear: s.toggleYear, select: s.select })));
}
