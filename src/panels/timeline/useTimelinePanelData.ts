import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardStore } from '../../store/store';
import { selectTimeline, type TimelineFilters, type TimelineView } from './timelineSelectors';

/**
 * The timeline's selector hook: reads only the dataset and the filter fields the timeline uses
 * (so aid/drone/map controls do not re-render it) and memoises the pure view model.
 */
export function useTimelinePanelData(): { view: TimelineView | null; yearRange: TimelineFilters['yearRange'] } {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore(
    useShallow(
      (s): TimelineFilters => ({
        yearRange: s.filters.yearRange,
        yearRangeOrigin: s.filters.yearRangeOrigin,
        tones: s.filters.tones,
        themes: s.filters.themes,
        selection: s.filters.selection,
      }),
    ),
  );
  const view = useMemo(() => (dataset ? selectTimeline(dataset, filters) : null), [dataset, filters]);
  return { view, yearRange: filters.yearRange };
}

/** The store actions the timeline calls; stable references, so selecting them never re-renders. */
export function useTimelineActions() {
  return useDashboardStore(
    useShallow((s) => ({
      setYearRange: s.setYearRange,
      toggleYear: s.toggleYear,
      toggleTone: s.toggleTone,
      toggleTheme: s.toggleTheme,
      select: s.select,
    })),
  );
}
