import { usePlotArea, useXAxisScale } from 'recharts';

/** A shaded run of category columns (one year, or a dragged range) across the plot's height. */
export interface ColumnMark {
  /** First and last category key covered. */
  from: string;
  to: string;
  fill: string;
  fillOpacity: number;
  stroke?: string;
}

/**
 * Column shading drawn from the chart's own x scale, as a child of a Recharts chart. Unlike a
 * ReferenceArea it is not a chart setting: a chart whose marks come from React context keeps its
 * props, so Recharts does not recompute scales or re-lay out its axes when only a mark moves.
 */
export function ColumnMarks({ marks }: { marks: readonly ColumnMark[] }) {
  const scale = useXAxisScale();
  const plot = usePlotArea();
  if (!scale || !plot || marks.length === 0) return null;
  return (
    <g className="column-marks" pointerEvents="none" aria-hidden="true">
      {marks.map((m) => {
        const x0 = scale(m.from, { position: 'start' });
        const x1 = scale(m.to, { position: 'end' });
        if (x0 === undefined || x1 === undefined) return null;
        return (
          <rect
            key={`${m.from}-${m.to}-${m.fill}`}
            x={Math.min(x0, x1)}
            y={plot.y}
            width={Math.abs(x1 - x0)}
            height={plot.height}
            fill={m.fill}
            fillOpacity={m.fillOpacity}
            stroke={m.stroke ?? 'none'}
            strokeOpacity={m.stroke ? 0.5 : undefined}
          />
        );
      })}
    </g>
  );
}
