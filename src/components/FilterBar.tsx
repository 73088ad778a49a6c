import { useDashboardStore } from '../store/store';
import { YearField } from './YearField';
import type { Dataset } from '../data/schema';

export function FilterBar({ dataset }: { dataset: Dataset }) {
  const yearRange = useDashboardStore((s) => s.filters.yearRange);
  const setYearRange = useDashboardStore((s) => s.setYearRange);
  const resetAllFilters = useDashboardStore((s) => s.resetAllFilters);
  const { from: first, to: last } = dataset.coverage;
  const from = yearRange?.from ?? first;
  const to = yearRange?.to ?? last;

  const commit = (nextFrom: number, nextTo: number) =>
    setYearRange(nextFrom === first && nextTo === last ? null : { from: Math.min(nextFrom, nextTo), to: Math.max(nextFrom, nextTo) }, 'filter-bar');

  return (
    <div className="filter-bar" role="search" aria-label="Filters">
      <YearField label="From year" value={from} min={first} max={last} onCommit={(y) => commit(y, Math.max(y, to))} />
      <YearField label="To year" value={to} min={first} max={last} onCommit={(y) => commit(Math.min(from, y), y)} />
      <button type="button" className="button" onClick={resetAllFilters}>
        Reset all filters
      </button>
      <p className="filter-bar__status" role="status">
        {yearRange ? `Showing ${yearRange.from}–${yearRange.to}` : `Showing all years, ${first}–${last}`}
      </p>
    </div>
  );
}
