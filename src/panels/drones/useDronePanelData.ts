import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_FILTERS, type Filters } from '../../crossfilter/filters';
import { useDashboardStore } from '../../store/store';
import { DRONE_FILTER_KEYS, selectDroneView, type DroneView } from './droneSelectors';

type DroneFilterFields = Pick<Filters, (typeof DRONE_FILTER_KEYS)[number]>;

/**
 * The drone panel's data: subscribes only to the dataset and the filter fields the panel reads, so
 * an aid-measure change or a map-layer toggle does not re-render it.
 */
export function useDronePanelData(): DroneView | null {
  const dataset = useDashboardStore((s) => s.dataset);
  const fields = useDashboardStore(
    useShallow((s): DroneFilterFields => {
      const f = s.filters;
      return {
        yearRange: f.yearRange,
        yearRangeOrigin: f.yearRangeOrigin,
        tones: f.tones,
        themes: f.themes,
        droneSeries: f.droneSeries,
        droneCompare: f.droneCompare,
        selection: f.selection,
      };
    }),
  );
  return useMemo(() => (dataset ? selectDroneView(dataset, { ...DEFAULT_FILTERS, ...fields }) : null), [dataset, fields]);
}

/** The store actions the drone panel calls. */
export function useDroneActions() {
  return useDashboardStore(
    useShallow((s) => ({
      setYearRange: s.setYearRange,
      toggleYear: s.toggleYear,
      setDroneSeries: s.setDroneSeries,
      setDroneCompare: s.setDroneCompare,
    })),
  );
}
