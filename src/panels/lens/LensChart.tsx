import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { YearRange } from '../../crossfilter/filters';
import { formatNumber } from '../../components/charts/numberFormat';
import { TONE_COLORS } from '../../theme/palette';
import { BANDS, estimateWidth, fiscalScale, LABEL_FONT_PX, LENS_HEIGHT, layoutEvents, type MeasureText } from './lensLayout';
import { fiscalYearLabel, LENS_CATEGORIES, LENS_CATEGORY_COLORS, LENS_CATEGORY_LABELS, type LensEvent, type LensView } from './lensSelectors';

type OkView = Extract<LensView, { state: 'ok' }>;

export type LensAction = { kind: 'toggle-year'; year: number } | { kind: 'brush'; range: YearRange } | { kind: 'select'; eventId: string };

const activate = (fn: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fn();
  }
};

/** The browser's width of a label in the page font (jsdom has no canvas: the estimate then). */
function canvasMeasure(el: Element | null): MeasureText {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext?.('2d') : null;
  if (!ctx || !el) return estimateWidth;
  ctx.font = `${LABEL_FONT_PX}px ${getComputedStyle(el).fontFamily}`;
  return (text) => Math.ceil(ctx.measureText(text).width) + 1;
}

const PLOT_H = BANDS.axisY - BANDS.plotTop;

const billions = (v: number) => `$${Number((v / 1000).toFixed(1))}bn`;

function niceMax(value: number): number {
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/**
 * The lens, drawn as one SVG: stacked CRS aid bars per fiscal year (left axis), TBIJ strikes per
 * fiscal year as a line (right axis), the fiscal-year axis, cooperation markers above the plot
 * and friction markers below the axis, each year's label placed without overlaps.
 * Drag across the plot to brush fiscal years; click a year to select it; click a marker to select its event.
 */
export const LensChart = memo(function LensChart({ view, width, onAction }: { view: OkView; width: number; onAction: (a: LensAction) => void }) {
  const scale = useMemo(() => fiscalScale(view.axis.from, view.axis.to, width), [view.axis.from, view.axis.to, width]);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const dragStart = useRef<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [measure, setMeasure] = useState<MeasureText>(() => estimateWidth);
  useLayoutEffect(() => setMeasure(() => canvasMeasure(svgRef.current)), []);
  const layout = useMemo(() => layoutEvents(view.events, scale, measure), [view.events, scale, measure]);

  const aidTop = niceMax(view.maxAid);
  const strikeTop = niceMax(view.maxStrikes);
  const yAid = (v: number) => BANDS.axisY - (v / aidTop) * PLOT_H;
  const yStrikes = (v: number) => BANDS.axisY - (v / strikeTop) * PLOT_H;

  const localX = (e: PointerEvent) => e.clientX - (svgRef.current?.getBoundingClientRect().left ?? 0);
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    const fy = scale.yearAt(localX(e));
    dragStart.current = fy;
    setDrag({ from: fy, to: fy });
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    if (dragStart.current === null) return;
    const fy = scale.yearAt(localX(e));
    setDrag({ from: Math.min(dragStart.current, fy), to: Math.max(dragStart.current, fy) });
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    if (dragStart.current === null) return;
    const start = dragStart.current;
    const end = scale.yearAt(localX(e));
    dragStart.current = null;
    setDrag(null);
    if (start === end) onAction({ kind: 'toggle-year', year: start });
    else onAction({ kind: 'brush', range: { from: Math.min(start, end), to: Math.max(start, end) } });
  };

  const band = drag ?? view.dimRange;

  return (
    <svg ref={svgRef} className="lens-chart__svg" width={width} height={LENS_HEIGHT} viewBox={`0 0 ${width} ${LENS_HEIGHT}`} role="group" aria-label="Aid, drone strikes and events by US fiscal year">
      {band && (
        <rect className="lens-chart__band" x={scale.x(Math.max(band.from, scale.from))} width={scale.unit * (Math.min(band.to, scale.to) - Math.max(band.from, scale.from) + 1)} y={BANDS.plotTop} height={PLOT_H} fill="#1f2a44" fillOpacity={0.08} />
      )}
      {/* Left axis: aid; right axis: strikes. */}
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={scale.left} x2={scale.right} y1={yAid(aidTop * t)} y2={yAid(aidTop * t)} stroke="#d7dce5" strokeWidth={1} />
          <text x={scale.left - 4} y={yAid(aidTop * t) + 4} textAnchor="end" fontSize={10} fill="#4a5568">
            {billions(aidTop * t)}
          </text>
          <text x={scale.right + 4} y={yStrikes(strikeTop * t) + 4} fontSize={10} fill="#7a2a2a">
            {Math.round(strikeTop * t)}
          </text>
        </g>
      ))}
      <text x={4} y={BANDS.plotTop - 10} fontSize={10} fill="#4a5568" className="lens-chart__axis-title">
        {view.dollars.basis === 'constant' ? 'Aid (CRS, 2024 $)' : 'Aid (CRS)'}
      </text>
      <text x={width - 4} y={BANDS.plotTop - 10} fontSize={10} fill="#7a2a2a" textAnchor="end" className="lens-chart__axis-title">
        Strikes
      </text>
      <LensBars slots={view.slots} scale={scale} aidTop={aidTop} />
      <LensStrikes strikes={view.strikes} scale={scale} strikeTop={strikeTop} />
      <rect
        className="lens-chart__hit"
        x={scale.left}
        y={BANDS.plotTop}
        width={scale.right - scale.left}
        height={PLOT_H}
        fill="transparent"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        data-testid="lens-plot"
      />
      <line className="lens-chart__axis" x1={scale.left} x2={scale.right} y1={BANDS.axisY} y2={BANDS.axisY} stroke="#1b2233" strokeWidth={1.5} />
      <LensTicks scale={scale} onAction={onAction} />
      {layout.labels.map((l) => (
        <LensLabel key={`${l.tone}-${l.eventIds[0]}`} tone={l.tone} events={l.eventIds.join(' ')} x={l.x} y={l.y} anchorX={l.anchorX} text={l.text} />
      ))}
      {layout.markers.map(({ event, x, y }) => (
        <LensMarker key={event.id} event={event} x={x} y={y} onAction={onAction} />
      ))}
    </svg>
  );
});

type Scale = ReturnType<typeof fiscalScale>;

/*
 * The bars, the strike line and the year ticks are their own memoised parts: a selection or a
 * drag changes the markers and labels only, so these keep their elements as they are.
 */
const LensBars = memo(function LensBars({ slots, scale, aidTop }: { slots: OkView['slots']; scale: Scale; aidTop: number }) {
  return (
    <>
      {slots.map((s) => {
        const years = s.end - s.start + 1;
        const perYear = years > 1 ? 1 / years : 1;
        let y = BANDS.axisY;
        const x = scale.x(s.start) + (years > 1 ? 2 : scale.unit * 0.15);
        const w = years > 1 ? scale.unit * years - 4 : scale.unit * 0.7;
        return (
          <g key={s.label} className="lens-chart__slot" opacity={s.dimmed ? 0.3 : 1} data-fy={s.label}>
            <title>{`${s.label}: ${LENS_CATEGORIES.map((c) => `${LENS_CATEGORY_LABELS[c]} $${formatNumber(s.amounts[c])}m`).join(', ')}${years > 1 ? ' (one six-year figure; drawn as its yearly average)' : ''}`}</title>
            {LENS_CATEGORIES.map((c) => {
              const h = (s.amounts[c] * perYear * PLOT_H) / aidTop;
              y -= h;
              return <rect key={c} x={x} y={y} width={Math.max(1, w)} height={Math.max(0, h)} fill={LENS_CATEGORY_COLORS[c]} fillOpacity={years > 1 ? 0.55 : 0.9} />;
            })}
          </g>
        );
      })}
    </>
  );
});

const LensStrikes = memo(function LensStrikes({ strikes, scale, strikeTop }: { strikes: OkView['strikes']; scale: Scale; strikeTop: number }) {
  const yStrikes = (v: number) => BANDS.axisY - (v / strikeTop) * PLOT_H;
  const strikePath = strikes.map((p, i) => `${i ? 'L' : 'M'}${scale.mid(p.fiscalYear).toFixed(1)},${yStrikes(p.strikes).toFixed(1)}`).join('');
  return (
    <>
      {strikePath && <path d={strikePath} fill="none" stroke="#7a2a2a" strokeWidth={2} className="lens-chart__strikes" />}
      {strikes.map((p) => (
        <circle key={p.fiscalYear} cx={scale.mid(p.fiscalYear)} cy={yStrikes(p.strikes)} r={2.5} fill="#7a2a2a" opacity={p.dimmed ? 0.3 : 1}>
          <title>{`FY${p.fiscalYear}: ${p.strikes} strikes (TBIJ)`}</title>
        </circle>
      ))}
    </>
  );
});

const LensTicks = memo(function LensTicks({ scale, onAction }: { scale: Scale; onAction: (a: LensAction) => void }) {
  const years: number[] = [];
  for (let y = scale.from; y <= scale.to; y++) years.push(y);
  const tickEvery = Math.max(1, Math.ceil(34 / scale.unit));
  return (
    <>
      {years.map((fy) => {
        const full = fiscalYearLabel(fy);
        const shown = (fy - scale.from) % tickEvery !== 0 ? '' : scale.unit * tickEvery >= 44 ? full : `’${String(fy).slice(2)}`;
        // Label in name (WCAG 2.5.3): the name starts with the text shown.
        const name = shown === '' || shown === full ? `${full}: select this fiscal year` : `${shown}: ${full}, select this fiscal year`;
        return (
          <g key={fy} role="button" tabIndex={0} aria-label={name} className="lens-chart__tick" onClick={() => onAction({ kind: 'toggle-year', year: fy })} onKeyDown={activate(() => onAction({ kind: 'toggle-year', year: fy }))}>
            <rect x={scale.x(fy)} y={BANDS.axisY + 2} width={scale.unit} height={16} fill="transparent" />
            {shown && (
              <text x={scale.mid(fy)} y={BANDS.axisY + 14} textAnchor="middle" fontSize={10} fill="#1b2233">
                {shown}
              </text>
            )}
          </g>
        );
      })}
    </>
  );
});

/** A label, on plain values: the layout is made again on a selection, but most labels stay where they were. */
const LensLabel = memo(function LensLabel({ tone, events, x, y, anchorX, text }: { tone: LensEvent['tone']; events: string; x: number; y: number; anchorX: number; text: string }) {
  return (
    <g className={`lens-chart__label lens-chart__label--${tone}`} data-events={events} aria-hidden="true">
      <line x1={anchorX} x2={anchorX} y1={tone === 'cooperation' ? y + 2 : y - LABEL_FONT_PX} y2={tone === 'cooperation' ? BANDS.plotTop - 12 : BANDS.axisY + 30} stroke={TONE_COLORS[tone]} strokeOpacity={0.35} />
      <text x={x} y={y} fontSize={LABEL_FONT_PX} fill={TONE_COLORS[tone]}>
        {text}
      </text>
    </g>
  );
});

/** An event marker: an unselected event keeps its object across a selection change, so it is not drawn again. */
const LensMarker = memo(function LensMarker({ event, x, y, onAction }: { event: LensEvent; x: number; y: number; onAction: (a: LensAction) => void }) {
  return (
    <g
      role="button"
      tabIndex={0}
      aria-pressed={event.selected}
      aria-label={`${event.title}, FY${event.fiscalYear}, ${event.tone}`}
      className={`lens-chart__marker lens-chart__marker--${event.tone}${event.selected ? ' lens-chart__marker--selected' : ''}`}
      data-tone={event.tone}
      onClick={() => onAction({ kind: 'select', eventId: event.id })}
      onKeyDown={activate(() => onAction({ kind: 'select', eventId: event.id }))}
    >
      <title>{`${event.title} (${event.date}, FY${event.fiscalYear})`}</title>
      <path d={`M${x},${y - 4.5}L${x + 4.5},${y}L${x},${y + 4.5}L${x - 4.5},${y}Z`} fill={TONE_COLORS[event.tone]} stroke={event.selected ? '#111' : '#fff'} strokeWidth={event.selected ? 2 : 1} />
    </g>
  );
});
