import type { KeyboardEvent, MouseEvent } from 'react';
import './yearTick.css';

interface YearTickButtonProps {
  x: number;
  y: number;
  label: string;
  /** A second line under the label ("6 yrs", "req.", "n/a"); empty for none. */
  sub: string;
  /** Short labels ("’11") take a narrower hit area. */
  compact: boolean;
  /** A year holding events that match the tone/theme filters. */
  marked: boolean;
  dimmed: boolean;
  selected: boolean;
  pressed: boolean;
  accessibleName: string;
  /** `extend` is true for Shift+click / Shift+Enter: widen the range instead of selecting one year. */
  onActivate: (extend: boolean) => void;
}

/**
 * A year label on a chart axis that is also a button: click or Enter selects the year, Shift
 * widens the range. The charts' brushes listen for mouse-down, so the tick stops it.
 */
export function YearTickButton({ x, y, label, sub, compact, marked, dimmed, selected, pressed, accessibleName, onActivate }: YearTickButtonProps) {
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(e.shiftKey);
    }
  };
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <g
      className={`year-tick${dimmed ? ' year-tick--dimmed' : ''}${selected ? ' year-tick--selected' : ''}`}
      transform={`translate(${x},${y})`}
      role="button"
      tabIndex={0}
      aria-pressed={pressed}
      aria-label={accessibleName}
      onClick={(e) => onActivate(e.shiftKey)}
      onKeyDown={onKeyDown}
      onMouseDown={stop}
      onMouseUp={stop}
    >
      <rect className="year-tick__hit" x={compact ? -15 : -19} y={0} width={compact ? 30 : 38} height={38} rx={4} />
      {marked && <path d="M0 2 L4 6 L0 10 L-4 6 Z" fill="#b4312b" aria-hidden="true" />}
      <text y={22} textAnchor="middle" className="year-tick__label">
        {label}
      </text>
      {sub && (
        <text y={35} textAnchor="middle" className="year-tick__sub">
          {sub}
        </text>
      )}
    </g>
  );
}
