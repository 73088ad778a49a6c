/**
 * The aid panel's export adapter: the legend (its categories or programmes, drawn as SVG because
 * the on-screen key is HTML chips), fiscal-year filter wording and file names. Reads the panel's
 * pure selectors only; the chart itself is exported from its Recharts surface.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import { SOURCE_FIELDS, sourceCells, type TidyField, type TidyValue } from '../../export/csv';
import type { LegendItem, PanelCsv, PanelExportAdapter } from '../../export/types';
import { AID_CATEGORY_LABELS } from '../../theme/palette';
import { selectAidView, type AidView } from './aidSelectors';
import type { AidCompareView } from './aidCompare';

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

function aidCsvFields(view: AidView): TidyField[] {
  return [
    { name: 'fiscal_year_start', title: 'First US fiscal year', type: 'integer', required: true, description: 'US fiscal year (1 Oct–30 Sep, named by the year it ends in).' },
    { name: 'fiscal_year_end', title: 'Last US fiscal year', type: 'integer', required: true, description: 'Equal to fiscal_year_start except for a multi-year aggregate the source prints as one figure (never split here).' },
    { name: 'measure', title: 'Measure', type: 'string', required: true, description: view.measureInfo.label },
    { name: 'breakdown', title: 'Breakdown', type: 'string', required: true, description: '"category" or "programme": what series holds.' },
    { name: 'series', title: view.view === 'programme' ? 'Programme' : 'Category', type: 'string', description: 'The category id or programme code of the bar segment; empty for a year with no figure.' },
    { name: 'series_label', title: 'Series name', type: 'string' },
    { name: 'category', title: 'Category', type: 'string' },
    { name: 'amount', title: 'Amount', type: 'number', unit: view.unit, description: 'The value the chart draws for this series and year. Empty: no figure (unknown, not zero).' },
    { name: 'unit', title: 'Unit', type: 'string', required: true },
    { name: 'status', title: 'Status', type: 'string', description: 'actual, estimate or request (the least firm of the rows drawn).' },
    ...SOURCE_FIELDS,
  ];
}

/**
 * The aid CSV, long form: one row per fiscal-year slot and series the chart draws, with the
 * amount in the view model's unit (so a unit switch changes the file), and one row with an empty
 * amount for a year with no figure. The bar's total is the sum of a slot's rows.
 */
export function aidCsv(view: AidView, dataset: Pick<Dataset, 'sources'>): PanelCsv {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows: Record<string, TidyValue>[] = [];
  const sourceIds = new Set<string>();
  const seriesByKey = new Map(view.series.map((s) => [s.key, s]));
  for (const slot of view.slots) {
    if (slot.dimmed) continue;
    const base = { fiscal_year_start: slot.start, fiscal_year_end: slot.end, measure: view.measure, breakdown: view.view, unit: view.unit };
    if (!slot.hasData) {
      rows.push({ ...base, series: null, series_label: null, category: null, amount: null, status: null, source_ids: '', source_titles: '' });
      continue;
    }
    for (const s of view.series) {
      const amount = slot.amounts[s.key];
      if (amount === undefined) continue;
      const ids: string[] = [];
      for (const v of slot.rows) {
        const key = view.view === 'category' ? v.row.category : v.row.programme;
        if (v.shownAs !== 'drawn' || key !== s.key) continue;
        for (const id of v.row.sources) if (!ids.includes(id)) ids.push(id);
      }
      ids.forEach((id) => sourceIds.add(id));
      const series = seriesByKey.get(s.key)!;
      rows.push({ ...base, series: s.key, series_label: series.longLabel, category: AID_CATEGORY_LABELS[series.category], amount, status: slot.status, ...sourceCells(ids, byId) });
    }
  }
  // In constant dollars every amount also rests on the price index.
  view.dollars.sourceIds.forEach((id) => sourceIds.add(id));
  return {
    table: { fields: aidCsvFields(view), rows },
    measure: `${view.measureInfo.label}, ${view.unit}, ${view.view === 'programme' ? 'by programme' : 'by category'}. ${view.measureInfo.note}${view.dollars.basis === 'constant' ? ` ${view.dollars.note}` : ''}`,
    sourceIds: dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => s.id),
    fileLabel: view.view === 'programme' ? 'by-programme' : 'by-category',
  };
}

/**
 * The "Compare measures" CSV, long form: one row per fiscal year and measure the view draws, the
 * value in the view's unit; a CRS year inside FY2002–FY2007 carries the yearly average and says so.
 */
export function aidCompareCsv(view: AidView, compare: AidCompareView, dataset: Pick<Dataset, 'aid' | 'sources'>): PanelCsv {
  const fields: TidyField[] = [
    { name: 'fiscal_year', title: 'US fiscal year', type: 'integer', required: true, description: 'US fiscal year (1 Oct–30 Sep, named by the year it ends in).' },
    { name: 'measure', title: 'Measure', type: 'string', required: true, description: 'crs-appropriations (incl. CSF), fa-obligations or fa-disbursements (both excl. CSF).' },
    { name: 'amount', title: 'Amount', type: 'number', unit: view.unit, description: 'The value drawn. Empty: no figure from this measure for the year (unknown, not zero).' },
    { name: 'unit', title: 'Unit', type: 'string', required: true },
    { name: 'status', title: 'Status', type: 'string', description: 'actual, estimate or request.' },
    { name: 'yearly_average_of', title: 'Yearly average of', type: 'string', description: 'Set when amount is the yearly average of a multi-year total (e.g. "FY2002-FY2007"), not a figure for the year.' },
  ];
  const rows: Record<string, TidyValue>[] = [];
  for (const year of compare.years) {
    if (year.dimmed) continue;
    compare.measures.forEach((measure, i) => {
      const v = year.values[i];
      rows.push({ fiscal_year: year.fiscalYear, measure, amount: v?.value ?? null, unit: view.unit, status: v?.status ?? null, yearly_average_of: v?.aggregate ? `FY${v.aggregate.start}-FY${v.aggregate.end}` : null });
    });
  }
  const shown = new Set(compare.years.filter((y) => !y.dimmed).map((y) => y.fiscalYear));
  const ids = new Set(view.dollars.sourceIds);
  for (const r of dataset.aid ?? []) if ([...shown].some((y) => y >= r.fiscalYearStart && y <= r.fiscalYearEnd)) r.sources.forEach((id) => ids.add(id));
  const sourceIds = dataset.sources.filter((s) => ids.has(s.id)).map((s) => s.id);
  return { table: { fields, rows }, measure: `${compare.table.measure}${view.dollars.basis === 'constant' ? ` ${view.dollars.note}` : ''}`, sourceIds, fileLabel: 'measures-compared' };
}

export const aidExport: PanelExportAdapter = {
  csv: (dataset, filters) => {
    const view = selectAidView(dataset, filters);
    return view.compare ? aidCompareCsv(view, view.compare, dataset) : aidCsv(view, dataset);
  },
  info(dataset: Dataset, filters: Filters) {
    const view = selectAidView(dataset, filters);
    return {
      legend: aidLegend(view),
      filterLine: filterLine(filters, dataset.coverage, true),
      sources: view.sources,
      fileYears: fileYearsFor(filters, dataset.coverage, true),
      subtitle: view.compare ? `Measures compared per fiscal year, ${view.unit}` : `${view.measureInfo.label}, ${view.unit}${view.view === 'programme' ? ', by programme' : ', by category'}`,
    };
  },
  excludeFromImage: ['.aid-legend'],
};
