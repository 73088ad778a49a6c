import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { THEME_COLORS } from '../../theme/palette';
import type { ReportedValue } from '../../data/figures';
import type { EventDetail } from './timelineSelectors';

/**
 * Whether the last input was a key (as a :focus-visible polyfill would judge it): a browser's own
 * :focus-visible can miss a key press that React turns into a selection, and jsdom has none.
 */
let lastInputWasKey = false;
if (typeof document !== 'undefined') {
  document.addEventListener('keydown', () => (lastInputWasKey = true), true);
  document.addEventListener('pointerdown', () => (lastInputWasKey = false), true);
}

/**
 * The element that opened the card, when the card should take focus from it: a control the user
 * just used, outside the map (whose popup shows the same selection where the user is).
 */
function openerToFocusFrom(card: HTMLElement | null): HTMLElement | null {
  const opener = document.activeElement;
  if (!(opener instanceof HTMLElement) || opener === document.body || card?.contains(opener)) return null;
  if (opener.closest('.leaflet-container')) return null;
  return opener;
}

/**
 * The selected event's card, inside the panel (never a modal): date with its precision, tone,
 * theme, description, the single-source flag, the linked incident and the sources. Every value is
 * React text; only http(s) URLs become links.
 *
 * A labelled region. When the user opens it (or picks another event), focus moves to its heading,
 * so a screen reader reads the title and Close is the next Tab stop; Escape or Close closes it and
 * `onClose` gets the element focus came from, to give focus back.
 */
export function EventDetailCard({ detail, onClose }: { detail: EventDetail; onClose: (returnFocusTo: HTMLElement | null) => void }) {
  const headingId = useId();
  const card = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const { event, incident } = detail;

  useLayoutEffect(() => {
    const opener = openerToFocusFrom(card.current);
    if (!opener) return;
    returnFocusTo.current = opener;
    // A keyboard user is taken to the card; a pointer user keeps the page where it is.
    let keyboard = lastInputWasKey;
    try {
      keyboard ||= opener.matches(':focus-visible');
    } catch {
      /* a browser without :focus-visible */
    }
    if (keyboard) {
      heading.current?.focus();
      return;
    }
    // A pointer user keeps the page where it is, and focus follows once the click's frame has
    // painted: focus() forces a layout of everything the click changed, which the frame would
    // otherwise do once (in a seminar, the click's paint is what the audience waits for).
    const target = heading.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        // Unless the user has moved on meanwhile.
        if (target?.isConnected && (document.activeElement === opener || document.activeElement === document.body)) target.focus({ preventScroll: true });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [event.id]);

  const close = () => onClose(returnFocusTo.current);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  return (
    <section ref={card} className="timeline-card" aria-labelledby={headingId} data-tone={event.tone} onKeyDown={onKeyDown}>
      <div className="timeline-card__header">
        <h3 ref={heading} id={headingId} className="timeline-card__title" tabIndex={-1}>
          {event.title}
        </h3>
        <button type="button" className="button timeline-card__close" onClick={close} aria-label="Close event details">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {detail.viaIncident && <p className="timeline-card__note">Linked to the incident selected on the map.</p>}
      {detail.hiddenByFilters && <p className="timeline-card__note">This event is hidden by the current filters.</p>}
      <dl className="timeline-card__facts">
        <div>
          <dt>Date</dt>
          <dd>
            {event.dateLabel}
            {event.precision !== 'day' && <span className="timeline-card__precision"> ({detail.precisionLabel})</span>}
          </dd>
        </div>
        <div>
          <dt>Tone</dt>
          <dd>{detail.toneLabel}</dd>
        </div>
        <div>
          <dt>Theme</dt>
          <dd>
            <span className="timeline-swatch" style={{ background: THEME_COLORS[event.theme] }} aria-hidden="true" />
            {detail.themeLabel}
          </dd>
        </div>
      </dl>
      {event.description && <p className="timeline-card__description">{event.description}</p>}
      {detail.singleSource && (
        <p className="timeline-card__flag" role="note">
          {detail.singleSource}
        </p>
      )}
      {incident && (
        <div className="timeline-card__section">
          <h4>Linked incident</h4>
          <p className="timeline-card__incident-name">{incident.name}</p>
          <dl className="timeline-card__facts">
            <div>
              <dt>Place</dt>
              <dd>{[incident.place, incident.district].filter(Boolean).join(', ') || 'unknown'}</dd>
            </div>
            <div>
              <dt>Killed</dt>
              <CountValue range={incident.killed} bySource={incident.killedBySource} />
            </div>
            <div>
              <dt>Wounded</dt>
              <CountValue range={incident.wounded} bySource={incident.woundedBySource} />
            </div>
            <div>
              <dt>Location</dt>
              <dd>{incident.precision}</dd>
            </div>
          </dl>
        </div>
      )}
      <div className="timeline-card__section">
        <h4>Sources</h4>
        {detail.sources.length === 0 ? (
          <p className="unknown">No source rows found.</p>
        ) : (
          <ul className="timeline-card__sources">
            {detail.sources.map((s) => (
              <li key={s.id}>
                {s.href ? (
                  <a href={s.href} target="_blank" rel="noopener noreferrer">
                    {s.title}
                  </a>
                ) : (
                  <span className="timeline-card__source-title">{s.title}</span>
                )}
                <span className="timeline-card__source-meta">
                  {' '}
                  — {s.publisher}, {s.date}
                </span>
                {s.plainUrl && <span className="timeline-card__plain-url"> ({s.plainUrl})</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** A count: who reports what where the sources disagree (each value with its sources), else the one range. */
function CountValue({ range, bySource }: { range: string; bySource: ReportedValue[] | null }) {
  if (!bySource) return <dd className={range === 'unknown' ? 'unknown' : undefined}>{range}</dd>;
  return (
    <dd>
      <ul className="timeline-card__by-source" aria-label="By source">
        {bySource.map((v) => (
          <li key={v.value}>
            <span className="timeline-card__figure">{v.value}</span> ({v.sources.join('; ')})
          </li>
        ))}
      </ul>
    </dd>
  );
}
