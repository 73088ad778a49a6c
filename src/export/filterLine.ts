/** The active filters in words, for image captions, CSV headers and file names. */
import type { Filters, YearRange } from '../crossfilter/filters';
import { THEME_LABELS, TONE_LABELS } from '../theme/palette';
import { fileYears } from './fileName';

/** "2008–2011", "FY2008–FY2011", "2009" (en dash between years). */
export function yearsText(range: YearRange, fiscal = false): string {
  const y = (n: number) => (fiscal ? `FY${n}` : String(n));
  return range.from === range.to ? y(range.from) : `${y(range.from)}–${y(range.to)}`;
}

/**
 * "FY2008–FY2011 · friction · Border" — the same parts and order as describeFilters (the filter
 * bar's status line); all years reads "All years (2001–2024)".
 */
export function filterLine(filters: Pick<Filters, 'yearRange' | 'tones' | 'themes'>, coverage: YearRange, fiscal = false): string {
  const parts = [filters.yearRange ? yearsText(filters.yearRange, fiscal) : `All years (${yearsText(coverage, fiscal)})`];
  if (filters.tones.length) parts.push(filters.tones.map((t) => TONE_LABELS[t].toLowerCase()).join(', '));
  if (filters.themes.length) parts.push(filters.themes.map((t) => THEME_LABELS[t]).join(', '));
  return parts.join(' · ');
}

/** The years part of a file name: the range (FY-prefixed for fiscal years) or, for all years, the coverage. */
export function fileYearsFor(filters: Pick<Filters, 'yearRange'>, coverage: YearRange, fiscal = false): string {
  return filters.yearRange ? fileYears(filters.yearRange, coverage, fiscal) : fileYears(null, coverage);
}
