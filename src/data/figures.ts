/**
 * Counts as people read them, and disputed figures as who reports what. Where sources disagree
 * the dataset keeps each source's value (`figures`); these helpers show every value beside the
 * sources that give it, never one merged range.
 */
import type { Figure, FigureField, Source } from './schema';

/** "24–28", "13", "at least 4", "up to 9" or "unknown": null is unknown, never 0. */
export function formatCountRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'unknown';
  if (min === null) return `up to ${max}`;
  if (max === null) return `at least ${min}`;
  return min === max ? String(min) : `${min}–${max}`;
}

/** One reported value and the sources that give it, in the order the dataset lists them. */
export interface ReportedValue {
  value: string;
  sources: string[];
}

/**
 * A source's short name for a figure list: its publisher without the bracketed note on where the
 * copy was found ("CNN (copy on a blog)" → "CNN").
 */
export function shortSourceName(source: Pick<Source, 'publisher'> | undefined, id: string): string {
  if (!source) return id;
  return source.publisher.replace(/\s*\([^)]*\)\s*$/, '').trim() || source.publisher;
}

/**
 * The values the sources give for one field, equal values merged (with all their sources), in the
 * order the dataset first lists them. Null when the dataset holds no per-source values for it.
 */
export function reportedValues(figures: readonly Figure[] | undefined, field: FigureField, sourceName: (id: string) => string): ReportedValue[] | null {
  const figure = figures?.find((f) => f.field === field);
  if (!figure) return null;
  const byValue = new Map<string, string[]>();
  for (const v of figure.values) {
    const value = formatCountRange(v.min, v.max);
    const names = byValue.get(value) ?? [];
    for (const id of v.sources) {
      const name = sourceName(id);
      if (!names.includes(name)) names.push(name);
    }
    byValue.set(value, names);
  }
  return [...byValue].map(([value, sources]) => ({ value, sources }));
}

/** "24 (CNN; Xinhua) · 28 (Xinhua)": each value with its sources. */
export function reportedValuesText(values: readonly ReportedValue[]): string {
  return values.map((v) => `${v.value} (${v.sources.join('; ')})`).join(' · ');
}

/** The text a table cell shows for a count: who reports what where the dataset has it, else the range. */
export function countText(figures: readonly Figure[] | undefined, field: FigureField, min: number | null, max: number | null, sourceName: (id: string) => string): string {
  const values = reportedValues(figures, field, sourceName);
  return values ? reportedValuesText(values) : formatCountRange(min, max);
}

/** A source-name lookup over a dataset's sources, for the helpers above. */
export function sourceNamer(sources: readonly Source[]): (id: string) => string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (id) => shortSourceName(byId.get(id), id);
}
