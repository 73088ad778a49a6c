/**
 * The cross-filter rules, as pure functions. They follow dc.js/crossfilter: every panel is
 * filtered by everyone's filters except its own, so a brushed chart keeps its full shape and
 * only dims what lies outside the brush. Panels call these through their selector hooks.
 */
import type { ThemeName, ToneName } from '../data/schema';
import { yearOf } from '../data/schema';
import type { Filters, PanelId, YearRange } from './filters';
import { yearOfDateOn, type YearBasis } from './fiscalYear';

/** The year range that filters `panel`: null when every year shows (or the panel brushed it). */
export function yearRangeFilteringPanel(filters: Filters, panel: PanelId): YearRange | null {
  if (!filters.yearRange) return null;
  if (filters.yearRangeOrigin === panel) return null;
  return filters.yearRange;
}

/** The range a panel should dim outside of: only the panel that brushed it dims instead of filtering. */
export function yearRangeDimmingPanel(filters: Filters, panel: PanelId): YearRange | null {
  return filters.yearRange && filters.yearRangeOrigin === panel ? filters.yearRange : null;
}

export function yearInRange(year: number, range: YearRange | null): boolean {
  return range === null || (year >= range.from && year <= range.to);
}

/** An item spanning several years (an aid aggregate, a military operation) matches when it overlaps. */
export function spanOverlapsRange(start: number, end: number, range: YearRange | null): boolean {
  return range === null || (end >= range.from && start <= range.to);
}

export function dateInRange(date: string, range: YearRange | null): boolean {
  return yearInRange(yearOf(date), range);
}

export interface Categorised {
  tone: ToneName;
  theme: ThemeName;
}

/** Tone and theme filters: an empty list means no filter. */
export function matchesCategories(item: Categorised, filters: Pick<Filters, 'tones' | 'themes'>): boolean {
  return (filters.tones.length === 0 || filters.tones.includes(item.tone)) && (filters.themes.length === 0 || filters.themes.includes(item.theme));
}

export function hasCategoryFilter(filters: Pick<Filters, 'tones' | 'themes'>): boolean {
  return filters.tones.length > 0 || filters.themes.length > 0;
}

/**
 * The years that hold an event matching the tone/theme filters: the aid and drone charts mark
 * them, so aid can be read beside frictions ("carrot and stick"). Empty when no category filter is set.
 */
export function yearsWithMatchingEvents(events: readonly (Categorised & { date: string })[], filters: Pick<Filters, 'tones' | 'themes'>, basis: YearBasis = 'calendar'): Set<number> {
  const years = new Set<number>();
  if (!hasCategoryFilter(filters)) return years;
  const yearOfDate = yearOfDateOn(basis);
  for (const event of events) if (matchesCategories(event, filters)) years.add(yearOfDate(event.date));
  return years;
}

/** The year of the selected event or incident, which both charts mark. */
export function selectedItemYear(
  dataset: { events?: readonly { id: string; date: string }[]; incidents?: readonly { id: string; dateStart: string }[]; strikes?: readonly { id: string; date: string }[] },
  selection: Filters['selection'],
  basis: YearBasis = 'calendar',
): number | null {
  if (!selection) return null;
  const date =
    selection.kind === 'event'
      ? dataset.events?.find((e) => e.id === selection.id)?.date
      : selection.kind === 'incident'
        ? dataset.incidents?.find((i) => i.id === selection.id)?.dateStart
        : dataset.strikes?.find((s) => s.id === selection.id)?.date;
  return date ? yearOfDateOn(basis)(date) : null;
}

/** Source titles for a set of ids, in the dataset's source order, for a panel's sources line. */
export function sourceTitles(sources: readonly { id: string; title: string; publisher: string }[], ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  return sources.filter((s) => wanted.has(s.id)).map((s) => `${s.publisher}, ${s.title}`);
}
