/**
 * The aid panel's export adapter: the legend (its categories or programmes, drawn as SVG because
 * the on-screen key is HTML chips), fiscal-year filter wording and file names. Reads the panel's
 * pure selectors only; the chart itself is exported from its Recharts surface.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import type { LegendItem, PanelExportAdapter } from '../../export/types';
import { selectAidView, type AidView } from './aidSelectors';

export function aidLegend(view: Pick<AidView, 'series' | 'view' | 'hasRequestOrEstimate' | 'anyMarked'>): LegendItem[] {
  const items: LegendItem[] = view.series.map((s) => ({
    label: view.view === 'programme' && s.longLabel !== s.label ? s.longLabel : s.label,
    color: s.color,
    dimmed: s.dimmed,
  }));
  if (view.hasRequestOrEstimate) items.push({ label: 'Hatched: request or estimate', color: '#6b7280', hollow: true, dashed: true });
  if (view.anyMarked) items.push({ label: '◆ Year with events matching the timeline filters', color: '#1b2233', shape: 'diamond' });
  return items;
}

export const aidExport: PanelExportAdapter = {
  info(dataset: Dataset, filters: Filters) {
    const view = selectAidView(dataset, filters);
    return {
      legend: aidLegend(view),
      filterLine: filterLine(filters, dataset.coverage, true),
      sources: view.sources,
      fileYears: fileYearsFor(filters, dataset.coverage, true),
      subtitle: `${view.measureInfo.label}, ${view.dollars.unit} millions${view.view === 'programme' ? ', by programme' : ', by category'}`,
    };
  },
  excludeFromImage: ['.aid-legend'],
};
