/**
 * Dates as spreadsheets and trackers write them, turned into the dataset's ISO form:
 * "2004-06-18", "Friday, June 18, 2004", "18 June 2004", "18-Jun-2004", "June 2004",
 * "18/06/2004" (day first) or "06/18/2004" (month first). For numeric dates the order is
 * read from the column (a first part above 12 means day first) or chosen by the user, and the
 * choice is shown, because 03/04/2005 means two different days.
 */
export type DateOrder = 'dmy' | 'mdy';
export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedDate {
  iso: string;
  precision: DatePrecision;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  // "Sept" is common enough to accept alongside "Sep".
  const i = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i === -1 ? null : i + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Two-digit years: 00–49 are 20xx, 50–99 are 19xx (the data starts in 1947). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function day(y: number, m: number, d: number): ParsedDate | null {
  return realDay(y, m, d) ? { iso: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' } : null;
}

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$/;
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?),?[\s-]+(\d{2,4})$/;
const MONTH_YEAR = /^([A-Za-z]+\.?),?\s+(\d{4})$/;

/** Parses one date; `order` decides numeric dates such as 03/04/2005. Null when it is not a date. */
export function parseDate(raw: string, order: DateOrder): ParsedDate | null {
  const text = raw.trim().replace(WEEKDAY, '').replace(/\s+/g, ' ');
  if (!text) return null;
  let m = ISO.exec(text);
  if (m) {
    const y = Number(m[1]);
    if (!m[2]) return { iso: m[1]!, precision: 'year' };
    const mo = Number(m[2]);
    if (!m[3]) return mo >= 1 && mo <= 12 ? { iso: `${y}-${pad(mo)}`, precision: 'month' } : null;
    return day(y, mo, Number(m[3]));
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b, c] = [m[1]!, m[2]!, m[3]!];
    if (a.length === 4) return day(Number(a), Number(b), Number(c)); // 2004/06/18
    if (a.length > 2) return null;
    const y = fullYear(c);
    return order === 'dmy' ? day(y, Number(b), Number(a)) : day(y, Number(a), Number(b));
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const mo = monthNumber(m[1]!);
    return mo ? day(Number(m[3]), mo, Number(m[2])) : null;
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const mo = monthNumber(m[2]!);
    return mo ? day(fullYear(m[3]!), mo, Number(m[1])) : null;
  }
  m = MONTH_YEAR.exec(text);
  if (m) {
    const mo = monthNumber(m[1]!);
    return mo ? { iso: `${m[2]}-${pad(mo)}`, precision: 'month' } : null;
  }
  return null;
}

export type DateStyle = 'iso' | 'long' | 'numeric' | 'mixed' | 'none';

export interface DateColumnInfo {
  style: DateStyle;
  order: DateOrder;
  /** True when the column itself settles the day/month order (some first or second part is above 12). */
  orderFromData: boolean;
  /** How many non-blank values parse, of how many. */
  parsed: number;
  total: number;
  /** The first non-blank value and what it becomes, for the "dates read as" line. */
  sample: { raw: string; iso: string | null } | null;
}

function styleOf(raw: string): DateStyle {
  const t = raw.trim();
  if (ISO.test(t)) return 'iso';
  if (NUMERIC.test(t)) return 'numeric';
  return /[A-Za-z]/.test(t) ? 'long' : 'none';
}

/** Looks at a column's values: which style they are written in, and which day/month order fits them. */
export function detectDateColumn(values: readonly string[]): DateColumnInfo {
  let dayFirst = false;
  let monthFirst = false;
  const styles = new Set<DateStyle>();
  let total = 0;
  let sample: string | null = null;
  for (const raw of values) {
    const t = raw.trim();
    if (!t) continue;
    total++;
    sample ??= t;
    styles.add(styleOf(t));
    const m = NUMERIC.exec(t);
    if (m && m[1]!.length <= 2) {
      if (Number(m[1]) > 12) dayFirst = true;
      if (Number(m[2]) > 12) monthFirst = true;
    }
  }
  // Day first is the default where the data cannot tell: it is how Pakistani and British sources write dates.
  const order: DateOrder = monthFirst && !dayFirst ? 'mdy' : 'dmy';
  let parsed = 0;
  for (const raw of values) if (raw.trim() && parseDate(raw, order)) parsed++;
  styles.delete('none');
  const style: DateStyle = styles.size === 0 ? 'none' : styles.size > 1 ? 'mixed' : [...styles][0]!;
  return {
    style,
    order,
    orderFromData: dayFirst !== monthFirst,
    parsed,
    total,
    sample: sample === null ? null : { raw: sample, iso: parseDate(sample, order)?.iso ?? null },
  };
}

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  dmy: 'day/month/year (18/06/2004)',
  mdy: 'month/day/year (06/18/2004)',
};

export const DATE_STYLE_LABELS: Record<DateStyle, string> = {
  iso: 'ISO dates (2004-06-18)',
  long: 'written-out dates (Friday, June 18, 2004)',
  numeric: 'numeric dates',
  mixed: 'mixed date styles',
  none: 'no recognisable dates',
};
