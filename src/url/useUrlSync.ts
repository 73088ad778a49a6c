import { useEffect } from 'react';
import type { Dataset } from '../data/schema';
import type { Filters } from '../crossfilter/filters';
import { useDashboardStore } from '../store/store';
import { decodeUrlState, encodeUrlState, type YearBounds } from './urlCodec';

export const URL_NOTICE_ID = 'url-ignored';

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
 * known (and on back/forward), and every later filter change is written back as a history entry.
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

    const unsubscribe = useDashboardStore.subscribe((state, previous) => {
      if (state.filters === previous.filters) return;
      const next = encodeUrlState(state.filters, new URLSearchParams(window.location.search));
      if (next !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${next}${window.location.hash}`);
    });
    return () => {
      window.removeEventListener('popstate', onPopState);
      unsubscribe();
    };
  }, [dataset]);
}
