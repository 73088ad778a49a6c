import { memo, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import './yearTick.css';

/** Where a focused tick sits, so the chart can open its tooltip above it. */
export interface FocusedTick {
  key: string;
  /** The tick's centre, in the chart's own pixels. */
  x: number;
  /** The top of the tick (the axis line), in the chart's own pixels. */
  y: number;
  /** The chart's width, to keep the tooltip inside it. */
  chartWidth: number;
}

interface YearTickButtonProps {
  /** The slot or year this tick stands for (reported on focus). */
  tickKey: string;
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
  /** What the year holds, in words: the accessible name is the visible text followed by this. */
  description: string;
  /**
   * `extend` is true for Shift+click / Shift+Enter: widen the range instead of selecting one year.
   * Called with the tick's key, so one stable function serves every tick and the memoised ticks
   * whose text and state did not change skip re-rendering on a filter change.
   */
  onActivate: (tickKey: string, extend: boolean) => void;
  onFocusTick?: (tick: FocusedTick | null) => void;
}

/**
 * The accessible name of a tick: its visible text first (WCAG 2.5.3, label in name, so a
 * voice-control user can say what they see), then what the year holds.
 */
export function tickAccessibleName(label: string, sub: string, description: string): string {
  const visible = sub ? `${label} ${sub}` : label;
  return description ? `${visible}: ${description}` : visible;
}

/**
 * A year label on a chart axis that is also a button: click or Enter selects the year, Shift
 * widens the range. The charts' brushes listen for mouse-down, so the tick stops it. Focus
 * (keyboard or click) reports the tick so the chart shows that year's tooltip.
 */
export const YearTickButton = memo(function YearTickButton({ tickKey, x, y, label, sub, compact, marked, dimmed, selected, pressed, description, onActivate, onFocusTick }: YearTickButtonProps) {
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(tickKey, e.shiftKey);
    } else if (e.key === 'Escape') onFocusTick?.(null);
  };
  const onFocus = (e: FocusEvent<SVGGElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    onFocusTick?.({ key: tickKey, x, y, chartWidth: svg?.clientWidth || svg?.getBoundingClientRect().width || 0 });
  };
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <g
      className={`year-tick${dimmed ? ' year-tick--dimmed' : ''}${selected ? ' year-tick--selected' : ''}`}
      transform={`translate(${x},${y})`}
      role="button"
      tabIndex={0}
      aria-pressed={pressed}
      aria-label={tickAccessibleName(label, sub, description)}
      onClick={(e) => onActivate(tickKey, e.shiftKey)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={() => onFocusTick?.(null)}
      onMouseDown={stop}
      onMouseUp={stop}
    >
      <rect className="year-tick__hit" x={compact ? -15 : -19} y={0} width={compact ? 30 : 38} height={38} rx={4} />
      {marked && <path d="M0 2 L4 6 L0 10 L-4 6 Z" fill="#b4312b" aria-hidden="true" />}
      {/* One text element, the second line a tspan after a space: the text a checker (or a voice
          user) reads is "FY02–07 6 yrs", exactly how the accessible name begins. */}
      <text y={22} textAnchor="middle" className="year-tick__label">
        {label}
        {sub && (
          <tspan x={0} y={35} className="year-tick__sub">
            {` ${sub}`}
          </tspan>
        )}
      </text>
    </g>
  );
});
