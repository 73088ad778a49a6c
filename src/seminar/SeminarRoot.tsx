import { useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import { FilterBar } from '../components/FilterBar';
import { PANEL_VIEWS } from '../panels/panelViews';
import { useDashboardStore } from '../store/store';
import { datasetBounds, filtersMatchSlide, SLIDE_LAYOUTS, type SlideLayout } from './deck';
import { LAYOUT_LABELS } from './DeckEditor';
import { exitFullscreenSafely } from './fullscreen';
import { keyToNavAction } from './navigation';
import { useSeminarStore } from './seminarStore';
import './seminar.css';

/** Slide changes fade in, never longer than this (and not at all under reduced motion). */
export const SLIDE_TRANSITION_MS = 240;

/** Screens at least this tall show the filter bar from the start. */
const SHOW_FILTERS_MIN_HEIGHT = 900;

/** How far a one-chart slide may scale its chart up. */
const MAX_CHART_ZOOM = 2;

const EDITABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Leaves seminar mode and full screen, and gives focus back to where the speaker was. */
export function leaveSeminar(): void {
  useSeminarStore.getState().exit();
  exitFullscreenSafely();
}

/**
 * Seminar mode: a full-screen view of the current slide (title, caption, sources), the
 * panels in the slide's layout, a compact filter bar for live answers, and the slide controls.
 * It renders the panels from the registry itself; the dashboard underneath is hidden and inert
 * while it is on, but keeps the address bar in step with the filters.
 */
export function SeminarRoot(): JSX.Element | null {
  const active = useSeminarStore((s) => s.active);
  if (!active) return null;
  return createPortal(<SeminarView />, document.body);
}

function SeminarView() {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore((s) => s.filters);
  const deck = useSeminarStore((s) => s.deck);
  const index = useSeminarStore((s) => s.index);
  const digits = useSeminarStore((s) => s.digits);
  const layout = useSeminarStore((s) => s.layout);
  const { navigate, backToSlide, setLayout } = useSeminarStore.getState();
  // On a short screen the panels need the room: the filter bar starts folded away.
  const [filtersOpen, setFiltersOpen] = useState(() => window.innerHeight >= SHOW_FILTERS_MIN_HEIGHT);
  const mainRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const slide = deck.slides[index];
  const count = deck.slides.length;

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
      else if (wasFullscreen) useSeminarStore.getState().exit();
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

  // A gentle fade between slides; none under reduced motion.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const el = stageRef.current;
    if (!el || prefersReducedMotion() || typeof el.animate !== 'function') return;
    el.animate([{ opacity: 0.25, transform: 'translateY(6px)' }, { opacity: 1, transform: 'none' }], { duration: SLIDE_TRANSITION_MS, easing: 'ease-out' });
  }, [index]);

  // A one-chart slide scales its chart up to fill the screen (the charts draw at a fixed height).
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage || (layout !== 'aid' && layout !== 'drones')) return;
    const body = stage.querySelector<HTMLElement>(`[data-cell="${layout}"] .panel__body`);
    const panel = body?.closest<HTMLElement>('.panel');
    if (!body || !panel) return;
    const fit = () => {
      body.style.removeProperty('zoom');
      const chrome = [...panel.children].reduce((sum, child) => (child === body || !(child instanceof HTMLElement) ? sum : sum + child.offsetHeight), 0);
      const available = window.innerHeight - stage.getBoundingClientRect().top + (mainRef.current?.scrollTop ?? 0) - chrome - 48;
      const zoom = Math.min(MAX_CHART_ZOOM, Math.max(1, available / Math.max(1, body.offsetHeight)));
      if (zoom > 1.02) body.style.setProperty('zoom', zoom.toFixed(3));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      body.style.removeProperty('zoom');
    };
  }, [layout, index, filters, filtersOpen]);

  const bounds = datasetBounds(dataset);
  const onSlide = slide ? filtersMatchSlide(filters, slide, bounds) && layout === slide.layout : true;
  const sourceTitles = useMemo(() => {
    if (!slide) return [];
    return slide.sources.map((id) => dataset?.sources.find((s) => s.id === id)?.title ?? id);
  }, [slide, dataset]);

  const n = index + 1;
  return (
    <div className="seminar" data-layout={layout}>
      <main ref={mainRef} className="seminar__main" aria-label="Seminar mode" tabIndex={-1}>
        <header className="seminar__top">
          <div className="seminar__heading">
            <p className="seminar__deck">{deck.title || 'Slides'}</p>
            <h1 className="seminar__title">{slide?.title || 'Untitled slide'}</h1>
          </div>
          <nav className="seminar__nav" aria-label="Slides">
            <p className="seminar__counter" aria-live="polite">
              Slide {n} of {count}
            </p>
            {digits && (
              <p className="seminar__jump" aria-live="assertive">
                Go to slide {digits}… <span className="sr-only">press Enter</span>
              </p>
            )}
            <button type="button" className="button" onClick={() => navigate({ type: 'prev' })} disabled={index === 0}>
              Previous
            </button>
            <button type="button" className="button" onClick={() => navigate({ type: 'next' })} disabled={index >= count - 1}>
              Next
            </button>
            <button type="button" className="button" onClick={leaveSeminar} aria-keyshortcuts="Escape">
              Exit
            </button>
          </nav>
        </header>
        <div className="seminar__progress" role="progressbar" aria-label="Slide progress" aria-valuemin={1} aria-valuemax={count} aria-valuenow={n} aria-valuetext={`Slide ${n} of ${count}`}>
          <div className="seminar__progress-fill" style={{ width: `${(n / Math.max(1, count)) * 100}%` }} />
        </div>
        {slide && (slide.caption || sourceTitles.length > 0) && (
          <div className="seminar__caption">
            {slide.caption && <p className="seminar__caption-text">{slide.caption}</p>}
            {sourceTitles.length > 0 && (
              <p className="seminar__sources">
                <span className="seminar__sources-label">Sources: </span>
                {sourceTitles.join('; ')}
              </p>
            )}
          </div>
        )}
        <div className="seminar__live">
          <p className={`seminar__live-status${onSlide ? '' : ' seminar__live-status--changed'}`} role="status">
            {onSlide ? 'Showing the slide’s view.' : 'Live view: filters changed. Press B to go back.'}
          </p>
          <button type="button" className="button" onClick={backToSlide} aria-keyshortcuts="B">
            Back to slide
          </button>
          <label className="seminar__layout">
            <span>Panels shown</span>
            <select value={layout} onChange={(e) => setLayout(e.target.value as SlideLayout)}>
              {SLIDE_LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {LAYOUT_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" aria-expanded={filtersOpen} aria-controls="seminar-filters" onClick={() => setFiltersOpen((o) => !o)}>
            {filtersOpen ? 'Hide filters' : 'Show filters'}
          </button>
        </div>
        <div id="seminar-filters" className="seminar__filters" hidden={!filtersOpen}>
          {dataset && <FilterBar dataset={dataset} />}
        </div>
        <div ref={stageRef} className={`seminar__stage seminar__stage--${layout === 'grid' ? 'grid' : 'single'}`}>
          {dataset ? (
            PANEL_VIEWS.map(({ id, Component }) => (
              <div key={id} className="seminar__cell" data-cell={id} hidden={layout !== 'grid' && layout !== id}>
                <Component />
              </div>
            ))
          ) : (
            <p className="seminar__loading">Loading the dataset…</p>
          )}
        </div>
      </main>
    </div>
  );
}
