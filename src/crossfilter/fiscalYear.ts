/**
 * US federal fiscal years: FY2012 runs from 1 October 2011 to 30 September 2012. The aid chart's
 * axis is in fiscal years, so anything placed on it (event marks, the selected item's year) is
 * converted with these; the drone chart and the timeline stay in calendar years.
 */
import { yearOf } from '../data/schema';

/** Which year an item's date is placed in. */
export type YearBasis = 'calendar' | 'fiscal';

/**
 * The fiscal year of a YYYY-MM-DD or YYYY-MM date (October–December belong to the next fiscal
 * year). A year-only date has no month, so it stays in its calendar year.
 */
export function fiscalYearOfDate(date: string): number {
  const year = yearOf(date);
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 0;
  return month >= 10 ? year + 1 : year;
}

export function yearOfDateOn(basis: YearBasis): (date: string) => number {
  return basis === 'fiscal' ? fiscalYearOfDate : yearOf;
}
