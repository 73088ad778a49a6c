import { useCallback, useState, type ReactNode } from 'react';
import type { MouseHandlerDataParam } from 'recharts';
import type { FocusedTick } from './YearTickButton';

/** Half the tooltip's usual width: closer than this to an edge, it is anchored to that edge instead. */
const EDGE = 130;

/**
 * The tooltip of a focused year tick. Recharts' own tooltip follows the pointer over the plot;
 * its keyboard layer is off (it opened on the first bar whenever a tick took focus), so a focused
 * tick shows this one, above the tick, describing that tick's year. Its parent must be the
 * positioned box whose top is the chart's top.
 */
export function TickTooltip({ tick, children }: { tick: FocusedTick; children: ReactNode }) {
  const nearLeft = tick.x < EDGE;
  const nearRight = tick.chartWidth > 0 && tick.x > tick.chartWidth - EDGE;
  const top = tick.y - 4;
  const style = nearLeft
    ? { left: Math.max(0, tick.x - 20), top, transform: 'translateY(-100%)' }
    : nearRight
      ? { right: Math.max(0, tick.chartWidth - tick.x - 20), top, transform: 'translateY(-100%)' }
      : { left: tick.x, top, transform: 'translate(-50%, -100%)' };
  return (
    <div className="tick-tooltip" style={style} role="tooltip">
      {children}
    </div>
  );
}

/**
 * The focused tick of a chart. The pointer moving over the plot hands the tooltip back to
 * Recharts (one tooltip at a time, always about what is under the pointer or focused).
 */
export function useFocusedTick() {
  const [tick, setTick] = useState<FocusedTick | null>(null);
  const onFocusTick = useCallback((next: FocusedTick | null) => setTick(next), []);
  const onPointerState = useCallback((state: MouseHandlerDataParam) => {
    if (state.isTooltipActive) setTick((prev) => (prev ? null : prev));
  }, []);
  return { tick, onFocusTick, onPointerState };
}
