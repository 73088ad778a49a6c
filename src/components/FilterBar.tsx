import { useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardStore } from '../store/store';
import { YearField } from './YearField';
import { PlayControl } from './PlayControl';
import { THEMES, TONES, type Dataset } from '../data/schema';
import { summarizeView } from '../crossfilter/summary';
import { THEME_COLORS, THEME_LABELS, TONE_COLORS, TONE_LABELS } from '../theme/palette';

export function FilterBar({ dataset }: { dataset: Dataset }) {
  const filters = useDashboardStore((s) => s.filters);
  const { setYearRange, resetAllFilters, toggleTone, toggleTheme, select } = useDashboardStore(
    useShallow((s) => ({ setYearRange: s.setYearRange, resetAllFilters: s.resetAllFilters, toggleTone: s.toggleTone, toggleTheme: s.toggleTheme, select: s.select })),
  );
  const { from: first, to: last } = dataset.coverage;
  const from = filters.yearRange?.from ?? first;
  const to = filters.yearRange?.to ?? last;
  const summary = useMemo(() => summarizeView(dataset, filters), [dataset, filters]);
  const themesInData = useMemo(() => THEMES.filter((t) => dataset.events?.some((e) => e.theme === t) || dataset.incidents?.some((i) => i.theme === t)), [dataset]);

  const commit = (nextFrom: number, nextTo: number) =>
    setYearRange(nextFrom === first && nextTo === last ? null : { from: Math.min(nextFrom, nextTo), to: Math.max(nextFrom, nextTo) }, 'filter-bar');

  // A removed chip takes its button with it: focus goes to the chip now in its place, else the
  // one before it, else "Reset all filters" (never to <body>).
  const chipList = useRef<HTMLUListElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const removedChipIndex = useRef<number | null>(null);
  const removeChip = (event: MouseEvent<HTMLButtonElement>, remove: () => void) => {
    const chips = [...(chipList.current?.querySelectorAll('button') ?? [])];
    removedChipIndex.current = chips.indexOf(event.currentTarget);
    remove();
  };
  useLayoutEffect(() => {
    const index = removedChipIndex.current;
    if (index === null) return;
    removedChipIndex.current = null;
    const chips = chipList.current?.querySelectorAll('button') ?? [];
    (chips[Math.min(index, chips.length - 1)] ?? resetButton.current)?.focus();
  }, [filters]);

  const rangeLabel = filters.yearRange ? (filters.yearRange.from === filters.yearRange.to ? `${filters.yearRange.from}` : `${filters.yearRange.from}–${filters.yearRange.to}`) : null;

  return (
    <div className="filter-bar" role="search" aria-label="Filters">
      <div className="filter-bar__row">
        <YearField label="From year" value={from} min={first} max={last} onCommit={(y) => commit(y, Math.max(y, to))} />
        <YearField label="To year" value={to} min={first} max={last} onCommit={(y) => commit(Math.min(from, y), y)} />
        <PlayControl first={first} last={last} />
        <fieldset className="chip-group">
          <legend>Tone</legend>
          {TONES.map((tone) => (
            <button key={tone} type="button" className="chip" aria-pressed={filters.tones.includes(tone)} onClick={() => toggleTone(tone)}>
              <span className="chip__swatch" style={{ background: TONE_COLORS[tone] }} aria-hidden="true" />
              {TONE_LABELS[tone]}
            </button>
          ))}
        </fieldset>
        <details className="theme-picker">
          <summary className="button">Themes{filters.themes.length > 0 ? ` (${filters.themes.length})` : ''}</summary>
          <fieldset className="theme-picker__list">
            <legend className="sr-only">Theme</legend>
            {themesInData.map((theme) => (
              <label key={theme} className="theme-picker__item">
                <input type="checkbox" checked={filters.themes.includes(theme)} onChange={() => toggleTheme(theme)} />
                <span className="chip__swatch" style={{ background: THEME_COLORS[theme] }} aria-hidden="true" />
                {THEME_LABELS[theme]}
              </label>
            ))}
          </fieldset>
        </details>
        <button ref={resetButton} type="button" className="button" onClick={resetAllFilters}>
          Reset all filters
        </button>
      </div>
      <div className="filter-bar__row filter-bar__row--status">
        <ul ref={chipList} className="active-filters" aria-label="Active filters">
          {rangeLabel && (
            <li>
              <button type="button" className="chip chip--active" onClick={(e) => removeChip(e, () => setYearRange(null, 'filter-bar'))} aria-label={`Years ${rangeLabel}: remove filter`}>
                Years {rangeLabel} <span aria-hidden="true">×</span>
              </button>
            </li>
          )}
          {filters.tones.map((tone) => (
            <li key={tone}>
              <button type="button" className="chip chip--active" onClick={(e) => removeChip(e, () => toggleTone(tone))} aria-label={`${TONE_LABELS[tone]}: remove tone filter`}>
                {TONE_LABELS[tone]} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {filters.themes.map((theme) => (
            <li key={theme}>
              <button type="button" className="chip chip--active" onClick={(e) => removeChip(e, () => toggleTheme(theme))} aria-label={`${THEME_LABELS[theme]}: remove theme filter`}>
                {THEME_LABELS[theme]} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {filters.selection && (
            <li>
              <button type="button" className="chip chip--active" onClick={(e) => removeChip(e, () => select(null))} aria-label={`Selected ${filters.selection.kind}: clear the selection`}>
                Selected {filters.selection.kind} <span aria-hidden="true">×</span>
              </button>
            </li>
          )}
        </ul>
        <p className="filter-bar__status" role="status">
          {summary}
        </p>
      </div>
    </div>
  );
}
