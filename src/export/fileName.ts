/**
 * File names that say what the file is: the slug of the title plus the filter summary,
 * e.g. "us-aid-to-pakistan_FY2008-FY2011.png", "drone-strikes_2008-2011_friction.csv".
 */
import type { Filters, YearRange } from '../crossfilter/filters';
import { THEME_LABELS, TONE_LABELS } from '../theme/palette';

/** Lower-case ASCII words joined by "-": accents dropped, anything else a separator. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** "2008-2011", "2009" or, for all years, the coverage; `fiscal` writes "FY2008-FY2011". */
export function fileYears(range: YearRange | null, coverage: YearRange, fiscal = false): string {
  const r = range ?? coverage;
  const y = (n: number) => (fiscal ? `FY${n}` : String(n));
  return r.from === r.to ? y(r.from) : `${y(r.from)}-${y(r.to)}`;
}

/** The tone and theme filters as file-name parts ("friction", "border"). */
export function filterParts(filters: Pick<Filters, 'tones' | 'themes'>): string[] {
  return [...filters.tones.map((t) => slugify(TONE_LABELS[t])), ...filters.themes.map((t) => slugify(THEME_LABELS[t]))].filter(Boolean);
}

export interface FileNameInput {
  title: string;
  years: string;
  filters: Pick<Filters, 'tones' | 'themes'>;
  ext: string;
  /** Appended before the extension: "@4x", "slide-16x9". */
  suffix?: string;
}

export function exportFileName({ title, years, filters, ext, suffix }: FileNameInput): string {
  const parts = [slugify(title) || 'export', years.replace(/[^A-Za-z0-9-]+/g, '-'), ...filterParts(filters)];
  if (suffix && !suffix.startsWith('@')) parts.push(slugify(suffix));
  const base = parts.filter(Boolean).join('_').slice(0, 150);
  return `${base}${suffix?.startsWith('@') ? suffix.replace(/[^@a-z0-9]/gi, '') : ''}.${ext}`;
}
