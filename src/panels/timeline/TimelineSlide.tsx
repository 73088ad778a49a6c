/**
 * The timeline on a slide. As a chart it zooms to the slide's years (month by month for one
 * year) and names its events on the chart, cooperation above the axis and friction below; the
 * selected event is drawn bold and described underneath. As a list ("events list") it gives the
 * filtered events as large rows: date, title, tone and one line of description.
 */
import { useMemo } from 'react';
import { SlideFrame, type PanelSlideProps } from '../../components/slide/SlideFrame';
import { SLIDE_TEXT, yearsLabel } from '../../components/slide/slideKit';
import { timelineMeta } from './timelineMeta';
import { useDashboardStore } from '../../store/store';
import { TONE_COLORS, TONE_LABELS } from '../../theme/palette';
import type { ElementSize } from '../../components/slide/useElementSize';
import { selectTimeline, type TimelineEventView } from './timelineSelectors';
import { eventPriority, layoutTimelineSlide } from './timelineSlideLayout';
import type { YearRange } from '../../crossfilter/filters';

function useSlideEvents() {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore((s) => s.filters);
  return useMemo(() => {
    if (!dataset) return null;
    // A slide is filtered by its own years too: the slide is the whole story of those years.
    const view = selectTimeline(dataset, { ...filters, yearRangeOrigin: 'filter-bar' });
    const range: YearRange = filters.yearRange ?? view.axis ?? dataset.coverage;
    return { view, range };
  }, [dataset, filters]);
}

const when = (range: YearRange) => yearsLabel(range);

function TimelineChart({ events, range, box, unit }: { events: TimelineEventView[]; range: YearRange; box: ElementSize; unit: number }) {
  const layout = useMemo(() => layoutTimelineSlide(events, range, box.width, box.height, unit), [events, range, box.width, box.height, unit]);
  const { axisY, ticks, markers, labels, font } = layout;
  const markerById = new Map(markers.map((m) => [m.id, m]));
  return (
    <>
      <svg className="slide-svg" width={box.width} height={box.height} aria-hidden="true">
        {labels.map((l) => {
          const m = markerById.get(l.id)!;
          const x = Math.max(l.left + 4 * unit, Math.min(l.left + l.width - 4 * unit, m.x));
          return <line key={l.id} x1={m.x} y1={axisY} x2={x} y2={l.anchorY} stroke="#5b6473" strokeWidth={Math.max(1, 1.5 * unit)} />;
        })}
        <line x1={0} x2={box.width} y1={axisY} y2={axisY} stroke="#1a202c" strokeWidth={Math.max(2, 3 * unit)} />
        {ticks.map((t) => (
          <g key={t.text}>
            <line x1={t.x} x2={t.x} y1={axisY} y2={axisY + 8 * unit} stroke="#1a202c" strokeWidth={Math.max(1, 2 * unit)} />
            <text className="slide-axis-text" x={t.x} y={axisY + font * 1.15} textAnchor="middle" fontSize={font}>
              {t.text}
            </text>
          </g>
        ))}
        {markers.map((m) => (
          <circle key={m.id} cx={m.x} cy={axisY} r={(m.highlighted ? 14 : 10) * unit} fill={TONE_COLORS[m.tone]} stroke={m.highlighted ? '#000' : '#fff'} strokeWidth={(m.highlighted ? 4 : 2) * unit} />
        ))}
      </svg>
      {labels.map((l) => {
        const m = markerById.get(l.id)!;
        return (
          <div
            key={l.id}
            className={m.highlighted ? 'timeline-slide__label timeline-slide__label--selected' : 'timeline-slide__label'}
            style={{ left: l.left, top: l.top, width: l.width, borderColor: TONE_COLORS[m.tone] }}
          >
            {l.lines.map((line, i) => (
              <span key={i} className="timeline-slide__line">
                {line}
              </span>
            ))}
          </div>
        );
      })}
    </>
  );
}

function EventsList({ events, box, unit }: { events: TimelineEventView[]; box: ElementSize; unit: number }) {
  const rowHeight = SLIDE_TEXT * unit * 1.25 * 2 + 16 * unit;
  const fit = Math.max(1, Math.floor(box.height / rowHeight));
  const shownCount = events.length > fit ? fit - 1 : events.length;
  const shown = [...events]
    .sort((a, b) => eventPriority(b) - eventPriority(a) || a.t - b.t)
    .slice(0, shownCount)
    .sort((a, b) => a.t - b.t);
  const more = events.length - shown.length;
  return (
    <ol className="events-slide" aria-label="Events">
      {shown.map((e) => (
        <li key={e.id} className={e.highlighted ? 'events-slide__row events-slide__row--selected' : 'events-slide__row'} style={{ borderColor: TONE_COLORS[e.tone] }}>
          <span className="events-slide__head">
            <span className="events-slide__date">{e.dateLabel}</span>
            <span className="events-slide__title">{e.title}</span>
            <span className="events-slide__tone" style={{ color: TONE_COLORS[e.tone] }}>
              {TONE_LABELS[e.tone]}
            </span>
          </span>
          <span className="events-slide__description">{e.description}</span>
        </li>
      ))}
      {more > 0 && <li className="events-slide__more">+{more} more events (see the table)</li>}
    </ol>
  );
}

export function TimelineSlide({ unit, variant }: PanelSlideProps) {
  const model = useSlideEvents();
  if (!model) return null;
  const { view, range } = model;
  const events = view.events;
  const selected = view.detail && !view.detail.hiddenByFilters ? view.detail.event : null;
  const list = variant === 'list';
  const title = list ? `Events, ${when(range)}` : timelineMeta.title;
  const counts = (['cooperation', 'context', 'friction'] as const).map((t) => ({ t, n: events.filter((e) => e.tone === t).length })).filter((c) => c.n > 0);
  const subtitle = `${events.length} events, ${when(range)}${counts.length ? `: ${counts.map((c) => `${c.n} ${TONE_LABELS[c.t].toLowerCase()}`).join(', ')}` : ''}`;

  return (
    <SlideFrame
      panel={list ? 'events' : 'timeline'}
      title={title}
      subtitle={list ? undefined : subtitle}
      legend={list ? undefined : counts.map((c) => ({ key: c.t, label: c.t === 'friction' ? 'Friction (below)' : c.t === 'cooperation' ? 'Cooperation (above)' : 'Context', color: TONE_COLORS[c.t] }))}
      footnote={!list && selected ? `${selected.dateLabel}: ${selected.description}` : undefined}
    >
      {(box) =>
        events.length === 0 ? (
          <p className="slide-empty">{view.emptyMessage ?? 'No events in these years.'}</p>
        ) : list ? (
          <EventsList events={events} box={box} unit={unit} />
        ) : (
          <TimelineChartWithCount events={events} range={range} box={box} unit={unit} />
        )
      }
    </SlideFrame>
  );
}

/** The chart, plus the count of events it could not name ("+6 more"), kept clear of the labels. */
function TimelineChartWithCount(props: { events: TimelineEventView[]; range: YearRange; box: ElementSize; unit: number }) {
  const { box, unit } = props;
  const countHeight = SLIDE_TEXT * unit * 1.4;
  const chartBox = { width: box.width, height: Math.max(10, box.height - countHeight) };
  const hidden = useMemo(() => layoutTimelineSlide(props.events, props.range, chartBox.width, chartBox.height, unit).hiddenCount, [props.events, props.range, chartBox.width, chartBox.height, unit]);
  return (
    <>
      <TimelineChart {...props} box={chartBox} />
      {hidden > 0 && (
        <p className="timeline-slide__more" style={{ top: chartBox.height }}>
          +{hidden} more (not labelled; see the events list)
        </p>
      )}
    </>
  );
}
