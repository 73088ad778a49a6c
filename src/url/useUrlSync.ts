import { useEffect } from 'react';
import type { Dataset } from '../data/schema';
import type { Filters } from '../crossfilter/filters';
import { useDashboardStore } from '../store/store';
import { decodeUrlState, encodeUrlState, type YearBounds } from './urlCodec';

export const URL_NOTICE_ID = 'url-ignored';

/**
 * Year-range steps closer together than this (typing From then To, playing the years even at the
 * slow speed, dragging again) amend one history entry instead of adding one each: Back undoes the
 * whole gesture.
 */
export const SETTLE_MS = 2000;
const YEAR_PARAMS = new Set(['from', 'to', 'by']);

/** Whether two query strings differ in the year range only. */
export function onlyYearsDiffer(a: string, b: string): boolean {
  const pa = new URLSearchParams(a);
  const pb = new URLSearchParams(b);
  for (const key of new Set([...pa.keys(), ...pb.keys()])) {
    if (!YEAR_PARAMS.has(key) && pa.getAll(key).join('&') !== pb.getAll(key).join('&')) return false;
  }
  return true;
}

/**
 * How long a URL write waits for a frame at most. A hidden tab draws no frames, so
 * requestAnimationFrame waits until the tab is shown again: a tab hidden by a source link
 * opening in a new tab (or by the user, while the years play) kept a stale address meanwhile.
 */
export const WRITE_FALLBACK_MS = 100;

/**
 * Runs `fn` once the frame the current input produces has painted (the URL is never on that
 * path), or after WRITE_FALLBACK_MS when no frame comes; once either way.
 */
function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, WRITE_FALLBACK_MS);
  if (typeof requestAnimationFrame !== 'undefined') requestAnimationFrame(() => setTimeout(run, 0));
}

/** Drops a selection that names nothing in the dataset (a stale or mistyped link). */
function withKnownSelection(filters: Filters, dataset: Dataset, ignored: string[]): Filters {
  const sel = filters.selection;
  if (!sel) return filters;
  const table = sel.kind === 'event' ? dataset.events : sel.kind === 'incident' ? dataset.incidents : dataset.strikes;
  if (table?.some((row) => row.id === sel.id)) return filters;
  ignored.push(`sel: no ${sel.kind} with id "${sel.id}" in this dataset`);
  return { ...filters, selection: null };
}

/**
 * Keeps the filter state and the address bar in step: the URL is read once the dataset is
 * known (and on back/forward), and later filter changes are written back after they painted,
 * several changes in one frame as one write. A change is a new history entry, except a
 * year-range step within SETTLE_MS of the last write, which replaces it.
 */
export function useUrlSync(dataset: Dataset | null): void {
  useEffect(() => {
    if (!dataset) return;
    const bounds: YearBounds = { min: dataset.coverage.from, max: dataset.coverage.to };
    const { replaceFilters, showNotice, dismissNotice } = useDashboardStore.getState();

    const readUrl = (announce: boolean) => {
      const { filters, ignored } = decodeUrlState(window.location.search, bounds);
      const checked = withKnownSelection(filters, dataset, ignored);
      replaceFilters(checked);
      if (announce && ignored.length > 0) {
        showNotice({ id: URL_NOTICE_ID, tone: 'warning', title: 'Some parts of the link were ignored', details: ignored });
      }
      // Rewrite the address so what is shown and what is in the URL agree.
      const canonical = encodeUrlState(checked, new URLSearchParams(window.location.search));
      if (canonical !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${canonical}${window.location.hash}`);
    };

    readUrl(true);
    const onPopState = () => {
      dismissNotice(URL_NOTICE_ID);
      readUrl(false);
    };
    window.addEventListener('popstate', onPopState);

    let writePending = false;
    let disposed = false;
    let lastWrite = { at: Number.NEGATIVE_INFINITY, search: window.location.search };
    const write = () => {
      writePending = false;
      if (disposed) return;
      const current = window.location.search;
      const next = encodeUrlState(useDashboardStore.getState().filters, new URLSearchParams(current));
      if (next === current) return;
      const now = performance.now();
      // Amend only our own last entry (not one back/forward or another writer moved us to).
      const amend = current === lastWrite.search && now - lastWrite.at < SETTLE_MS && onlyYearsDiffer(current, next);
      const url = `${window.location.pathname}${next}${window.location.hash}`;
      if (amend) window.history.replaceState(window.history.state, '', url);
      else window.history.pushState(null, '', url);
      lastWrite = { at: now, search: next };
    };
    const unsubscribe = useDashboardStore.subscribe((state, previous) => {
      if (state.filters === previous.filters || writePending) return;
      writePending = true;
      afterNextPaint(() => {
        if (writePending) write();
      });
    });
    // Leaving the tab (another tab, a new window, the page closing) writes what is pending now.
    const onHide = () => {
      if (document.visibilityState === 'hidden' && writePending) write();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      // A change not yet written (a dataset load resets the filters, then this effect re-reads
      // the URL for the new dataset) is written now, so the URL read next is not a stale one.
      if (writePending) write();
      disposed = true;
      window.removeEventListener('popstate', onPopState);
      unsubscribe();
    };
  }, [dataset]);
}
