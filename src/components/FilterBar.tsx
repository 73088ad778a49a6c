import { memo, useCallback, useLayoutEffect, useMemo, useRef, type MouseEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDashboardStore } from '../store/store';
import { YearField } from './YearField';
import { PlayControl } from './PlayControl';
import { THEMES, TONES, type Dataset } from '../data/schema';
import { summarizeView } from '../crossfilter/summary';
import { DEFAULT_FILTERS } from '../crossfilter/filters';
import { THEME_COLORS, THEME_LABELS, TONE_COLORS, TONE_LABELS } from '../theme/palette';

/**
 * The filter bar. Each part subscribes to the filter fields it shows and nothing else, so a
 * selection, a map layer or an aid switch re-renders none of it, and a tone chip re-renders the
 * chips and the status line only.
 */
export function FilterBar({ dataset }: { dataset: Dataset }) {
  const { resetAllFilters } = useDashboardStore(useShallow((s) => ({ resetAllFilters: s.resetAllFilters })));
  const { from: first, to: last } = dataset.coverage;
  const resetButton = useRef<HTMLButtonElement>(null);

  return (
    <div className="filter-bar" role="search" aria-label="Filters">
      <div className="filter-bar__row">
        <YearFields first={first} last={last} />
        <PlayControl first={first} last={last} />
        <ToneChips />
        <ThemePicker dataset={dataset} />
        <button ref={resetButton} type="button" className="button" onClick={resetAllFilters}>
          Reset all filters
        </button>
      </div>
      <div className="filter-bar__row filter-bar__row--status">
        <ActiveFilters resetButton={resetButton} />
        <StatusLine dataset={dataset} />
      </div>
    </div>
  );
}

const YearFields = memo(function YearFields({ first, last }: { first: number; last: number }) {
  const yearRange = useDashboardStore((s) => s.filters.yearRange);
  const setYearRange = useDashboardStore((s) => s.setYearRange);
  const from = yearRange?.from ?? first;
  const to = yearRange?.to ?? last;
  const commit = (nextFrom: number, nextTo: number) =>
    setYearRange(nextFrom === first && nextTo === last ? null : { from: Math.min(nextFrom, nextTo), to: Math.max(nextFrom, nextTo) }, 'filter-bar');
  return (
    <>
      <YearField label="From year" value={from} min={first} max={last} onCommit={(y) => commit(y, Math.max(y, to))} />
      <YearField label="To year" value={to} min={first} max={last} onCommit={(y) => commit(Math.min(from, y), y)} />
    </>
  );
});

const ToneChips = memo(function ToneChips() {
  const tones = useDashboardStore((s) => s.filters.tones);
  const toggleTone = useDashboardStore((s) => s.toggleTone);
  return (
    <fieldset className="chip-group">
      <legend>Tone</legend>
      {TONES.map((tone) => (
        <button key={tone} type="button" className="chip" aria-pressed={tones.includes(tone)} onClick={() => toggleTone(tone)}>
          <span className="chip__swatch" style={{ background: TONE_COLORS[tone] }} aria-hidden="true" />
          {TONE_LABELS[tone]}
        </button>
      ))}
    </fieldset>
  );
});

const ThemePicker = memo(function ThemePicker({ dataset }: { dataset: Dataset }) {
  const themes = useDashboardStore((s) => s.filters.themes);
  const toggleTheme = useDashboardStore((s) => s.toggleTheme);
  const themesInData = useMemo(() => THEMES.filter((t) => dataset.events?.some((e) => e.theme === t) || dataset.incidents?.some((i) => i.theme === t)), [dataset]);
  return (
    <details className="theme-picker">
      <summary className="button">Themes{themes.length > 0 ? ` (${themes.length})` : ''}</summary>
      <fieldset className="theme-picker__list">
        <legend className="sr-only">Theme</legend>
        {themesInData.map((theme) => (
          <label key={theme} className="theme-picker__item">
            <input type="checkbox" checked={themes.includes(theme)} onChange={() => toggleTheme(theme)} />
            <span className="chip__swatch" style={{ background: THEME_COLORS[theme] }} aria-hidden="true" />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
    </details>
  );
});

/** Every active filter as a removable chip. Reads the selection's kind only: picking another event re-renders nothing here. */
const ActiveFilters = memo(function ActiveFilters({ resetButton }: { resetButton: RefObject<HTMLButtonElement | null> }) {
  const { yearRange, tones, themes, selectionKind } = useDashboardStore(
    useShallow((s) => ({ yearRange: s.filters.yearRange, tones: s.filters.tones, themes: s.filters.themes, selectionKind: s.filters.selection?.kind ?? null })),
  );
  const { setYearRange, toggleTone, toggleTheme, select } = useDashboardStore(
    useShallow((s) => ({ setYearRange: s.setYearRange, toggleTone: s.toggleTone, toggleTheme: s.toggleTheme, select: s.select })),
  );

  // A removed chip takes its button with it: focus goes to the chip now in its place, else the
  // one before it, else "Reset all filters" (never to <body>).
  const chipList = useRef<HTMLUListElement>(null);
  const removedChipIndex = useRef<number | null>(null);
  const removeChip = useCallback((event: MouseEvent<HTMLButtonElement>, remove: () => void) => {
    const chips = [...(chipList.current?.querySelectorAll('button') ?? [])];
    removedChipIndex.current = chips.indexOf(event.currentTarget);
    remove();
  }, []);
  useLayoutEffect(() => {
    const index = removedChipIndex.current;
    if (index === null) return;
    removedChipIndex.current = null;
    const chips = chipList.current?.querySelectorAll('button') ?? [];
    (chips[Math.min(index, chips.length - 1)] ?? resetButton.current)?.focus();
  }, [yearRange, tones, themes, selectionKind, resetButton]);

  const rangeLabel = yearRange ? (yearRange.from === yearRange.to ? `${yearRange.from}` : `${yearRange.from}–${yearRange.to}`) : null;
  return (
    <ul ref={chipList} className="active-filters" aria-label="Active filters">
      {rangeLabel && <RemovableChip text={`Years ${rangeLabel}`} action="remove filter" onRemove={(e) => removeChip(e, () => setYearRange(null, 'filter-bar'))} />}
      {tones.map((tone) => (
        <RemovableChip key={tone} text={TONE_LABELS[tone]} action="remove tone filter" onRemove={(e) => removeChip(e, () => toggleTone(tone))} />
      ))}
      {themes.map((theme) => (
        <RemovableChip key={theme} text={THEME_LABELS[theme]} action="remove theme filter" onRemove={(e) => removeChip(e, () => toggleTheme(theme))} />
      ))}
      {selectionKind && <RemovableChip text={`Selected ${selectionKind}`} action="clear the selection" onRemove={(e) => removeChip(e, () => select(null))} />}
    </ul>
  );
});

/** One active filter as a chip: its visible text starts its accessible name, so voice users can say what they see. */
function RemovableChip({ text, action, onRemove }: { text: string; action: string; onRemove: (event: MouseEvent<HTMLButtonElement>) => void }) {
  return (
    <li>
      <button type="button" className="chip chip--active" onClick={onRemove} aria-label={`${text}: ${action}`}>
        {text} <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** The status line: its counts depend on the years, tones, themes and strike tracker only. */
const StatusLine = memo(function StatusLine({ dataset }: { dataset: Dataset }) {
  const { yearRange, tones, themes, droneSeries } = useDashboardStore(
    useShallow((s) => ({ yearRange: s.filters.yearRange, tones: s.filters.tones, themes: s.filters.themes, droneSeries: s.filters.droneSeries })),
  );
  const summary = useMemo(() => summarizeView(dataset, { ...DEFAULT_FILTERS, yearRange, tones, themes, droneSeries }), [dataset, yearRange, tones, themes, droneSeries]);
  return (
    <p className="filter-bar__status" role="status">
      {summary}
    </p>
  );
});
