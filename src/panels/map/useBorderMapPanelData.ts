/**
 * The map panel's selector hook: reads only the store fields the map depends on, then derives the
 * view model with the pure selectors in mapSelectors.ts. The selection is kept apart from the
 * rest, so selecting an item re-highlights markers without re-filtering thousands of strikes.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardStore } from '../../store/store';
import { selectMapHighlight, selectMapView } from './mapSelectors';
import { datasetForStrikeTracker, strikeTrackerNote } from '../../data/trackers';

export function useBorderMapPanelData() {
  const { fullDataset, droneSeries, yearRange, yearRangeOrigin, tones, themes, mapLayers, selection } = useDashboardStore(
    useShallow((s) => ({
      fullDataset: s.dataset,
      droneSeries: s.filters.droneSeries,
      yearRange: s.filters.yearRange,
      yearRangeOrigin: s.filters.yearRangeOrigin,
      tones: s.filters.tones,
      themes: s.filters.themes,
      mapLayers: s.filters.mapLayers,
      selection: s.filters.selection,
    })),
  );
  const toggleMapLayer = useDashboardStore((s) => s.toggleMapLayer);
  const select = useDashboardStore((s) => s.select);

  // Only the selected tracker's strikes: two trackers' rows for one strike are never both drawn.
  const dataset = fullDataset ? datasetForStrikeTracker(fullDataset, droneSeries) : null;
  const trackerNote = fullDataset ? strikeTrackerNote(fullDataset, droneSeries) : null;
  const view = useMemo(
    () => (dataset ? selectMapView(dataset, { yearRange, yearRangeOrigin, tones, themes, mapLayers }) : null),
    [dataset, yearRange, yearRangeOrigin, tones, themes, mapLayers],
  );
  const highlight = useMemo(() => (dataset ? selectMapHighlight(dataset, selection) : { incidentId: null, strikeId: null }), [dataset, selection]);

  return { view, highlight, toggleMapLayer, select, trackerNote };
}
