/**
 * The one-line summary of what the dashboard shows, for the filter bar's status line and for
 * export captions. Counts follow the same rules the panels use.
 */
import type { Dataset } from '../data/schema';
import { yearOf } from '../data/schema';
import { matchesCategories, spanOverlapsRange } from './crossfilter';
import { countInYears, countMatchingEvents } from './datasetIndex';
import type { Filters } from './filters';
import { THEME_LABELS, TONE_LABELS } from '../theme/palette';
import { activeStrikeTracker, strikesOfTracker } from '../data/trackers';

export interface ViewCounts {
  events: number;
  incidents: number;
  strikes: number;
  /** Of `strikes`, those a tracker lists as possible (outside its confirmed count). */
  possibleStrikes: number;
}

const possibleCache = new WeakMap<readonly { status: string }[], { date: string }[]>();
function possibleStrikes<T extends { status: string; date: string }>(strikes: readonly T[]): readonly T[] {
  let rows = possibleCache.get(strikes) as T[] | undefined;
  if (!rows) possibleCache.set(strikes, (rows = strikes.filter((s) => s.status === 'possible')));
  return rows;
}

export function countShown(dataset: Dataset, filters: Filters): ViewCounts {
  const range = filters.yearRange;
  const shownStrikes = strikesOfTracker(dataset.strikes ?? [], activeStrikeTracker(dataset.strikes ?? [], filters.droneSeries));
  return {
    // Events and strikes are counted from per-year pre-aggregates (datasetIndex.ts): O(years), not O(rows).
    events: countMatchingEvents(dataset.events ?? [], range, filters),
    incidents: (dataset.incidents ?? []).filter(
      (i) => spanOverlapsRange(yearOf(i.dateStart), yearOf(i.dateEnd ?? i.dateStart), range) && matchesCategories(i, filters),
    ).length,
    // One tracker's rows only (see data/trackers.ts): TBIJ and PBC rows for one strike are one strike.
    strikes: countInYears(shownStrikes, range),
    possibleStrikes: countInYears(possibleStrikes(shownStrikes), range),
  };
}

/** "2008–2011 · friction · Border": the active filters in words; empty when none. */
export function describeFilters(filters: Filters): string {
  const parts: string[] = [];
  if (filters.yearRange) parts.push(filters.yearRange.from === filters.yearRange.to ? String(filters.yearRange.from) : `${filters.yearRange.from}–${filters.yearRange.to}`);
  if (filters.tones.length) parts.push(filters.tones.map((t) => TONE_LABELS[t].toLowerCase()).join(', '));
  if (filters.themes.length) parts.push(filters.themes.map((t) => THEME_LABELS[t]).join(', '));
  return parts.join(' · ');
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function summarizeView(dataset: Dataset, filters: Filters): string {
  const counts = countShown(dataset, filters);
  const scope = describeFilters(filters) || `all years, ${dataset.coverage.from}–${dataset.coverage.to}`;
  // The yearly charts count confirmed strikes; the per-strike table also holds possible ones.
  const strikes = counts.possibleStrikes > 0 ? `${plural(counts.strikes, 'drone strike')} (${(counts.strikes - counts.possibleStrikes).toLocaleString('en-US')} confirmed, ${counts.possibleStrikes.toLocaleString('en-US')} possible)` : plural(counts.strikes, 'drone strike');
  return `Showing ${scope}: ${plural(counts.events, 'event')}, ${plural(counts.incidents, 'located incident')}, ${strikes}.`;
}
