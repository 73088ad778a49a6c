import { useId, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { rangeText, strikeCountText, type CountRange, type DroneCompareYear, type DroneSeriesInfo, type DroneYear } from './droneSelectors';
import { CountShape, HatchPattern, RangeShape, TRACKER_COLORS } from './droneShapes';

interface DroneCompareProps {
  years: readonly DroneCompareYear[];
  series: readonly DroneSeriesInfo[];
}

type Metric = 'strikes' | 'killed' | 'civilians';

const METRICS: readonly { metric: Metric; title: string }[] = [
  { metric: 'civilians', title: 'Civilians killed (min–max)' },
  { metric: 'killed', title: 'Total killed (min–max)' },
  { metric: 'strikes', title: 'Strikes' },
];

export const trackerColor = (i: number) => TRACKER_COLORS[i % TRACKER_COLORS.length]!;

/**
 * Every tracker side by side for the selected years, one small chart per measure. Civilians come
 * first because that is where the trackers disagree most.
 */
export function DroneCompare({ years, series }: DroneCompareProps) {
  return (
    <div className="drone-compare">
      <ul className="drone-legend" aria-label="Trackers">
        {series.map((s, i) => (
          <li key={s.id}>
            <span className="drone-legend__swatch" style={{ background: trackerColor(i) }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      {METRICS.map(({ metric, title }) => (
        <CompareChart key={metric} metric={metric} title={title} years={years} series={series} />
      ))}
    </div>
  );
}

interface CompareChartProps {
  metric: Metric;
  title: string;
  years: readonly DroneCompareYear[];
  series: readonly DroneSeriesInfo[];
}

function valueOf(v: DroneYear, metric: Metric): number | [number, number] {
  return metric === 'strikes' ? (v.strikes ?? 0) : v[metric].bar;
}

function CompareChart({ metric, title, years, series }: CompareChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const headingId = `${uid}-title`;
  const byKey = useMemo(() => new Map(years.map((y) => [String(y.year), y])), [years]);
  const data = useMemo(
    () =>
      years.map((y) => {
        const datum: Record<string, unknown> = { key: String(y.year), cy: y };
        y.values.forEach((v, i) => {
          if (v) datum[`s${i}`] = valueOf(v, metric);
        });
        return datum;
      }),
    [years, metric],
  );
  const cell = (p: BarShapeProps, i: number): DroneYear | null => ((p.payload as { cy?: DroneCompareYear } | undefined)?.cy?.values[i] ?? null);
  return (
    <figure className="drone-compare__chart" aria-labelledby={headingId}>
      <figcaption id={headingId} className="drone-compare__title">
        {title}
      </figcaption>
      <ResponsiveContainer width="100%" height={150} initialDimension={{ width: 600, height: 150 }}>
        <BarChart data={data} margin={{ top: 14, right: 8, bottom: 0, left: 4 }} title={`${title}, by tracker and year`} barCategoryGap="16%" barGap={1}>
          <defs>
            {series.map((s, i) => (
              <HatchPattern key={s.id} id={`${uid}-h${i}`} color={trackerColor(i)} />
            ))}
          </defs>
          <CartesianGrid vertical={false} stroke="#e6e8ec" />
          {years
            .filter((y) => y.marked || y.selected)
            .map((y) => (
              <ReferenceArea key={`mark-${y.year}`} x1={String(y.year)} x2={String(y.year)} fill={y.selected ? '#1f5fa8' : '#b4312b'} fillOpacity={y.selected ? 0.12 : 0.08} ifOverflow="hidden" />
            ))}
          <XAxis
            dataKey="key"
            interval={0}
            tickLine={false}
            tick={{ fontSize: 12, fill: '#1b2233' }}
            tickFormatter={(k: string) => {
              const y = byKey.get(k);
              return y?.marked ? `◆${k}` : k;
            }}
          />
          <YAxis width={52} allowDecimals={false} tick={{ fontSize: 12, fill: '#4a5568' }} tickFormatter={(v: number) => v.toLocaleString('en-US')} />
          <Tooltip content={(p) => <CompareTooltip active={p.active} label={p.label} byKey={byKey} series={series} metric={metric} title={title} />} cursor={{ fill: '#1f5fa8', fillOpacity: 0.06 }} isAnimationActive={false} />
          {series.map((s, i) => (
            <Bar
              key={s.id}
              dataKey={`s${i}`}
              name={s.label}
              fill={trackerColor(i)}
              maxBarSize={26}
              isAnimationActive={false}
              shape={(p: BarShapeProps) => {
                const v = cell(p, i);
                if (!v) return <g />;
                return metric === 'strikes' ? (
                  <CountShape x={p.x} y={p.y} width={p.width} height={p.height} value={v.strikes} hasRow color={trackerColor(i)} faint={false} />
                ) : (
                  <RangeShape x={p.x} y={p.y} width={p.width} height={p.height} known={v[metric].known} color={trackerColor(i)} hatchId={`${uid}-h${i}`} faint={false} />
                );
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

interface CompareTooltipProps {
  active?: boolean;
  label?: string | number;
  byKey: ReadonlyMap<string, DroneCompareYear>;
  series: readonly DroneSeriesInfo[];
  metric: Metric;
  title: string;
}

function metricText(v: DroneYear | null, metric: Metric): string {
  if (!v) return 'no figure';
  if (metric === 'strikes') return strikeCountText(v);
  return rangeText(v[metric] as CountRange);
}

function CompareTooltip({ active, label, byKey, series, metric, title }: CompareTooltipProps) {
  if (!active || label === undefined) return null;
  const y = byKey.get(String(label));
  if (!y) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {y.year} · {title}
      </p>
      <table className="chart-tooltip__table">
        <tbody>
          {series.map((s, i) => (
            <tr key={s.id}>
              <th scope="row">
                <span className="chart-tooltip__swatch" style={{ background: trackerColor(i) }} aria-hidden="true" />
                {s.label}
              </th>
              <td>{metricText(y.values[i] ?? null, metric)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {y.marked && <p className="chart-tooltip__mark">◆ Year with events matching the timeline filters</p>}
      {y.selected && <p className="chart-tooltip__mark">Year of the selected item</p>}
    </div>
  );
}
