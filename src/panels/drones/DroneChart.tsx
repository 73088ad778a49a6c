import { createContext, memo, useCallback, useContext, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type MouseHandlerDataParam } from 'recharts';
import type { YearRange } from '../../crossfilter/filters';
import { rangeText, strikeCountText, strikesPhrase, yearDragAction, yearExtendAction, type DroneSeriesInfo, type DroneYear, type YearAction } from './droneSelectors';
import { CountShape, HatchPattern, MEASURE_COLORS, RangeShape } from './droneShapes';
import { YearTickButton, type FocusedTick } from '../../components/charts/YearTickButton';
import { TickTooltip, useFocusedTick } from '../../components/charts/TickTooltip';
import { ColumnMarks, type ColumnMark } from '../../components/charts/ColumnMarks';
import { formatNumber } from '../../components/charts/numberFormat';

interface DroneChartProps {
  years: readonly DroneYear[];
  series: DroneSeriesInfo;
  yearRange: YearRange | null;
  onAction: (action: YearAction) => void;
}


/** What a screen reader hears after a year's visible tick text ("’10: 2010, 128 strikes, …"). */
export function yearDescription(y: DroneYear, short: boolean): string {
  // The visible text is the year itself unless the axis is short ("’10").
  const parts = short ? [String(y.year)] : [];
  if (!y.hasRow) parts.push('no figure from this tracker');
  else {
    parts.push(strikesPhrase(y));
    parts.push(`killed ${rangeText(y.killed)}`);
    parts.push(`civilians ${rangeText(y.civilians)}`);
  }
  if (y.marked) parts.push('has matching events');
  if (y.selected) parts.push('year of the selected item');
  if (y.filteredOut) parts.push('outside the selected years');
  return parts.join(', ');
}

/**
 * One tracker by year: strikes (left axis) beside total killed and civilians killed as min–max
 * ranges (right axis). Drag across years to brush; click a bar or a year label to select a year.
 */
const MARGIN = { top: 12, right: 4, bottom: 4, left: 4 };
const Y_TICK = { fontSize: 12, fill: '#4a5568' };
const CURSOR = { fill: '#1f5fa8', fillOpacity: 0.06 };
const STRIKES_LABEL = { value: 'Strikes', angle: -90, position: 'insideLeft', offset: 4, style: { fontSize: 12, fill: MEASURE_COLORS.strikes, textAnchor: 'middle' } } as const;
const PEOPLE_LABEL = { value: 'People killed', angle: 90, position: 'insideRight', offset: 4, style: { fontSize: 12, fill: '#4a5568', textAnchor: 'middle' } } as const;
const formatTick = (v: number) => formatNumber(v);

/** What Recharts plots, without the year object (looked up by key). */
type PlotDatum = { key: string; strikesBar: number; killedBar: [number, number]; civiliansBar: [number, number] };

/**
 * What changes on every filter change (dimming, marks, the selection, the pressed year, the drag),
 * handed to the bars, ticks, marks and tooltip through context: the Recharts chart keeps its
 * props, so it neither recomputes its scales nor re-lays out its axes; only those leaves update.
 */
interface DroneLive {
  byKey: ReadonlyMap<string, DroneYear>;
  series: DroneSeriesInfo;
  short: boolean;
  yearRange: YearRange | null;
  marks: readonly ColumnMark[];
  drag: readonly ColumnMark[];
  /** Stable: a tick's click or Enter, by year key (it reads the latest range). */
  onTickActivate: (key: string, extend: boolean) => void;
  onFocusTick: (tick: FocusedTick | null) => void;
}
const DroneLiveContext = createContext<DroneLive | null>(null);
function useDroneLive(): DroneLive {
  const live = useContext(DroneLiveContext);
  if (!live) throw new Error('DroneLiveContext missing');
  return live;
}

/** One tracker by year. The Recharts part is memoised apart, with stable props (see DroneLive). */
export const DroneChart = memo(function DroneChart({ years, series, yearRange, onAction }: DroneChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const byKey = useMemo(() => new Map(years.map((y) => [String(y.year), y])), [years]);
  // The plotted numbers as a key: restyling (dimming, marks, selection) keeps the same `data`.
  const dataKey = useMemo(() => JSON.stringify(years.map((y): PlotDatum => ({ key: String(y.year), strikesBar: y.strikes ?? 0, killedBar: y.killed.bar, civiliansBar: y.civilians.bar }))), [years]);
  const data = useMemo(() => JSON.parse(dataKey) as PlotDatum[], [dataKey]);
  const short = years.length > 12;
  const { tick: focusedTick, onFocusTick, onPointerState } = useFocusedTick();

  // Pointer handlers read the latest state from a ref, so they stay the same functions.
  const latest = useRef({ drag, byKey, yearRange, onAction, onPointerState });
  useLayoutEffect(() => {
    latest.current = { drag, byKey, yearRange, onAction, onPointerState };
  });
  const handlers = useMemo(() => {
    const yearOfState = (state: MouseHandlerDataParam): number | null => {
      const y = state.activeLabel !== undefined ? latest.current.byKey.get(String(state.activeLabel)) : undefined;
      return y ? y.year : null;
    };
    return {
      onMouseDown: (state: MouseHandlerDataParam) => {
        const year = yearOfState(state);
        if (year !== null) setDrag({ from: year, to: year });
      },
      onMouseMove: (state: MouseHandlerDataParam) => {
        latest.current.onPointerState(state);
        const year = yearOfState(state);
        const current = latest.current.drag;
        if (current && year !== null && year !== current.to) setDrag({ ...current, to: year });
      },
      onMouseUp: (state: MouseHandlerDataParam) => {
        const current = latest.current.drag;
        if (!current) return;
        const end = yearOfState(state) ?? current.to;
        setDrag(null);
        latest.current.onAction(yearDragAction(current.from, end));
      },
      onMouseLeave: () => setDrag(null),
    };
  }, []);
  const onTickActivate = useCallback((key: string, extend: boolean) => {
    const year = Number(key);
    const { yearRange: range, onAction: act } = latest.current;
    act(extend ? yearExtendAction(year, range) : { kind: 'toggle-year', year });
  }, []);

  const live = useMemo((): DroneLive => {
    const marks = years.filter((y) => y.marked || y.selected).map((y): ColumnMark => ({ from: String(y.year), to: String(y.year), fill: y.selected ? '#1f5fa8' : '#b4312b', fillOpacity: y.selected ? 0.12 : 0.08 }));
    const dragMarks = drag ? [{ from: String(Math.min(drag.from, drag.to)), to: String(Math.max(drag.from, drag.to)), fill: '#1f5fa8', fillOpacity: 0.15, stroke: '#1f5fa8' }] : [];
    return { byKey, series, short, yearRange, marks, drag: dragMarks, onTickActivate, onFocusTick };
  }, [years, byKey, series, short, yearRange, drag, onTickActivate, onFocusTick]);

  return (
    <div className="drone-chart">
      <DroneLiveContext.Provider value={live}>
        <DronePlot data={data} uid={uid} title={`Drone strikes in Pakistan by year, as reported by ${series.label}`} handlers={handlers} />
      </DroneLiveContext.Provider>
      {focusedTick && byKey.has(focusedTick.key) && (
        <TickTooltip tick={focusedTick}>
          <DroneTooltip active label={focusedTick.key} byKey={byKey} series={series} />
        </TickTooltip>
      )}
      <ul className="drone-legend" aria-label="Legend">
        <li>
          <span className="drone-legend__swatch" style={{ background: MEASURE_COLORS.strikes }} aria-hidden="true" />
          Strikes (left axis)
        </li>
        <li>
          <span className="drone-legend__swatch" style={{ background: MEASURE_COLORS.killed }} aria-hidden="true" />
          Total killed, min–max (right axis)
        </li>
        <li>
          <span className="drone-legend__swatch" style={{ background: MEASURE_COLORS.civilians }} aria-hidden="true" />
          Civilians killed, min–max (right axis)
        </li>
      </ul>
    </div>
  );
});

interface DronePlotProps {
  data: PlotDatum[];
  uid: string;
  title: string;
  handlers: {
    onMouseDown: (state: MouseHandlerDataParam) => void;
    onMouseMove: (state: MouseHandlerDataParam) => void;
    onMouseUp: (state: MouseHandlerDataParam) => void;
    onMouseLeave: () => void;
  };
}

const renderTick = (props: { x: number | string; y: number | string; payload: { value: unknown } }) => <LiveYearTick x={Number(props.x)} y={Number(props.y)} yearKey={String(props.payload.value)} />;
const tooltipContent = (p: { active?: boolean; label?: string | number }) => <LiveDroneTooltip active={p.active} label={p.label} />;

/** The Recharts chart: re-renders only when the plotted numbers or the layout change. */
const DronePlot = memo(function DronePlot({ data, uid, title, handlers }: DronePlotProps) {
  const shapes = useMemo(
    () => ({
      strikes: (p: BarShapeProps) => <LiveDroneShape shape={p} measure="strikes" hatchId="" />,
      killed: (p: BarShapeProps) => <LiveDroneShape shape={p} measure="killed" hatchId={`${uid}-killed`} />,
      civilians: (p: BarShapeProps) => <LiveDroneShape shape={p} measure="civilians" hatchId={`${uid}-civilians`} />,
    }),
    [uid],
  );
  return (
    <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
      <ComposedChart data={data} margin={MARGIN} {...handlers} title={title} barCategoryGap="14%" barGap={1} accessibilityLayer={false}>
        <defs>
          <HatchPattern id={`${uid}-killed`} color={MEASURE_COLORS.killed} />
          <HatchPattern id={`${uid}-civilians`} color={MEASURE_COLORS.civilians} />
        </defs>
        <CartesianGrid vertical={false} stroke="#e6e8ec" />
        <LiveMarks which="marks" />
        <XAxis dataKey="key" interval={0} height={44} tickLine={false} tick={renderTick} />
        <YAxis yAxisId="strikes" width={52} interval={0} allowDecimals={false} tick={Y_TICK} label={STRIKES_LABEL} />
        <YAxis yAxisId="people" orientation="right" width={58} interval={0} allowDecimals={false} tick={Y_TICK} tickFormatter={formatTick} label={PEOPLE_LABEL} />
        <Tooltip content={tooltipContent} cursor={CURSOR} isAnimationActive={false} />
        <Bar yAxisId="strikes" dataKey="strikesBar" name="Strikes" fill={MEASURE_COLORS.strikes} maxBarSize={22} isAnimationActive={false} shape={shapes.strikes} />
        <Bar yAxisId="people" dataKey="killedBar" name="Total killed (min–max)" fill={MEASURE_COLORS.killed} maxBarSize={22} isAnimationActive={false} shape={shapes.killed} />
        <Bar yAxisId="people" dataKey="civiliansBar" name="Civilians killed (min–max)" fill={MEASURE_COLORS.civilians} maxBarSize={22} isAnimationActive={false} shape={shapes.civilians} />
        <LiveMarks which="drag" />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

function LiveMarks({ which }: { which: 'marks' | 'drag' }) {
  const live = useDroneLive();
  return <ColumnMarks marks={live[which]} />;
}

function LiveYearTick({ x, y, yearKey }: { x: number; y: number; yearKey: string }) {
  const { byKey, short, yearRange, onTickActivate, onFocusTick } = useDroneLive();
  const year = byKey.get(yearKey);
  return year ? <YearTick x={x} y={y} year={year} short={short} yearRange={yearRange} onActivate={onTickActivate} onFocusTick={onFocusTick} /> : null;
}

function LiveDroneTooltip({ active, label }: { active?: boolean; label?: string | number }) {
  const { byKey, series } = useDroneLive();
  return <DroneTooltip active={active} label={label} byKey={byKey} series={series} />;
}

function LiveDroneShape({ shape: p, measure, hatchId }: { shape: BarShapeProps; measure: 'strikes' | 'killed' | 'civilians'; hatchId: string }) {
  const { byKey } = useDroneLive();
  const y = byKey.get(String((p.payload as PlotDatum | undefined)?.key));
  if (!y) return <g />;
  const faint = y.dimmed || y.filteredOut;
  if (measure === 'strikes') return <CountShape x={p.x} y={p.y} width={p.width} height={p.height} value={y.strikes} hasRow={y.hasRow} color={MEASURE_COLORS.strikes} faint={faint} />;
  const range = measure === 'killed' ? y.killed : y.civilians;
  return <RangeShape x={p.x} y={p.y} width={p.width} height={p.height} known={y.hasRow ? range.known : null} color={MEASURE_COLORS[measure]} hatchId={hatchId} faint={faint} />;
}

interface YearTickProps {
  x: number;
  y: number;
  year: DroneYear;
  short: boolean;
  yearRange: YearRange | null;
  onActivate: (key: string, extend: boolean) => void;
  onFocusTick: (tick: FocusedTick | null) => void;
}

function YearTick({ x, y, year, short, yearRange, onActivate, onFocusTick }: YearTickProps) {
  return (
    <YearTickButton
      tickKey={String(year.year)}
      x={x}
      y={y}
      label={short ? `’${String(year.year % 100).padStart(2, '0')}` : String(year.year)}
      sub={year.hasRow ? '' : 'n/a'}
      compact={short}
      marked={year.marked}
      dimmed={year.dimmed || year.filteredOut}
      selected={year.selected}
      pressed={yearRange !== null && yearRange.from === year.year && yearRange.to === year.year}
      description={yearDescription(year, short)}
      onActivate={onActivate}
      onFocusTick={onFocusTick}
    />
  );
}

interface DroneTooltipProps {
  active?: boolean;
  label?: string | number;
  byKey: ReadonlyMap<string, DroneYear>;
  series: DroneSeriesInfo;
}

function DroneTooltip({ active, label, byKey, series }: DroneTooltipProps) {
  if (!active || label === undefined) return null;
  const y = byKey.get(String(label));
  if (!y) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {y.year} · {series.label}
      </p>
      {!y.hasRow ? (
        <p className="chart-tooltip__muted">No figure from this tracker for this year (unknown, not zero).</p>
      ) : (
        <table className="chart-tooltip__table">
          <tbody>
            <tr>
              <th scope="row">Strikes</th>
              <td>{strikeCountText(y)}</td>
            </tr>
            <tr>
              <th scope="row">Total killed</th>
              <td>{rangeText(y.killed)}</td>
            </tr>
            <tr>
              <th scope="row">Civilians killed</th>
              <td>{rangeText(y.civilians)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {y.note && <p className="chart-tooltip__muted">{y.note}</p>}
      {y.marked && <p className="chart-tooltip__mark">◆ Year with events matching the timeline filters</p>}
      {y.selected && <p className="chart-tooltip__mark">Year of the selected item</p>}
      {y.filteredOut && <p className="chart-tooltip__muted">Outside the selected years: faded here, and not in the table or the CSV.</p>}
      <p className="chart-tooltip__hint">Click to select this year; drag to select a range.</p>
    </div>
  );
}
