import { labelStep, niceTicks, placeLabels, textWidth, SLIDE_MIN_TEXT } from './slideKit';
import { SlideGridlines } from './SlideGridlines';

export interface SlideBarSegment {
  key: string;
  value: number;
  color: string;
  faint?: boolean;
}

export interface SlideBarSlot {
  key: string;
  /** The tick label ("’11", "’02–07"). */
  label: string;
  /** Stacked segments for a single bar, or one bar per group entry when `groups` is set. */
  segments: SlideBarSegment[];
  /** How many axis years the slot spans (a six-year aggregate is six years wide). */
  span?: number;
  /** Outside the slide's years: drawn faint, no value label. */
  dimmed?: boolean;
  selected?: boolean;
  /** Shown in place of a bar when there is no figure ("n/a"). */
  missingText?: string;
  /** The value label above the bar; defaults to the stack's total. */
  valueText?: string;
}

interface SlideBarsProps {
  width: number;
  height: number;
  unit: number;
  slots: readonly SlideBarSlot[];
  /** Axis tick text for a value. */
  formatTick: (value: number) => string;
  /** Value label for a total. */
  formatValue: (value: number) => string;
  /** Draw each slot's segments side by side (compare trackers) instead of stacked. */
  grouped?: boolean;
  /** Accessible summary of what the chart shows. */
  label: string;
}

/**
 * A bar chart drawn for a projector: axis and value labels at slide size, tick labels thinned so
 * none touch, value labels only where they fit over their own bar. Plain SVG sized to the space it
 * is given, so it never overflows and costs one render.
 */
export function SlideBars({ width, height, unit, slots, formatTick, formatValue, grouped = false, label }: SlideBarsProps) {
  const font = SLIDE_MIN_TEXT * unit;
  const totals = slots.map((s) => (grouped ? Math.max(0, ...s.segments.map((g) => g.value)) : s.segments.reduce((sum, g) => sum + g.value, 0)) / (grouped ? 1 : (s.span ?? 1)));
  const ticks = niceTicks(Math.max(1, ...totals), height > 420 * unit ? 4 : 3);
  const top = ticks[ticks.length - 1] ?? 1;
  const tickWidth = Math.max(...ticks.map((t) => textWidth(formatTick(t), font)));
  const left = tickWidth + 12 * unit;
  const labelRow = font * 1.6;
  const valueRow = font * 1.35;
  const plotTop = valueRow;
  const plotBottom = height - labelRow - 4 * unit;
  const plotHeight = Math.max(10, plotBottom - plotTop);
  const plotWidth = Math.max(10, width - left - 4 * unit);
  const years = slots.reduce((sum, s) => sum + (s.span ?? 1), 0);
  const yearWidth = plotWidth / Math.max(1, years);
  const y = (v: number) => plotBottom - (v / top) * plotHeight;

  const widestTick = Math.max(0, ...slots.map((s) => textWidth(s.label, font)));
  const step = labelStep(years, plotWidth, widestTick, 10 * unit);

  // Each slot starts where the ones before it end (an aggregate spans several years).
  const starts = slots.map((_, i) => slots.slice(0, i).reduce((sum, s) => sum + (s.span ?? 1), 0));
  const placed = slots.map((slot, i) => {
    const yearIndex = starts[i] ?? 0;
    return { slot, i, x0: left + yearIndex * yearWidth, w: (slot.span ?? 1) * yearWidth, yearIndex, total: totals[i] ?? 0 };
  });
  // Tick labels: the selected year always, then every step-th year, never two touching.
  const tickLabels = placeLabels(
    placed.map(({ slot, x0, w, yearIndex }) => ({
      id: slot.key,
      x: x0 + w / 2 - left,
      width: textWidth(slot.label, font, slot.selected ? 700 : 400),
      priority: (slot.selected ? 4 : 0) + ((slot.span ?? 1) > 1 ? 2 : 0) + (yearIndex % step === 0 ? 1 : -1),
    })),
    plotWidth + 4 * unit,
    1,
    10 * unit,
  );
  const widths = new Map(placed.map(({ slot }) => [slot.key, textWidth(slot.label, font, slot.selected ? 700 : 400)]));
  const tickCentre = new Map(tickLabels.placed.map((p) => [p.id, left + p.left + (widths.get(p.id) ?? 0) / 2]));

  return (
    <svg className="slide-svg" width={width} height={height} role="img" aria-label={label}>
      <SlideGridlines ticks={ticks} y={y} left={left} right={width} labelGap={8 * unit} unit={unit} font={font} format={formatTick} />
      {placed.map(({ slot, x0, w, total }) => {
        const pad = Math.min(w * 0.18, 14 * unit);
        const barX = x0 + pad;
        const barW = Math.max(2, w - 2 * pad);
        const opacity = slot.dimmed ? 0.3 : 1;
        const tickX = tickCentre.get(slot.key);
        const valueText = slot.missingText ?? slot.valueText ?? (total > 0 ? formatValue(total) : '');
        const valueFits = !slot.dimmed && valueText !== '' && textWidth(valueText, font, 600) <= w - 2 * unit;
        let stackTop = plotBottom;
        return (
          <g key={slot.key} opacity={opacity}>
            {slot.selected && <rect x={x0} y={plotTop - valueRow} width={w} height={plotBottom - plotTop + valueRow} fill="#e8eef7" />}
            {grouped
              ? slot.segments.map((seg, k) => {
                  const gw = barW / Math.max(1, slot.segments.length);
                  return <rect key={seg.key} x={barX + k * gw} y={y(seg.value)} width={Math.max(1, gw - unit)} height={plotBottom - y(seg.value)} fill={seg.color} opacity={seg.faint ? 0.35 : 1} />;
                })
              : slot.segments.map((seg) => {
                  const h = (seg.value / (slot.span ?? 1) / top) * plotHeight;
                  stackTop -= h;
                  return <rect key={seg.key} x={barX} y={stackTop} width={barW} height={h} fill={seg.color} opacity={seg.faint ? 0.35 : 1} />;
                })}
            {valueFits && (
              <text x={x0 + w / 2} y={Math.min(plotBottom, grouped ? y(total) : stackTop) - 6 * unit} textAnchor="middle" fontSize={font} fontWeight={600}>
                {valueText}
              </text>
            )}
            {tickX !== undefined && (
              <text className="slide-axis-text" x={tickX} y={height - 6 * unit} textAnchor="middle" fontSize={font} fontWeight={slot.selected ? 700 : 400}>
                {slot.label}
              </text>
            )}
          </g>
        );
      })}
      <line x1={left} x2={width} y1={plotBottom} y2={plotBottom} stroke="#1a202c" strokeWidth={Math.max(1.5, 2 * unit)} />
    </svg>
  );
}
