/**
 * Present mode's full-screen view. Everything is drawn to fit the screen: the slide's title, its
 * panels in the slide's layout (each panel's projector view from the registry), the caption and
 * sources, and the slide controls. Working controls (filters, layout, "Back to slide") stay out
 * of sight until the speaker asks for them (F, or Tab into them); the pointer hides when idle.
 */
import { createElement, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FilterBar } from '../components/FilterBar';
import { slideUnit, yearsLabel } from '../components/slide/slideKit';
import { PANEL_VIEWS } from '../panels/panelViews';
import { PANEL_SLIDES } from '../panels/panelSlides';
import { originStatement } from '../import/dataOrigin';
import { useDashboardStore } from '../store/store';
import type { Source } from '../data/schema';
import { datasetBounds, filtersMatchSlide, LAYOUT_LABELS, layoutCells, slideToFilters, SLIDE_LAYOUTS, type SlideCell, type SlideLayout } from './deck';
import { leaveSeminar } from './SeminarRoot';
import { keyToNavAction } from './navigation';
import { useSeminarStore } from './seminarStore';
import '../components/slide/slide.css';
import './seminar.css';

/** Slide changes fade in, never longer than this (and not at all under reduced motion). */
export const SLIDE_TRANSITION_MS = 240;
/** The pointer hides after this long without moving. */
export const CURSOR_IDLE_MS = 2000;
/** How many sources a slide names before "and N more". */
const SOURCES_NAMED = 3;

const EDITABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** "Congressional Research Service, 2019": publisher without its parenthesis, and the year. */
export function shortCitation(source: Pick<Source, 'publisher' | 'date' | 'title'>): string {
  const publisher = source.publisher.replace(/\s*\([^)]*\)/g, '').trim() || source.title;
  const year = /^\d{4}/.exec(source.date)?.[0];
  return year && !publisher.includes(year) ? `${publisher}, ${year}` : publisher;
}

/** "Sources: A; B; C; and 2 more (see the panels' tables)". */
export function sourcesLine(citations: readonly string[]): string {
  const unique = [...new Set(citations)];
  if (unique.length === 0) return '';
  const named = unique.slice(0, SOURCES_NAMED);
  const rest = unique.length - named.length;
  return `Sources: ${named.join('; ')}${rest > 0 ? `; and ${rest} more (see the tables)` : ''}`;
}

function useViewportUnit(): number {
  const [unit, setUnit] = useState(() => slideUnit(window.innerHeight));
  useEffect(() => {
    const onResize = () => setUnit(slideUnit(window.innerHeight));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return unit;
}

/** Hides the pointer after a while without movement; any movement brings it back. */
function useIdleCursor(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), CURSOR_IDLE_MS);
    const onMove = () => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), CURSOR_IDLE_MS);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerdown', onMove);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onMove);
    };
  }, []);
  return idle;
}

function Cell({ cell, unit }: { cell: SlideCell; unit: number }) {
  // Both come from module-level registries (never created here), so their identity is stable.
  const view = PANEL_VIEWS.find((p) => p.id === cell.panel)?.Component;
  const slide = PANEL_SLIDES.get(cell.panel);
  if (!view) return null;
  const content = slide ? createElement(slide, { unit, ...(cell.variant ? { variant: cell.variant } : {}) }) : createElement(view);
  return (
    <div className="seminar__cell" data-cell={cell.variant === 'list' ? 'events' : cell.panel}>
      <Suspense fallback={<p className="slide-empty">Loading…</p>}>{content}</Suspense>
    </div>
  );
}

export default function SeminarView() {
  const dataset = useDashboardStore((s) => s.dataset);
  const origin = useDashboardStore((s) => s.datasetOrigin);
  const filters = useDashboardStore((s) => s.filters);
  const deck = useSeminarStore((s) => s.deck);
  const index = useSeminarStore((s) => s.index);
  const digits = useSeminarStore((s) => s.digits);
  const layout = useSeminarStore((s) => s.layout);
  const { navigate, backToSlide, setLayout } = useSeminarStore.getState();
  const [toolsOpen, setToolsOpen] = useState(false);
  const unit = useViewportUnit();
  const idle = useIdleCursor();
  const mainRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const layoutChosen = useRef(false);
  const slide = deck.slides[index];
  const count = deck.slides.length;
  const bounds = datasetBounds(dataset);
  const slideFilters = useMemo(() => (slide ? slideToFilters(slide, bounds) : null), [slide, bounds?.min, bounds?.max]); // eslint-disable-line react-hooks/exhaustive-deps

  // Hide the dashboard underneath (and keep it out of the tab order) while presenting.
  useLayoutEffect(() => {
    const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    document.documentElement.classList.add('seminar-active');
    root?.setAttribute('inert', '');
    mainRef.current?.focus();
    return () => {
      document.documentElement.classList.remove('seminar-active');
      root?.removeAttribute('inert');
      previousFocus?.focus();
    };
  }, []);

  // Leaving full screen (Esc in full screen is taken by the browser) leaves seminar mode too.
  useEffect(() => {
    let wasFullscreen = Boolean(document.fullscreenElement);
    const onChange = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) leaveSeminar();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === 'Escape') {
        event.preventDefault();
        leaveSeminar();
        return;
      }
      // Typing in a year field or choosing in a select is a live answer, not navigation.
      if (target && (EDITABLE.has(target.tagName) || target.isContentEditable)) return;
      if (event.key === 'b' || event.key === 'B') {
        event.preventDefault();
        backToSlide();
        return;
      }
      if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        setToolsOpen((open) => !open);
        return;
      }
      const action = keyToNavAction(event.key);
      if (!action) return;
      const onControl = target?.closest('button, a[href], summary, [role="button"]');
      const typingNumber = useSeminarStore.getState().digits !== '';
      // Space, and Enter without a typed slide number, press the focused control as usual.
      if ((event.key === ' ' || event.key === 'Spacebar') && onControl) return;
      if (action.type === 'enter' && !typingNumber) return;
      event.preventDefault();
      navigate(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, backToSlide]);

  // A new slide starts clean: its own layout, no leftover popup or hover state.
  useEffect(() => {
    layoutChosen.current = false;
    document.querySelectorAll('.seminar .leaflet-popup-close-button').forEach((b) => (b as HTMLElement).click());
  }, [index]);

  // A live question about other years gets the answer layout: their aid, strikes and events together.
  const rangeKey = filters.yearRange ? `${filters.yearRange.from}-${filters.yearRange.to}` : 'all';
  const slideRangeKey = slideFilters?.yearRange ? `${slideFilters.yearRange.from}-${slideFilters.yearRange.to}` : 'all';
  useEffect(() => {
    if (rangeKey !== slideRangeKey && !layoutChosen.current && layout !== 'answer') setLayout('answer');
  }, [rangeKey, slideRangeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // A gentle fade between slides; none under reduced motion.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const el = stageRef.current;
    if (!el || prefersReducedMotion() || typeof el.animate !== 'function') return;
    el.animate([{ opacity: 0.25 }, { opacity: 1 }], { duration: SLIDE_TRANSITION_MS, easing: 'ease-out' });
  }, [index]);

  const onSlide = slide ? filtersMatchSlide(filters, slide, bounds) && layout === slide.layout : true;
  const sources = useMemo(() => {
    if (!slide || !dataset) return '';
    const byId = new Map(dataset.sources.map((s) => [s.id, s]));
    return sourcesLine(slide.sources.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined).map(shortCitation));
  }, [slide, dataset]);
  const { arrangement, cells } = layoutCells(layout);
  const n = index + 1;
  // On every slide while the data is not the built-in dataset: the same words as the exports.
  const originLine = originStatement(origin);

  return (
    <div className={`seminar${idle ? ' seminar--idle' : ''}`} data-layout={layout} style={{ ['--u' as string]: `${unit}px` }}>
      <main ref={mainRef} className="seminar__main" aria-label="Seminar mode" tabIndex={-1}>
        <div className="seminar__progress" role="progressbar" aria-label="Slide progress" aria-valuemin={1} aria-valuemax={count} aria-valuenow={n} aria-valuetext={`Slide ${n} of ${count}`}>
          <div className="seminar__progress-fill" style={{ width: `${(n / Math.max(1, count)) * 100}%` }} />
        </div>
        <header className="seminar__top">
          <h1 className="seminar__title">{onSlide ? slide?.title || 'Untitled slide' : `Live: ${yearsLabel(filters.yearRange, 'all years')}`}</h1>
          <p className={onSlide ? 'sr-only' : 'seminar__live-status'} role="status">
            {onSlide ? 'Showing the slide’s view.' : 'Live view: filters changed. Press B to go back.'}
          </p>
        </header>
        <div ref={stageRef} className={`seminar__stage seminar__stage--${arrangement}`}>
          {dataset ? cells.map((cell) => <Cell key={`${cell.panel}-${cell.variant ?? ''}`} cell={cell} unit={unit} />) : <p className="slide-empty">Loading the dataset…</p>}
        </div>
        <footer className="seminar__foot">
          <div className="seminar__caption">
            {onSlide && slide?.caption && <p className="seminar__caption-text">{slide.caption}</p>}
            {onSlide && sources && <p className="seminar__sources">{sources}</p>}
            {originLine && <p className="seminar__origin">{originLine}</p>}
          </div>
          <nav className="seminar__nav" aria-label="Slides">
            <p className="seminar__counter" aria-live="polite">
              Slide {n} of {count}
            </p>
            {digits && (
              <p className="seminar__jump" aria-live="assertive">
                Go to {digits}… <span className="sr-only">press Enter</span>
              </p>
            )}
            <button type="button" className="seminar__button" onClick={() => navigate({ type: 'prev' })} disabled={index === 0}>
              Previous
            </button>
            <button type="button" className="seminar__button" onClick={() => navigate({ type: 'next' })} disabled={index >= count - 1}>
              Next
            </button>
            <button type="button" className="seminar__button" aria-expanded={toolsOpen} aria-controls="seminar-tools" aria-keyshortcuts="F" onClick={() => setToolsOpen((o) => !o)}>
              Filters
            </button>
            <button type="button" className="seminar__button" onClick={leaveSeminar} aria-keyshortcuts="Escape">
              Exit
            </button>
          </nav>
        </footer>
        {/* Out of sight until asked for (F or the Filters button), or until Tab reaches it. */}
        <div id="seminar-tools" className={toolsOpen ? 'seminar__tools seminar__tools--open' : 'seminar__tools'} role="group" aria-label="Live filters">
          <div className="seminar__tools-row">
            <button type="button" className="seminar__button" onClick={backToSlide} aria-keyshortcuts="B">
              Back to slide
            </button>
            <label className="seminar__layout">
              <span>Panels shown</span>
              <select
                value={layout}
                onChange={(e) => {
                  layoutChosen.current = true;
                  setLayout(e.target.value as SlideLayout);
                }}
              >
                {SLIDE_LAYOUTS.map((l) => (
                  <option key={l} value={l}>
                    {LAYOUT_LABELS[l]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="seminar__button" onClick={() => setToolsOpen(false)}>
              Hide filters
            </button>
          </div>
          {dataset && <FilterBar dataset={dataset} />}
        </div>
      </main>
    </div>
  );
}
