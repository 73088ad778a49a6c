/**
 * "Compare measures": every aid measure the dataset holds, side by side per fiscal year, in the
 * dollars shown. CRS prints appropriations to FY2018 (and a request for FY2020); ForeignAssistance.gov
 * obligations and disbursements run on to FY2024, so the late years are never a blank end.
 *
 * Each measure's year is the bar the measure's own view draws (the same slot rules: firmest status,
 * latest edition, printed totals not beside their programmes). A multi-year aggregate (CRS FY2002–07)
 * is not split into invented years: each of its years shows the yearly average, flagged as such,
 * and the table gives the printed total.
 */
import { AID_MEASURES, type AidMeasure, type AidRow } from '../../data/schema';
import type { YearRange } from '../../crossfilter/filters';
import { spanOverlapsRange } from '../../crossfilter/crossfilter';
import type { Dollars } from '../../crossfilter/constantDollars';
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import type { AidSlot, AidStatus } from './aidSelectors';

export const COMPARE_COLORS: Record<AidMeasure, string> = {
  'crs-appropriations': '#1f4e79',
  'fa-obligations': '#c77c0e',
  'fa-disbursements': '#5b8c3a',
};

export const COMPARE_LABELS: Record<AidMeasure, string> = {
  'crs-appropriations': 'CRS appropriations (incl. CSF)',
  'fa-obligations': 'ForeignAssistance.gov obligations',
  'fa-disbursements': 'ForeignAssistance.gov disbursements',
};

export interface CompareValue {
  /** The year's amount in the dollars shown; for a multi-year aggregate, its yearly average. */
  value: number;
  status: AidStatus | null;
  /** Set when the value is a yearly average of a multi-year total: that total's span and amount. */
  aggregate: { start: number; end: number; total: number } | null;
  /** CRS only: the Coalition Support Funds part (ForeignAssistance.gov excludes CSF). */
  csf: number | null;
}

export interface CompareYear {
  fiscalYear: number;
  /** One entry per `measures` item, null when that measure has no figure for the year. */
  values: (CompareValue | null)[];
  dimmed: boolean;
}

export interface AidCompareView {
  measures: AidMeasure[];
  years: CompareYear[];
  /** The last fiscal year with a CRS actual figure (the cut-off), if CRS is present. */
  crsLastActual: number | null;
  table: TableModel;
}

type SlotsFor = (rows: readonly AidRow[]) => AidSlot[];

/**
 * Builds the comparison from each measure's slots (`slotsFor` is the aid view's own slot builder,
 * already in the dollars shown). Years follow the other panels' range; this panel's brush dims.
 */
export function selectAidCompare(rows: readonly AidRow[], slotsFor: SlotsFor, dollars: Pick<Dollars, 'millions'>, filterRange: YearRange | null, dimRange: YearRange | null): AidCompareView {
  const measures = AID_MEASURES.filter((m) => rows.some((r) => r.measure === m));
  const byMeasure = measures.map((m) => slotsFor(rows.filter((r) => r.measure === m)).filter((s) => s.hasData));
  const years = new Map<number, (CompareValue | null)[]>();
  byMeasure.forEach((slots, i) => {
    for (const slot of slots) {
      const span = slot.end - slot.start + 1;
      for (let fy = slot.start; fy <= slot.end; fy++) {
        const list = years.get(fy) ?? measures.map(() => null);
        list[i] = {
          value: (slot.total ?? 0) / span,
          status: slot.status,
          aggregate: span > 1 ? { start: slot.start, end: slot.end, total: slot.total ?? 0 } : null,
          csf: measures[i] === 'crs-appropriations' ? (slot.amounts.csf ?? 0) / span : null,
        };
        years.set(fy, list);
      }
    }
  });
  const all = [...years.keys()].sort((a, b) => a - b);
  const first = all[0];
  const last = all[all.length - 1];
  const compareYears: CompareYear[] = [];
  if (first !== undefined && last !== undefined) {
    for (let fy = first; fy <= last; fy++) {
      if (!spanOverlapsRange(fy, fy, filterRange)) continue;
      compareYears.push({ fiscalYear: fy, values: years.get(fy) ?? measures.map(() => null), dimmed: dimRange !== null && !spanOverlapsRange(fy, fy, dimRange) });
    }
  }
  const crsIndex = measures.indexOf('crs-appropriations');
  const crsActualYears = crsIndex < 0 ? [] : byMeasure[crsIndex]!.filter((s) => s.status === 'actual').map((s) => s.end);
  return {
    measures,
    years: compareYears,
    crsLastActual: crsActualYears.length ? Math.max(...crsActualYears) : null,
    table: compareTable(measures, compareYears, dollars.millions),
  };
}

function cellNote(measures: readonly AidMeasure[], year: CompareYear): string {
  const notes: string[] = [];
  year.values.forEach((v, i) => {
    const label = COMPARE_LABELS[measures[i]!];
    if (!v) return;
    if (v.aggregate) notes.push(`${label}: yearly average of the FY${v.aggregate.start}–FY${v.aggregate.end} total (${Math.round(v.aggregate.total).toLocaleString('en-US')}), not a figure for this year`);
    if (v.status && v.status !== 'actual') notes.push(`${label}: ${v.status}`);
  });
  return notes.join('; ');
}

function compareTable(measures: readonly AidMeasure[], years: readonly CompareYear[], unit: string): TableModel {
  const rows: Record<string, CellValue>[] = years
    .filter((y) => !y.dimmed)
    .map((y) => {
      const row: Record<string, CellValue> = { fiscalYear: `FY${y.fiscalYear}` };
      measures.forEach((m, i) => (row[m] = y.values[i]?.value ?? null));
      if (measures.includes('crs-appropriations')) row.crsCsf = y.values[measures.indexOf('crs-appropriations')]?.csf ?? null;
      row.note = cellNote(measures, y);
      return row;
    });
  return {
    caption: 'US aid to Pakistan: the measures compared per fiscal year',
    columns: [
      { key: 'fiscalYear', header: 'Fiscal year' },
      ...measures.map((m) => ({ key: m, header: COMPARE_LABELS[m], numeric: true })),
      ...(measures.includes('crs-appropriations') ? [{ key: 'crsCsf', header: 'of which CSF (CRS)', numeric: true }] : []),
      { key: 'note', header: 'Note' },
    ],
    rows,
    measure: `${unit}. CRS: appropriations including Coalition Support Funds; ForeignAssistance.gov: obligations and disbursements, excluding CSF. Empty: no figure from that measure for the year.`,
  };
}
