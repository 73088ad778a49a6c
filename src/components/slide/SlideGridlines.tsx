/** The value axis of a slide chart: one gridline per tick, labelled at the left edge of the plot. */
export function SlideGridlines({ ticks, y, left, right, labelGap, unit, font, format }: {
  ticks: readonly number[];
  y: (value: number) => number;
  left: number;
  right: number;
  /** Space between the label's end and the plot, in px. */
  labelGap: number;
  unit: number;
  font: number;
  format: (value: number) => string;
}) {
  return ticks.map((t) => (
    <g key={t}>
      <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke="#c3c8d1" strokeWidth={Math.max(1, unit)} />
      <text className="slide-axis-text" x={left - labelGap} y={y(t)} dy="0.35em" textAnchor="end" fontSize={font}>
        {format(t)}
      </text>
    </g>
  ));
}
