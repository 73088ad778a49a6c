import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import type { YearRange } from '../../crossfilter/filters';
import { TONES, type ThemeName, type ToneName } from '../../data/schema';
import { THEME_COLORS, THEME_LABELS, TONE_LABELS } from '../../theme/palette';
import { EventDetailCard } from './EventDetailCard';
import { axisYears, brushYears, fractionAtClientX, fractionOfTime, isBrushDrag, MAX_ZOOM, MIN_ZOOM, pixelsToYears, tickLabelStep } from './timelineController';
import { eventsByLane, packLane, type DatePrecision, type TimelineEventView, type TimelineView } from './timelineSelectors';
import { useTimelineActions, useTimelinePanelData } from './useTimelinePanelData';
import { useTimelineViewport } from './useTimelineViewport';
import './timeline.css';

/** Marker widths in px by date precision: vaguer dates get wider, hollow markers. */
const MARKER_WIDTH: Record<DatePrecision, number> = { day: 12, month: 18, year: 26 };
const MARKER_HEIGHT = 12;
const ROW_STEP = 15;
const LANE_PAD = 8;
const MIN_LANE_HEIGHT = 40;
/** Must match .timeline__content's side padding. */
const PLOT_INSET = 14;

const PRECISION_KEY: Record<DatePrecision, string> = { day: 'Exact day', month: 'Month only (mid-month)', year: 'Year only (mid-year)' };

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`;
}

export function TimelinePanel() {
  const { view } = useTimelinePanelData();
  const actions = useTimelineActions();
  const viewport = useTimelineViewport();

  if (!view) return null;
  const controls = view.axis ? (
    <div className="timeline-zoom" role="group" aria-label="Timeline zoom">
      <button type="button" className="button" onClick={viewport.zoomOut} disabled={viewport.zoom <= MIN_ZOOM}>
        Zoom out
      </button>
      <button type="button" className="button" onClick={viewport.zoomIn} disabled={viewport.zoom >= MAX_ZOOM}>
        Zoom in
      </button>
      <button type="button" className="button" onClick={viewport.resetZoom} disabled={viewport.zoom === MIN_ZOOM}>
        Reset zoom
      </button>
      {viewport.zoom > MIN_ZOOM && (
        <>
          <button type="button" className="button" onClick={() => viewport.pan(-1)} aria-label="Pan to earlier years">
            <span aria-hidden="true">◀</span> Earlier
          </button>
          <button type="button" className="button" onClick={() => viewport.pan(1)} aria-label="Pan to later years">
            Later <span aria-hidden="true">▶</span>
          </button>
        </>
      )}
      <span className="timeline-zoom__level">{viewport.zoom === MIN_ZOOM ? 'All years' : `${Math.round(viewport.zoom * 10) / 10}×`}</span>
    </div>
  ) : undefined;

  return (
    <PanelFrame
      panel="timeline"
      controls={controls}
      hasOwnFilter={view.hasOwnFilter}
      table={view.table}
      sources={view.sourcesLine}
      note={view.axis ? 'Drag across the year strip to select a range; click a year to select it (again to clear). Ctrl + wheel zooms. Hollow, wider markers: date known only to the month or year.' : undefined}
    >
      {view.axis ? <TimelineBody view={view} axis={view.axis} actions={actions} viewport={viewport} /> : <EmptyState>{view.emptyMessage}</EmptyState>}
    </PanelFrame>
  );
}

interface BodyProps {
  view: TimelineView;
  axis: YearRange;
  actions: ReturnType<typeof useTimelineActions>;
  viewport: ReturnType<typeof useTimelineViewport>;
}

function TimelineBody({ view, axis, actions, viewport }: BodyProps) {
  const root = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // Drawn without the highlight: the same array while only the selection changes, so the lanes,
  // their packing and every marker but the (un)highlighted ones stay as they are.
  const lanes = useMemo(() => eventsByLane(view.drawnEvents), [view.drawnEvents]);
  const registerButton = useCallback((id: string, el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el);
    else buttons.current.delete(id);
  }, []);
  const { zoom, attachScroller } = viewport;
  // The plot is inset by the content's side padding (timeline.css), which keeps edge markers whole.
  const contentWidth = Math.max(100, viewport.contentWidth - 2 * PLOT_INSET);

  // Deterministic packing per lane at the current pixel scale: stacked, never hidden.
  const layout = useMemo(() => {
    const result = {} as Record<ToneName, { rows: Map<string, number>; height: number; rowCount: number }>;
    for (const tone of TONES) {
      const { rows, rowCount } = packLane(lanes[tone].map((e) => ({ id: e.id, t: e.t, halfWidth: pixelsToYears(MARKER_WIDTH[e.precision] / 2 + 1, contentWidth, axis) })));
      result[tone] = { rows, rowCount, height: Math.max(MIN_LANE_HEIGHT, 2 * LANE_PAD + (rowCount - 1) * ROW_STEP + MARKER_HEIGHT) };
    }
    return result;
  }, [lanes, contentWidth, axis]);

  // The events are one Tab stop (roving tabindex): the last event focused, else the selected
  // one, else the first. Arrow keys, Home and End move inside; Enter or Space selects.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabStopId = useMemo(() => {
    if (focusedId !== null && view.drawnEvents.some((e) => e.id === focusedId)) return focusedId;
    return (view.drawnEvents.find((e) => view.highlightedIds.has(e.id)) ?? TONES.map((tone) => lanes[tone][0]).find(Boolean))?.id ?? null;
  }, [focusedId, view.drawnEvents, view.highlightedIds, lanes]);

  /** Closes the card and gives focus back to where it was, else to the event, else the panel heading: never to <body>. */
  const closeCard = (returnFocusTo: HTMLElement | null = null) => {
    const id = view.detail?.event.id;
    actions.select(null);
    const fallback = (id ? buttons.current.get(id) : undefined) ?? (tabStopId ? buttons.current.get(tabStopId) : undefined);
    for (const target of [returnFocusTo, fallback]) {
      if (!target?.isConnected) continue;
      target.focus();
      if (document.activeElement === target) return;
    }
    root.current?.closest('.panel')?.querySelector<HTMLElement>('.panel__title')?.focus();
  };

  // Arrow keys move between events: left/right within a lane, up/down to the nearest in the next lane.
  const onLanesKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const id = target.dataset.eventId;
    const tone = target.dataset.tone as ToneName | undefined;
    if (!id || !tone) return;
    if (event.key === 'Escape' && view.detail) {
      event.preventDefault();
      closeCard(target);
      return;
    }
    const lane = lanes[tone];
    const index = lane.findIndex((e) => e.id === id);
    const current = lane[index];
    if (!current) return;
    let next: TimelineEventView | undefined;
    if (event.key === 'ArrowRight') next = lane[index + 1];
    else if (event.key === 'ArrowLeft') next = lane[index - 1];
    else if (event.key === 'Home') next = lane[0];
    else if (event.key === 'End') next = lane[lane.length - 1];
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const step = event.key === 'ArrowUp' ? -1 : 1;
      for (let i = TONES.indexOf(tone) + step; i >= 0 && i < TONES.length && !next; i += step) {
        const other = lanes[TONES[i]!];
        next = other.reduce<TimelineEventView | undefined>((best, e) => (!best || Math.abs(e.t - current.t) < Math.abs(best.t - current.t) ? e : best), undefined);
      }
    } else return;
    event.preventDefault();
    if (next) buttons.current.get(next.id)?.focus();
  };

  const range = view.dimmingRange ?? view.filteringRange;
  const years = axisYears(axis);
  const bandLeft = (r: YearRange) => pct((r.from - axis.from) / years);
  const bandWidth = (r: YearRange) => pct((r.to - r.from + 1) / years);

  return (
    <div className="timeline" ref={root}>
      <div className={`timeline__wrap${view.detail ? ' timeline__wrap--with-card' : ''}`}>
        <div className="timeline__layout">
          <div className="timeline__chart">
            <div className="timeline__labels" role="group" aria-label="Filter by tone (lanes)">
              {TONES.map((tone) => (
                <button
                  key={tone}
                  type="button"
                  className={`timeline__lane-label timeline__lane-label--${tone}`}
                  style={{ height: layout[tone].height }}
                  aria-label={`${TONE_LABELS[tone]} lane`}
                  aria-pressed={view.toneFilter.includes(tone)}
                  onClick={() => actions.toggleTone(tone)}
                  title={`Show only ${TONE_LABELS[tone].toLowerCase()} events (toggle)`}
                >
                  {TONE_LABELS[tone]}
                </button>
              ))}
              <span className="timeline__strip-label" aria-hidden="true">
                Years
              </span>
            </div>
            <div className="timeline__scroller" ref={attachScroller}>
              <div className="timeline__content" style={{ width: `${zoom * 100}%` }}>
                <div className="timeline__plot">
                  <YearGrid axis={axis} />
                  {range && <div className={`timeline__range ${view.dimmingRange ? 'timeline__range--brush' : 'timeline__range--filter'}`} style={{ left: bandLeft(range), width: bandWidth(range) }} aria-hidden="true" />}
                  <div className="timeline__lanes" role="group" aria-label="Events: arrow keys move between them, Enter selects" onKeyDown={onLanesKeyDown}>
                    {TONES.map((tone) => (
                      <div key={tone} className={`timeline__lane timeline__lane--${tone}`} style={{ height: layout[tone].height }} role="group" aria-label={`${TONE_LABELS[tone]} events`}>
                        {lanes[tone].map((event) => {
                          const { rows, rowCount } = layout[tone];
                          const stackHeight = (rowCount - 1) * ROW_STEP + MARKER_HEIGHT;
                          const top = (layout[tone].height - stackHeight) / 2 + (rows.get(event.id) ?? 0) * ROW_STEP;
                          return (
                            <EventMarker
                              key={event.id}
                              event={event}
                              left={fractionOfTime(event.t, axis)}
                              top={top}
                              highlighted={view.highlightedIds.has(event.id)}
                              tabStop={event.id === tabStopId}
                              register={registerButton}
                              onFocusEvent={setFocusedId}
                              onSelect={actions.select}
                            />
                          );
                        })}
                      </div>
                    ))}
                    {view.emptyMessage && <p className="timeline__empty">{view.emptyMessage}</p>}
                  </div>
                  <YearStrip axis={axis} contentWidth={contentWidth} yearRange={view.dimmingRange ?? view.filteringRange} ownRange={view.dimmingRange !== null} actions={actions} />
                </div>
              </div>
            </div>
          </div>
          <Legend themesPresent={view.themesPresent} themeFilter={view.themeFilter} precisionsPresent={view.precisionsPresent} onToggleTheme={actions.toggleTheme} />
        </div>
        {view.detail && <EventDetailCard detail={view.detail} onClose={closeCard} />}
      </div>
    </div>
  );
}

interface MarkerProps {
  event: TimelineEventView;
  /** Axis fraction of the marker's centre. */
  left: number;
  top: number;
  highlighted: boolean;
  tabStop: boolean;
  register: (id: string, el: HTMLButtonElement | null) => void;
  onFocusEvent: (id: string) => void;
  onSelect: ReturnType<typeof useTimelineActions>['select'];
}

/**
 * One event marker. Memoised on plain props (the event's view object is reused while it does not
 * change), so a change of selection or focus re-renders only the markers it touches.
 */
const EventMarker = memo(function EventMarker({ event, left, top, highlighted, tabStop, register, onFocusEvent, onSelect }: MarkerProps) {
  return (
    <button
      ref={(el) => register(event.id, el)}
      type="button"
      className={`timeline-event timeline-event--${event.precision}${event.dimmed ? ' is-dimmed' : ''}${highlighted ? ' is-selected' : ''}`}
      style={{ left: pct(left), top, ['--theme' as string]: THEME_COLORS[event.theme] }}
      aria-label={event.name}
      aria-pressed={highlighted}
      title={`${event.name} (${TONE_LABELS[event.tone]}, ${THEME_LABELS[event.theme]})`}
      data-event-id={event.id}
      data-tone={event.tone}
      tabIndex={tabStop ? 0 : -1}
      onFocus={() => onFocusEvent(event.id)}
      onClick={() => onSelect({ kind: 'event', id: event.id })}
    />
  );
});

const YearGrid = memo(function YearGrid({ axis }: { axis: YearRange }) {
  const years = axisYears(axis);
  return (
    <div className="timeline__grid" aria-hidden="true">
      {Array.from({ length: years }, (_, i) => (
        <span key={i} className="timeline__gridline" style={{ left: pct(i / years) }} />
      ))}
    </div>
  );
});

interface StripProps {
  axis: YearRange;
  contentWidth: number;
  yearRange: YearRange | null;
  ownRange: boolean;
  actions: ReturnType<typeof useTimelineActions>;
}

/**
 * The brush: drag across the strip to set a year range (committed on release), or click one
 * year's tick to toggle that year. Keyboard users set ranges in the filter bar's year fields,
 * and can still toggle single years with the tick buttons (one Tab stop, arrow keys inside).
 */
const YearStrip = memo(function YearStrip({ axis, contentWidth, yearRange, ownRange, actions }: StripProps) {
  const strip = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startFraction: number; moved: boolean; pointerId: number } | null>(null);
  const suppressClick = useRef(false);
  const [preview, setPreview] = useState<YearRange | null>(null);
  const years = axisYears(axis);
  const step = tickLabelStep(contentWidth, axis);

  const fractionAt = (clientX: number) => fractionAtClientX(clientX, strip.current?.getBoundingClientRect() ?? { left: 0, width: 0 });

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    suppressClick.current = false;
    drag.current = { startX: event.clientX, startFraction: fractionAt(event.clientX), moved: false, pointerId: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    if (!d.moved && isBrushDrag(d.startX, event.clientX)) {
      d.moved = true;
      // Keep receiving moves outside the strip; jsdom has no pointer capture.
      if (typeof strip.current?.setPointerCapture === 'function') {
        try {
          strip.current.setPointerCapture(d.pointerId);
        } catch {
          /* the pointer may already be gone */
        }
      }
    }
    if (d.moved) setPreview(brushYears(d.startFraction, fractionAt(event.clientX), axis));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    setPreview(null);
    if (!d || !d.moved) return;
    suppressClick.current = true;
    actions.setYearRange(brushYears(d.startFraction, fractionAt(event.clientX), axis), 'timeline');
  };
  const onPointerCancel = () => {
    drag.current = null;
    setPreview(null);
  };
  const onTickClick = (year: number, event: MouseEvent<HTMLButtonElement>) => {
    // A drag that ended on a tick is a brush, not a click (keyboard clicks have detail 0).
    if (suppressClick.current && event.detail !== 0) {
      suppressClick.current = false;
      return;
    }
    actions.toggleYear(year, 'timeline');
  };

  // One Tab stop for the strip (roving tabindex): Left/Right, Home/End move between years.
  const [focusedYear, setFocusedYear] = useState<number | null>(null);
  const tabStopYear = focusedYear !== null && focusedYear >= axis.from && focusedYear <= axis.to ? focusedYear : ownRange && yearRange ? yearRange.from : axis.from;
  const onTickKeyDown = (year: number, event: KeyboardEvent<HTMLButtonElement>) => {
    const next = { ArrowLeft: year - 1, ArrowRight: year + 1, Home: axis.from, End: axis.to }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    strip.current?.querySelectorAll<HTMLButtonElement>('.timeline__tick')[Math.min(Math.max(next, axis.from), axis.to) - axis.from]?.focus();
  };

  const shown = preview ?? yearRange;
  return (
    <div
      ref={strip}
      className={`timeline__strip${preview ? ' is-brushing' : ''}`}
      data-testid="timeline-brush"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      role="group"
      aria-label="Years: drag to select a range, or choose a year"
    >
      {shown && (
        <div
          className={`timeline__strip-range${preview ? ' is-preview' : ''}`}
          style={{ left: pct((shown.from - axis.from) / years), width: pct((shown.to - shown.from + 1) / years) }}
          aria-hidden="true"
        />
      )}
      {Array.from({ length: years }, (_, i) => {
        const year = axis.from + i;
        const single = ownRange && yearRange !== null && yearRange.from === year && yearRange.to === year;
        const outside = ownRange && yearRange !== null && (year < yearRange.from || year > yearRange.to);
        const labelled = (year - axis.from) % step === 0;
        return (
          <button
            key={year}
            type="button"
            className={`timeline__tick${outside ? ' is-dimmed' : ''}${labelled ? '' : ' timeline__tick--minor'}`}
            style={{ left: pct(i / years), width: pct(1 / years) }}
            aria-label={String(year)}
            aria-pressed={single}
            tabIndex={year === tabStopYear ? 0 : -1}
            onFocus={() => setFocusedYear(year)}
            onKeyDown={(event) => onTickKeyDown(year, event)}
            onClick={(event) => onTickClick(year, event)}
          >
            {labelled ? year : ''}
          </button>
        );
      })}
    </div>
  );
});

interface LegendProps {
  themesPresent: readonly ThemeName[];
  themeFilter: readonly ThemeName[];
  precisionsPresent: readonly DatePrecision[];
  onToggleTheme: (theme: ThemeName) => void;
}

const Legend = memo(function Legend({ themesPresent, themeFilter, precisionsPresent, onToggleTheme }: LegendProps) {
  return (
    <div className="timeline-legend">
      <div className="timeline-legend__themes" role="group" aria-label="Filter by theme">
        {themesPresent.map((theme) => (
          <button key={theme} type="button" className="timeline-legend__item" aria-pressed={themeFilter.includes(theme)} onClick={() => onToggleTheme(theme)}>
            <span className="timeline-swatch" style={{ background: THEME_COLORS[theme] }} aria-hidden="true" />
            {THEME_LABELS[theme]}
          </button>
        ))}
      </div>
      {precisionsPresent.length > 1 && (
        <ul className="timeline-legend__precision" aria-label="Date precision">
          {precisionsPresent.map((p) => (
            <li key={p}>
              <span className={`timeline-legend__marker timeline-event timeline-event--${p}`} aria-hidden="true" />
              {PRECISION_KEY[p]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
