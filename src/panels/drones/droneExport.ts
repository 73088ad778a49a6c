/**
 * The drone panel's export adapter: the legend (measures in the single view, trackers in the
 * compare view, with the panel's own colours), the filter wording and file names. Reads the
 * panel's pure selectors only; the chart itself is exported from its Recharts surfaces.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import type { LegendItem, PanelExportAdapter } from '../../export/types';
import { selectDroneView, type DroneView } from './droneSelectors';
import { MEASURE_COLORS, TRACKER_COLORS } from './droneShapes';

export function droneLegend(view: Pick<DroneView, 'compare' | 'compareSeries' | 'anyMarked'>): LegendItem[] {
  const items: LegendItem[] = view.compare
    ? view.compareSeries.map((s, i) => ({ label: s.label, color: TRACKER_COLORS[i % TRACKER_COLORS.length]! }))
    : [
        { label: 'Strikes (left axis)', color: MEASURE_COLORS.strikes },
        { label: 'Total killed, min–max (right axis)', color: MEASURE_COLORS.killed },
        { label: 'Civilians killed, min–max (right axis)', color: MEASURE_COLORS.civilians },
      ];
  items.push({ label: 'Hatched: only a maximum reported; “?”: unknown, never zero', color: '#4a5568', hollow: true, dashed: true });
  if (view.anyMarked) items.push({ label: '◆ Year with events matching the timeline filters', color: '#1b2233', shape: 'diamond' });
  return items;
}

export const droneExport: PanelExportAdapter = {
  info(dataset: Dataset, filters: Filters) {
    const view = selectDroneView(dataset, filters);
    return {
      legend: droneLegend(view),
      filterLine: filterLine(filters, dataset.coverage),
      sources: view.sources,
      fileYears: fileYearsFor(filters, dataset.coverage),
      subtitle: view.compare ? 'Strikes per year, trackers compared' : `As reported by ${view.activeSeries?.label ?? 'the tracker'}: strikes per year and people killed (min–max)`,
    };
  },
  excludeFromImage: ['.drone-legend'],
};
