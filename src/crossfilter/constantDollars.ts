/**
 * Current or constant dollars for every aid figure, from the dataset's own price index
 * (`priceIndex`: CPI-U annual averages, BLS series CUUR0000SA0).
 *
 * How a US fiscal year meets a calendar-year index: FY2010 runs 1 Oct 2009 – 30 Sep 2010, so nine
 * of its twelve months fall in calendar 2010. A fiscal year is deflated with the CPI-U annual
 * average of the calendar year it ends in (FY2010 → CPI-U 2010). The dataset holds annual
 * averages only, so a true Oct–Sep average cannot be computed from the rows; the difference is a
 * quarter-year of inflation, well under the gap between the sources' measures.
 *
 * A multi-year total (CRS prints FY2002–FY2007 as one figure) is deflated at the mean index of
 * its years, i.e. as if spread evenly over them: the source does not say how it was spread.
 */
import type { Dataset, PriceIndexRow } from '../data/schema';

export const DOLLAR_BASES = ['current', 'constant'] as const;
export type DollarBasis = (typeof DOLLAR_BASES)[number];

/** The year constant dollars are expressed in (the UI contract names it: "Constant 2024 US$"). */
export const CONSTANT_BASE_YEAR = 2024;

/** The switch's two buttons, as the UI contract names them. */
export const DOLLAR_BASIS_LABELS: Record<DollarBasis, string> = {
  current: 'Current US$',
  constant: `Constant ${CONSTANT_BASE_YEAR} US$`,
};

export interface Dollars {
  basis: DollarBasis;
  /** "Current US$" / "Constant 2024 US$". */
  label: string;
  /** For units after a number or in headers: "current US$" / "constant 2024 US$". */
  unit: string;
  /** The unit of an amount in millions: "US$ millions (current)" / "US$ millions (constant 2024)". */
  millions: string;
  /** One sentence for the panel note: which index, and how a fiscal year maps to it. */
  note: string;
  /** False when the dataset's price index cannot convert (no index, or no base-year value). */
  constantAvailable: boolean;
  /** Why constant dollars are not available, when they are not. */
  unavailableReason: string | null;
  /** Multiplier from current to shown dollars for a fiscal-year span; null when a year has no index. */
  factor: (fiscalYearStart: number, fiscalYearEnd?: number) => number | null;
  /** The price index rows' source ids, for the panel's source list (empty in current dollars). */
  sourceIds: string[];
}

/** The index value of each calendar year, from the dataset's rows. */
export function indexByYear(rows: readonly PriceIndexRow[] | undefined): Map<number, number> {
  return new Map((rows ?? []).map((r) => [r.year, r.value]));
}

/**
 * The factor that turns current dollars of a fiscal-year span into constant base-year dollars:
 * index(base) / mean(index of each fiscal year's calendar year). Null when any year is missing.
 */
export function constantFactor(index: ReadonlyMap<number, number>, start: number, end: number = start, baseYear: number = CONSTANT_BASE_YEAR): number | null {
  const base = index.get(baseYear);
  if (base === undefined) return null;
  let sum = 0;
  for (let year = start; year <= end; year++) {
    const value = index.get(year);
    if (value === undefined) return null;
    sum += value;
  }
  return base / (sum / (end - start + 1));
}

export function dollarsFor(dataset: Pick<Dataset, 'priceIndex'>, requested: DollarBasis): Dollars {
  const index = indexByYear(dataset.priceIndex);
  const series = dataset.priceIndex?.[0]?.series;
  const unavailableReason = !dataset.priceIndex?.length
    ? 'This dataset has no price index, so figures stay in current dollars.'
    : !index.has(CONSTANT_BASE_YEAR)
      ? `This dataset's price index has no ${CONSTANT_BASE_YEAR} value, so figures stay in current dollars.`
      : null;
  const basis: DollarBasis = unavailableReason ? 'current' : requested;
  const first = Math.min(...index.keys());
  const last = Math.max(...index.keys());
  const seriesName = series === 'CUUR0000SA0' ? 'CPI-U (BLS series CUUR0000SA0, US city average, all items)' : `the price index ${series ?? ''}`.trim();
  return {
    basis,
    label: DOLLAR_BASIS_LABELS[basis],
    unit: DOLLAR_BASIS_LABELS[basis].replace(/^C/, 'c'),
    millions: basis === 'constant' ? `US$ millions (constant ${CONSTANT_BASE_YEAR})` : 'US$ millions (current)',
    note:
      basis === 'constant'
        ? `Constant ${CONSTANT_BASE_YEAR} dollars: each figure × CPI-U ${CONSTANT_BASE_YEAR} ÷ CPI-U of the calendar year its fiscal year ends in (FY2010 runs Oct 2009–Sep 2010, so it takes the 2010 annual average); index: ${seriesName}, annual averages ${first}–${last}. A multi-year total is deflated at the mean index of its years.`
        : 'Current dollars: each figure as the source prints it, not adjusted for inflation.',
    constantAvailable: unavailableReason === null,
    unavailableReason,
    factor: basis === 'constant' ? (start, end = start) => constantFactor(index, start, end) : () => 1,
    sourceIds: basis === 'constant' ? [...new Set((dataset.priceIndex ?? []).flatMap((r) => r.sources))] : [],
  };
}
