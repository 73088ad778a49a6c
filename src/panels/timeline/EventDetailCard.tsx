import { useId } from 'react';
import { THEME_COLORS } from '../../theme/palette';
import type { ReportedValue } from '../../data/figures';
import type { EventDetail } from './timelineSelectors';

/**
 * The selected event's card, inside the panel (never a modal): date with its precision, tone,
 * theme, description, the single-source flag, the linked incident and the sources. Every value is
 * React text; only http(s) URLs become links.
 */
export function EventDetailCard({ detail, onClose }: { detail: EventDetail; onClose: () => void }) {
  const headingId = useId();
  const { event, incident } = detail;
  return (
    <article className="timeline-card" aria-labelledby={headingId} data-tone={event.tone}>
      <header className="timeline-card__header">
        <h3 id={headingId} className="timeline-card__title">
          {event.title}
        </h3>
        <button type="button" className="button timeline-card__close" onClick={onClose} aria-label="Close event details">
          <span aria-hidden="true">×</span>
        </button>
      </header>
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
    </article>
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
