/**
 * The lens's export adapter. The chart is one hand-drawn SVG, so the vector export clones it
 * with its computed styles; the legend is drawn as SVG because the on-screen key is HTML.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import { inlineComputedStyles } from '../../export/inlineSvg';
import type { LegendItem, PanelExportAdapter, SvgChart, SvgChartContext } from '../../export/types';
import { AID_CATEGORY_LABELS, TONE_COLORS } from '../../theme/palette';
import { LENS_CATEGORIES, LENS_CATEGORY_COLORS, selectLensView } from './lensSelectors';

export function lensLegend(): LegendItem[] {
  return [
    ...LENS_CATEGORIES.map((c) => ({ label: AID_CATEGORY_LABELS[c], color: LENS_CATEGORY_COLORS[c] })),
    { label: 'Drone strikes (TBIJ, right axis)', color: '#7a2a2a', shape: 'line' as const },
    { label: 'Cooperation (above)', color: TONE_COLORS.cooperation, shape: 'diamond' as const },
    { label: 'Friction (below)', color: TONE_COLORS.friction, shape: 'diamond' as const },
  ];
}

function drawSvg({ doc, panelEl }: SvgChartContext): SvgChart | null {
  const live = panelEl.querySelector<SVGSVGElement>('svg.lens-chart__svg');
  if (!live) return null;
  const clone = doc.importNode(live, true) as SVGSVGElement;
  inlineComputedStyles(live, clone, true);
  clone.setAttribute('x', '0');
  clone.setAttribute('y', '0');
  const width = Number(live.getAttribute('width'));
  const height = Number(live.getAttribute('height'));
  return { node: clone, width, height };
}

export const lensExport: PanelExportAdapter = {
  info(dataset: Dataset, filters: Filters) {
    const view = selectLensView(dataset, filters);
    return {
      legend: lensLegend(),
      filterLine: filterLine(filters, dataset.coverage, true),
      fileYears: fileYearsFor(filters, dataset.coverage, true),
      subtitle: `CRS aid appropriations (${view.state === 'ok' ? view.dollars.unit : 'current US$'} m) and TBIJ drone strikes by US fiscal year, with cooperation and friction events`,
      sources: view.sources,
    };
  },
  drawSvg,
  excludeFromImage: ['.lens-legend', '.lens__events', '.lens-readings'],
};
