import { memo } from 'react';
import type { RangeKnown } from './droneSelectors';

/** Colours with meaning in the single-tracker view. */
export const MEASURE_COLORS = {
  strikes: '#2f4b7c',
  killed: '#d06a1f',
  civilians: '#a12a5e',
} as const;

/** One colour per tracker in the compare view (colour-blind-safe order). */
export const TRACKER_COLORS = ['#1f5fa8', '#d06a1f', '#2a7a4b', '#8e3b96', '#7a6a00', '#4a5568', '#b4312b', '#17808a'];

export const UNKNOWN_INK = '#4a5568';

interface BarGeometry {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

interface RangeShapeProps extends BarGeometry {
  /** Which bounds are known (null: no row for the year, nothing drawn). A plain value, so the memo holds across filter changes. */
  known: RangeKnown | null;
  color: string;
  hatchId: string;
  faint: boolean;
}

/**
 * A min–max count as a floating bar. Only a maximum ("up to 8") is a hatched bar from zero with a
 * dashed outline; only a minimum ("at least 6") is a line with an open arrow upward; unknown is a
 * "?" on the baseline. Nothing is ever drawn as a zero bar when the value is unknown.
 */
export const RangeShape = memo(function RangeShape({ x = 0, y = 0, width = 0, height = 0, known, color, hatchId, faint }: RangeShapeProps) {
  if (!known || !(width > 0)) return null;
  const opacity = faint ? 0.25 : 1;
  const cx = x + width / 2;
  if (known === 'none') return <UnknownMark x={cx} y={y} faint={faint} />;
  if (known === 'min-only') {
    return (
      <g opacity={opacity}>
        <rect x={x} y={y - 1.5} width={width} height={3} fill={color} />
        <path d={`M${cx} ${y - 2} V${y - 16} M${cx - 3} ${y - 12} L${cx} ${y - 16} L${cx + 3} ${y - 12}`} stroke={color} strokeWidth={1.2} fill="none" strokeDasharray="2 1.5" />
      </g>
    );
  }
  if (known === 'max-only') {
    return <rect x={x} y={y} width={width} height={Math.max(height, 1)} fill={`url(#${hatchId})`} stroke={color} strokeDasharray="3 2" opacity={opacity} />;
  }
  // Both bounds: a floating bar; min === max becomes a visible 3px band.
  const h = Math.max(height, 3);
  return <rect x={x} y={height < 3 ? y - (3 - height) / 2 : y} width={width} height={h} fill={color} opacity={opacity} />;
});

interface CountShapeProps extends BarGeometry {
  value: number | null;
  /** False when the tracker has no row for the year: the axis says "no data", nothing is drawn. */
  hasRow: boolean;
  color: string;
  faint: boolean;
}

/** A plain count (strikes); null is drawn as "?" on the baseline, never as a zero bar. */
export const CountShape = memo(function CountShape({ x = 0, y = 0, width = 0, height = 0, value, hasRow, color, faint }: CountShapeProps) {
  if (!hasRow || !(width > 0)) return null;
  if (value === null) return <UnknownMark x={x + width / 2} y={y + height} faint={faint} />;
  if (!(height > 0)) return null;
  return <rect x={x} y={y} width={width} height={height} fill={color} opacity={faint ? 0.25 : 1} />;
});

function UnknownMark({ x, y, faint }: { x: number; y: number; faint: boolean }) {
  return (
    <text x={x} y={y - 3} textAnchor="middle" fontSize={12} fontWeight={700} fill={UNKNOWN_INK} opacity={faint ? 0.35 : 1}>
      ?
    </text>
  );
}

/** The hatch used for "only a maximum is reported". */
export function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
      <rect width="5" height="5" fill="#ffffff" />
      <rect width="2" height="5" fill={color} />
    </pattern>
  );
}
