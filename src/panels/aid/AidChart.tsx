import { createContext, memo, useCallback, useContext, useId, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Bar, CartesianGrid, ComposedChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type MouseHandlerDataParam } from 'recharts';
import type { YearRange } from '../../crossfilter/filters';
import { AID_STATUS_LABELS, compactSlotLabel, SHOWN_AS_LABELS, slotClickAction, slotDragAction, slotExtendAction, type AidSeries, type AidSlot, type AidView, type SlotAction } from './aidSelectors';
import { YearTickButton, type FocusedTick } from '../../components/charts/YearTickButton';
import { TickTooltip, useFocusedTick } from '../../components/charts/TickTooltip';
import { ColumnMarks, type ColumnMark } from '../../components/charts/ColumnMarks';
import { formatNumber } from '../../components/charts/numberFormat';

interface AidChartProps {
  view: AidView;
  /** The current year range (from any control): a click on the selected year clears it. */
  yearRange: YearRange | null;
  onAction: (action: SlotAction) => void;
}

/** Only what Recharts plots: the year key and one amount per series (the slot is looked up by key). */
type Datum = { key: string } & Record<string, number | string | undefined>;

const MARGIN = { top: 12, right: 8, bottom: 4, left: 4 };
const Y_TICK = { fontSize: 12, fill: '#4a5568' };
const CURSOR = { fill: '#1f5fa8', fillOpacity: 0.06 };
const X_LABEL = { value: 'US fiscal year', position: 'insideBottom', offset: 0, style: { fontSize: 12, fill: '#4a5568' } } as const;
const formatTick = (v: number) => formatNumber(v);


const money = (n: number) => `US$ ${formatNumber(n, 1)} m`;

/** What a screen reader hears after a fiscal year's visible tick text ("FY08: FY2008, US$ 2,043 m"). */
export function slotDescription(slot: AidSlot): string {
  const parts = [slot.title];
  if (!slot.hasData) parts.push('no figure');
  else if (slot.total !== null) parts.push(money(slot.total));
  if (slot.status && slot.status !== 'actual') parts.push(AID_STATUS_LABELS[slot.status].toLowerCase());
  if (slot.hasOtherFigures) parts.push('other figures exist');
  if (slot.marked) parts.push('has matching events');
  if (slot.selected) parts.push('year of the selected item');
  if (slot.filteredOut) parts.push('outside the selected years');
  return parts.join(', ');
}

/** Room the year labels need, in multiples of their font size: "FY02–07" beside "FY08" is the tightest. */
const FULL_LABEL_EMS = 3.8;

/**
 * Whether the year labels must shorten to "’11": when a slot is narrower than a full label at the
 * label's own font size. The font size comes from CSS, so the projector theme's 20 px ticks
 * shorten in time; without layout (tests) the slot count decides.
 */
function useCompactTicks(ref: RefObject<HTMLDivElement | null>, slotCount: number): boolean {
  // Measured on mount and on resize only: a filter change that alters the slot count reuses the
  // measured width and font size instead of forcing a style recalculation and layout.
  const [box, setBox] = useState<{ width: number; fontSize: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const label = el.querySelector('.year-tick__label');
      const fontSize = label ? parseFloat(getComputedStyle(label).fontSize) || 12 : 12;
      const width = el.clientWidth;
      if (width > 0) setBox((prev) => (prev && prev.width === width && prev.fontSize === fontSize ? prev : { width, fontSize }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return box ? box.width / Math.max(slotCount, 1) < box.fontSize * FULL_LABEL_EMS : slotCount > 15;
}

/**
 * What changes on every filter change (dimming, marks, the selection, the pressed year, the drag),
 * handed to the bars, ticks, marks and tooltip through context: the Recharts chart itself keeps
 * its props, so it neither recomputes its scales nor re-lays out its axes; only those leaves update.
 */
interface AidLive {
  slotByKey: ReadonlyMap<string, AidSlot>;
  series: readonly AidSeries[];
  unit: string;
  yearRange: YearRange | null;
  compact: boolean;
  marks: readonly ColumnMark[];
  drag: readonly ColumnMark[];
  /** Stable: a tick's click or Enter, by slot key (it reads the latest slots and range). */
  onTickActivate: (key: string, extend: boolean) => void;
  onFocusTick: (tick: FocusedTick | null) => void;
}
const AidLiveContext = createContext<AidLive | null>(null);
function useAidLive(): AidLive {
  const live = useContext(AidLiveContext);
  if (!live) throw new Error('AidLiveContext missing');
  return live;
}

/**
 * Stacked bars by fiscal year. Drag across years to brush a range; click a bar or a year label to
 * select one year (again to clear). Year labels are buttons, so the same works from the keyboard.
 */
export const AidChart = memo(function AidChart({ view, yearRange, onAction }: AidChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [drag, setDrag] = useState<{ from: string; to: string } | null>(null);
  // The whole axis, whatever the year range: years outside it are faded, not removed, so a range
  // change keeps the plotted data, the scales and the axis layout, and only restyles bars and ticks.
  const slots = view.axisSlots;
  const slotByKey = useMemo(() => new Map(slots.map((s) => [s.key, s])), [slots]);
  // The plotted numbers as a key: a selection or a highlight that only restyles bars keeps the
  // same `data` array, so Recharts does not recompute its scales and layout.
  const dataKey = useMemo(
    () =>
      JSON.stringify(
        slots.map((slot) => {
          const datum: Datum = { key: slot.key };
          view.series.forEach((s, i) => {
            const amount = slot.amounts[s.key];
            if (amount !== undefined) datum[`v${i}`] = amount;
          });
          return datum;
        }),
      ),
    [slots, view.series],
  );
  const data = useMemo(() => JSON.parse(dataKey) as Datum[], [dataKey]);
  // The series as drawn (key, name, colour); their dimming is live.
  const seriesKey = JSON.stringify(view.series.map((s) => [s.key, s.label, s.color]));
  const plotSeries = useMemo(() => JSON.parse(seriesKey) as [string, string, string][], [seriesKey]);

  const { tick: focusedTick, onFocusTick, onPointerState } = useFocusedTick();
  const focusedSlot = focusedTick ? slotByKey.get(focusedTick.key) : undefined;
  // Where CRS's yearly table stops: the slots after it are shaded and labelled (the panel says what continues).
  const cutoff = view.crsCutoff?.lastActual;
  const afterCrsSlots = cutoff === undefined ? [] : slots.filter((s) => s.start > cutoff);
  const afterCrsFrom = afterCrsSlots[0]?.key ?? null;
  const afterCrsTo = afterCrsSlots[afterCrsSlots.length - 1]?.key ?? null;
  const chartRef = useRef<HTMLDivElement>(null);
  const compact = useCompactTicks(chartRef, slots.length);

  // Pointer handlers read the latest state from a ref, so they stay the same functions.
  const latest = useRef({ drag, slotByKey, yearRange, onAction, onPointerState });
  useLayoutEffect(() => {
    latest.current = { drag, slotByKey, yearRange, onAction, onPointerState };
  });
  const handlers = useMemo(() => {
    const keyOf = (state: MouseHandlerDataParam): string | null => {
      const label = state.activeLabel;
      return label !== undefined && latest.current.slotByKey.has(String(label)) ? String(label) : null;
    };
    return {
      onMouseDown: (state: MouseHandlerDataParam) => {
        const key = keyOf(state);
        if (key) setDrag({ from: key, to: key });
      },
      onMouseMove: (state: MouseHandlerDataParam) => {
        latest.current.onPointerState(state);
        const key = keyOf(state);
        const current = latest.current.drag;
        if (current && key && key !== current.to) setDrag({ ...current, to: key });
      },
      onMouseUp: (state: MouseHandlerDataParam) => {
        const { drag: current, slotByKey: slots, yearRange: range, onAction: act } = latest.current;
        if (!current) return;
        const a = slots.get(current.from);
        const b = slots.get(keyOf(state) ?? current.to);
        setDrag(null);
        if (a && b) act(slotDragAction(a, b, range));
      },
      onMouseLeave: () => setDrag(null),
    };
  }, []);
  const onTickActivate = useCallback((key: string, extend: boolean) => {
    const { slotByKey: slots, yearRange: range, onAction: act } = latest.current;
    const slot = slots.get(key);
    if (slot) act(extend ? slotExtendAction(slot, range) : slotClickAction(slot, range));
  }, []);

  const live = useMemo((): AidLive => {
    const marks = slots.filter((s) => s.marked || s.selected).map((s): ColumnMark => ({ from: s.key, to: s.key, fill: s.selected ? '#1f5fa8' : '#b4312b', fillOpacity: s.selected ? 0.12 : 0.08 }));
    const dragArea = drag ? orderedKeys(slots, drag.from, drag.to) : null;
    const dragMarks = dragArea ? [{ from: dragArea[0], to: dragArea[1], fill: '#1f5fa8', fillOpacity: 0.15, stroke: '#1f5fa8' }] : [];
    return { slotByKey, series: view.series, unit: view.dollars.unit, yearRange, compact, marks, drag: dragMarks, onTickActivate, onFocusTick };
  }, [slots, view.series, view.dollars.unit, slotByKey, yearRange, compact, drag, onTickActivate, onFocusTick]);

  return (
    <div className="aid-chart" ref={chartRef}>
      <AidLiveContext.Provider value={live}>
        <AidPlot data={data} series={plotSeries} compact={compact} uid={uid} axisLabel={view.axis} afterCrs={afterCrsFrom && afterCrsTo ? `${afterCrsFrom}|${afterCrsTo}` : null} title={`US aid to Pakistan by fiscal year: ${view.measureInfo.label}`} handlers={handlers} />
      </AidLiveContext.Provider>
      {focusedTick && focusedSlot && (
        <TickTooltip tick={focusedTick}>
          <AidTooltip active label={focusedSlot.key} slotByKey={slotByKey} series={view.series} unit={view.dollars.unit} />
        </TickTooltip>
      )}
    </div>
  );
});

interface AidPlotProps {
  data: Datum[];
  series: [key: string, label: string, color: string][];
  compact: boolean;
  uid: string;
  axisLabel: string;
  /** The first and last slot after CRS's yearly table ends, as "from|to", or null. */
  afterCrs: string | null;
  title: string;
  handlers: {
    onMouseDown: (state: MouseHandlerDataParam) => void;
    onMouseMove: (state: MouseHandlerDataParam) => void;
    onMouseUp: (state: MouseHandlerDataParam) => void;
    onMouseLeave: () => void;
  };
}

const renderTick = (props: { x: number | string; y: number | string; payload: { value: unknown } }) => <LiveSlotTick x={Number(props.x)} y={Number(props.y)} slotKey={String(props.payload.value)} />;
const tooltipContent = (props: { active?: boolean; label?: string | number }) => <LiveAidTooltip active={props.active} label={props.label} />;

/** The Recharts chart: re-renders only when the plotted numbers, the series or the layout change. */
const AidPlot = memo(function AidPlot({ data, series, compact, uid, axisLabel, afterCrs, title, handlers }: AidPlotProps) {
  const [afterCrsFrom, afterCrsTo] = afterCrs ? afterCrs.split('|') : [];
  const yLabel = useMemo(() => ({ value: axisLabel, angle: -90, position: 'insideLeft', offset: 2, style: { fontSize: 12, fill: '#4a5568', textAnchor: 'middle' } }) as const, [axisLabel]);
  const shapes = useMemo(() => series.map((_, i) => (p: BarShapeProps) => <LiveAidBarShape shape={p} seriesIndex={i} hatchId={`${uid}-hatch-${i}`} />), [series, uid]);
  return (
    <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
      <ComposedChart data={data} margin={MARGIN} {...handlers} title={title} barCategoryGap="18%" accessibilityLayer={false}>
        <defs>
          {series.map(([key, , color], i) => (
            <pattern key={key} id={`${uid}-hatch-${i}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <rect width="3" height="6" fill={color} />
            </pattern>
          ))}
        </defs>
        <CartesianGrid vertical={false} stroke="#e6e8ec" />
        <LiveMarks which="marks" />
        {afterCrsFrom && afterCrsTo && (
          <ReferenceArea
            x1={afterCrsFrom}
            x2={afterCrsTo}
            fill="#6b7280"
            fillOpacity={0.1}
            stroke="#4b5563"
            strokeDasharray="4 3"
            ifOverflow="hidden"
            label={{ value: 'after CRS', position: 'insideTop', fontSize: 11, fill: '#374151' }}
            className="aid-chart__after-crs"
          />
        )}
        <XAxis dataKey="key" interval={0} height={compact ? 58 : 44} tickLine={false} label={compact ? X_LABEL : undefined} tick={renderTick} />
        <YAxis width={64} interval={0} tick={Y_TICK} tickFormatter={formatTick} label={yLabel} />
        <Tooltip content={tooltipContent} cursor={CURSOR} isAnimationActive={false} />
        {series.map(([key, label, color], i) => (
          <Bar key={key} dataKey={`v${i}`} name={label} stackId="aid" fill={color} maxBarSize={56} isAnimationActive={false} shape={shapes[i]} />
        ))}
        <LiveMarks which="drag" />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

function LiveMarks({ which }: { which: 'marks' | 'drag' }) {
  const live = useAidLive();
  return <ColumnMarks marks={live[which]} />;
}

function LiveSlotTick({ x, y, slotKey }: { x: number; y: number; slotKey: string }) {
  const { slotByKey, compact, yearRange, onTickActivate, onFocusTick } = useAidLive();
  const slot = slotByKey.get(slotKey);
  return slot ? <SlotTick x={x} y={y} slot={slot} compact={compact} yearRange={yearRange} onActivate={onTickActivate} onFocusTick={onFocusTick} /> : null;
}

function LiveAidTooltip({ active, label }: { active?: boolean; label?: string | number }) {
  const { slotByKey, series, unit } = useAidLive();
  return <AidTooltip active={active} label={label} slotByKey={slotByKey} series={series} unit={unit} />;
}

function LiveAidBarShape({ shape, seriesIndex, hatchId }: { shape: BarShapeProps; seriesIndex: number; hatchId: string }) {
  const { slotByKey, series } = useAidLive();
  const s = series[seriesIndex];
  const slot = slotByKey.get(String((shape.payload as Datum | undefined)?.key));
  const { x, y, width, height } = shape;
  if (!s || !slot || !(height > 0) || !(width > 0)) return null;
  const provisional = slot.status !== null && slot.status !== 'actual';
  return <AidBarRect x={x} y={y} width={width} height={height} color={s.color} hatchId={provisional ? hatchId : null} faint={slot.dimmed || slot.filteredOut || s.dimmed} />;
}

function orderedKeys(slots: readonly AidSlot[], a: string, b: string): [string, string] {
  const ia = slots.findIndex((s) => s.key === a);
  const ib = slots.findIndex((s) => s.key === b);
  return ia <= ib ? [a, b] : [b, a];
}

interface AidBarRectProps {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
  /** The hatch of a request or estimate; null for a final figure. */
  hatchId: string | null;
  faint: boolean;
}

/** One stacked segment. Memoised on plain values: a filter change re-renders only the segments whose fading changed. */
const AidBarRect = memo(function AidBarRect({ x, y, width, height, color, hatchId, faint }: AidBarRectProps) {
  return (
    <rect
      x={x}
      y={y}
      width={width}
      height={height}
      fill={hatchId ? `url(#${hatchId})` : color}
      fillOpacity={faint ? 0.22 : 1}
      stroke={hatchId ? color : '#ffffff'}
      strokeOpacity={faint ? 0.3 : 1}
      strokeWidth={hatchId ? 1.2 : 0.6}
      className="aid-chart__bar"
    />
  );
});

interface SlotTickProps {
  x: number;
  y: number;
  slot: AidSlot;
  compact: boolean;
  yearRange: YearRange | null;
  onActivate: (key: string, extend: boolean) => void;
  onFocusTick: (tick: FocusedTick | null) => void;
}

function SlotTick({ x, y, slot, compact, yearRange, onActivate, onFocusTick }: SlotTickProps) {
  const second = !slot.hasData ? (compact ? 'n/a' : 'no data') : slot.status === 'request' ? 'req.' : slot.status === 'estimate' ? 'est.' : slot.start !== slot.end ? `${slot.end - slot.start + 1} yrs` : '';
  return (
    <YearTickButton
      tickKey={slot.key}
      x={x}
      y={y}
      label={`${compact ? compactSlotLabel(slot.start, slot.end) : slot.label}${slot.hasOtherFigures ? '†' : ''}`}
      sub={second}
      compact={compact}
      marked={slot.marked}
      dimmed={slot.dimmed || slot.filteredOut}
      selected={slot.selected}
      pressed={yearRange !== null && yearRange.from === slot.start && yearRange.to === slot.end}
      description={slotDescription(slot)}
      onActivate={onActivate}
      onFocusTick={onFocusTick}
    />
  );
}

interface AidTooltipProps {
  active?: boolean;
  label?: string | number;
  slotByKey: ReadonlyMap<string, AidSlot>;
  series: readonly AidSeries[];
  /** "current US$" / "constant 2024 US$": the amounts are already in it. */
  unit: string;
}


function AidTooltip({ active, label, slotByKey, series, unit }: AidTooltipProps) {
  if (!active || label === undefined) return null;
  const slot = slotByKey.get(String(label));
  if (!slot) return null;
  // Printed figures keep their digits; deflated ones are estimates, so one decimal is plenty.
  const amountText = (n: number) => formatNumber(n, unit.startsWith('current') ? 3 : 1);
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {slot.title}
        {slot.status && slot.status !== 'actual' ? ` (${AID_STATUS_LABELS[slot.status].toLowerCase()})` : ''}
      </p>
      {!slot.hasData ? (
        <p className="chart-tooltip__muted">No figure for this year in this measure (unknown, not zero).</p>
      ) : (
        <table className="chart-tooltip__table">
          <tbody>
            {series
              .filter((s) => slot.amounts[s.key] !== undefined)
              .reverse()
              .map((s) => (
                <tr key={s.key}>
                  <th scope="row">
                    <span className="chart-tooltip__swatch" style={{ background: s.color }} aria-hidden="true" />
                    {s.longLabel}
                  </th>
                  <td>{amountText(slot.amounts[s.key] ?? 0)}</td>
                </tr>
              ))}
            <tr className="chart-tooltip__total">
              <th scope="row">Total ({unit} m)</th>
              <td>{amountText(slot.total ?? 0)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {slot.start !== slot.end && slot.hasData && <p className="chart-tooltip__muted">One figure for {slot.end - slot.start + 1} fiscal years; single years are not published in this source.</p>}
      {slot.rows.some((v) => v.shownAs !== 'drawn') && (
        <ul className="chart-tooltip__others">
          {slot.rows
            .filter((v) => v.shownAs !== 'drawn')
            .map((v) => (
              <li key={v.row.id}>
                {v.row.programme} {AID_STATUS_LABELS[v.row.status].toLowerCase()}: {amountText(v.row.amount)}. {SHOWN_AS_LABELS[v.shownAs]}
              </li>
            ))}
        </ul>
      )}
      {slot.marked && <p className="chart-tooltip__mark">◆ Year with events matching the timeline filters</p>}
      {slot.selected && <p className="chart-tooltip__mark">Year of the selected item</p>}
      {slot.filteredOut && <p className="chart-tooltip__muted">Outside the selected years: faded here, and not in the table or the CSV.</p>}
      <p className="chart-tooltip__hint">Click to select this year; drag to select a range.</p>
    </div>
  );
}
