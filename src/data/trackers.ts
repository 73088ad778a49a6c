/**
 * Which tracker's per-strike rows are on screen. TBIJ and PBC list largely the same strikes, so a
 * dataset holding both must show one of them at a time: adding them up would count a strike
 * twice (848 dots for some 420 strikes). The choice follows the drone panel's Tracker selector,
 * and falls back to TBIJ (then the first tracker present) when that tracker has no per-strike rows.
 */
import { TRACKERS, type Dataset, type Strike, type Tracker } from './schema';

export const trackerOf = (strike: Pick<Strike, 'tracker'>): Tracker => strike.tracker ?? 'tbij';

export const TRACKER_NAMES: Record<Tracker, string> = {
  tbij: 'TBIJ',
  pbc: 'Pakistan Body Count',
  'new-america': 'New America',
  lwj: 'Long War Journal',
  user: 'your own tracker',
};

const trackersCache = new WeakMap<readonly Strike[], Tracker[]>();

/** The trackers with per-strike rows, in the schema's order. */
export function strikeTrackers(strikes: readonly Strike[]): Tracker[] {
  let found = trackersCache.get(strikes);
  if (!found) {
    const present = new Set<Tracker>();
    for (const s of strikes) present.add(trackerOf(s));
    found = TRACKERS.filter((t) => present.has(t));
    trackersCache.set(strikes, found);
  }
  return found;
}

/** The drone panel's series id names a tracker directly ("pbc") or as a per-strike series ("strikes-table:pbc"). */
export function trackerOfSeries(seriesId: string | null): Tracker | null {
  if (seriesId === null) return null;
  const id = seriesId.startsWith('strikes-table:') ? seriesId.slice('strikes-table:'.length) : seriesId;
  return (TRACKERS as readonly string[]).includes(id) ? (id as Tracker) : null;
}

/** The tracker whose strikes are shown, or null when there are no strikes. */
export function activeStrikeTracker(strikes: readonly Strike[], droneSeries: string | null): Tracker | null {
  const present = strikeTrackers(strikes);
  const asked = trackerOfSeries(droneSeries);
  if (asked && present.includes(asked)) return asked;
  return present.includes('tbij') ? 'tbij' : (present[0] ?? null);
}

/** Files a list of trackers found elsewhere (the parse worker) under the page's copy of the strikes. */
export function adoptStrikeTrackers(strikes: readonly Strike[], trackers: Tracker[]): void {
  trackersCache.set(strikes, trackers);
}

const byTracker = new WeakMap<readonly Strike[], Map<Tracker, readonly Strike[]>>();

/** One tracker's rows; the same array while the dataset stays, so per-table caches keep working. */
export function strikesOfTracker(strikes: readonly Strike[], tracker: Tracker | null): readonly Strike[] {
  if (tracker === null || strikeTrackers(strikes).length <= 1) return strikes;
  let cache = byTracker.get(strikes);
  if (!cache) byTracker.set(strikes, (cache = new Map()));
  let rows = cache.get(tracker);
  if (!rows) cache.set(tracker, (rows = strikes.filter((s) => trackerOf(s) === tracker)));
  return rows;
}

const viewCache = new WeakMap<Dataset, Map<Tracker, Dataset>>();

/**
 * The dataset as the strike-drawing panels see it: only the active tracker's strikes. A dataset
 * with one tracker is returned as it is; otherwise the same view object per (dataset, tracker).
 */
export function datasetForStrikeTracker(dataset: Dataset, droneSeries: string | null): Dataset {
  const strikes = dataset.strikes ?? [];
  if (strikeTrackers(strikes).length <= 1) return dataset;
  const tracker = activeStrikeTracker(strikes, droneSeries)!;
  let cache = viewCache.get(dataset);
  if (!cache) viewCache.set(dataset, (cache = new Map()));
  let view = cache.get(tracker);
  if (!view) cache.set(tracker, (view = { ...dataset, strikes: strikesOfTracker(strikes, tracker) as Strike[] }));
  return view;
}

/** "Drone strikes as reported by Pakistan Body Count (404 of 848 per-strike rows)", or null with a single tracker. */
export function strikeTrackerNote(dataset: Dataset, droneSeries: string | null): string | null {
  const strikes = dataset.strikes ?? [];
  const present = strikeTrackers(strikes);
  if (present.length <= 1) return null;
  const tracker = activeStrikeTracker(strikes, droneSeries)!;
  const asked = trackerOfSeries(droneSeries);
  const shown = strikesOfTracker(strikes, tracker).length;
  const others = present.filter((t) => t !== tracker).map((t) => TRACKER_NAMES[t]);
  const fallback = asked && asked !== tracker ? ` ${TRACKER_NAMES[asked]} has no per-strike rows here.` : '';
  return `Drone strikes as reported by ${TRACKER_NAMES[tracker]}: ${shown.toLocaleString('en-US')} of ${strikes.length.toLocaleString('en-US')} per-strike rows; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not added, so no strike is counted twice. Choose the tracker in the Drone strikes panel.${fallback}`;
}
