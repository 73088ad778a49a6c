import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { COMPARE_COLORS, COMPARE_LABELS, type AidCompareView, type CompareYear } from './aidCompare';

interface AidCompareProps {
  compare: AidCompareView;
  /** "constant 2024 US$" or "current US$": every value is already in it. */
  unit: string;
  /** The value axis title. */
  axis: string;
}

const amount = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const twoDigits = (fy: number) => `’${String(fy % 100).padStart(2, '0')}`;

/**
 * The measures side by side per fiscal year: CRS appropriations, ForeignAssistance.gov obligations
 * and disbursements. A yearly average of a multi-year total and a request are drawn faint with a
 * dashed edge, so they are never read as a year's own final figure. The years after CRS's last
 * actual figure are shaded and labelled.
 */
export function AidCompare({ compare, unit, axis }: AidCompareProps) {
  const byKey = useMemo(() => new Map(compare.years.map((y) => [String(y.fiscalYear), y])), [compare.years]);
  const data = useMemo(
    () =>
      compare.years.map((y) => {
        const datum: Record<string, string | number> = { key: String(y.fiscalYear) };
        y.values.forEach((v, i) => {
          if (v) datum[`m${i}`] = v.value;
        });
        return datum;
      }),
    [compare.years],
  );
  const years = compare.years.map((y) => y.fiscalYear);
  const cutoff = compare.crsLastActual;
  const afterCrs = cutoff !== null ? years.filter((y) => y > cutoff) : [];
  const yLabel = { value: axis, angle: -90, position: 'insideLeft', offset: 2, style: { fontSize: 12, fill: '#4a5568', textAnchor: 'middle' } } as const;
  return (
    <div className="aid-compare">
      <ul className="aid-compare__legend" aria-label="Measures">
        {compare.measures.map((m) => (
          <li key={m}>
            <span className="chip__swatch" style={{ background: COMPARE_COLORS[m] }} aria-hidden="true" />
            {COMPARE_LABELS[m]}
          </li>
        ))}
      </ul>
      <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
        <BarChart data={data} margin={{ top: 22, right: 8, bottom: 4, left: 4 }} title={`US aid to Pakistan: the measures compared per fiscal year (${unit})`} barCategoryGap="14%" barGap={0}>
          <CartesianGrid vertical={false} stroke="#e6e8ec" />
          {afterCrs.length > 0 && (
            <ReferenceArea
              x1={String(afterCrs[0])}
              x2={String(afterCrs[afterCrs.length - 1])}
              fill="#6b7280"
              fillOpacity={0.08}
              ifOverflow="hidden"
              label={{ value: `CRS table ends FY${cutoff}`, position: 'insideTopLeft', fontSize: 12, fill: '#374151' }}
            />
          )}
          <XAxis dataKey="key" interval={0} tickLine={false} height={36} tick={{ fontSize: 12, fill: '#1b2233' }} tickFormatter={(k: string) => twoDigits(Number(k))} label={{ value: 'US fiscal year', position: 'insideBottom', offset: 0, style: { fontSize: 12, fill: '#4a5568' } }} />
          <YAxis width={64} tick={{ fontSize: 12, fill: '#4a5568' }} tickFormatter={(v: number) => v.toLocaleString('en-US')} label={yLabel} />
          <Tooltip content={(p) => <CompareTooltip active={p.active} label={p.label} byKey={byKey} compare={compare} unit={unit} />} cursor={{ fill: '#1f5fa8', fillOpacity: 0.06 }} isAnimationActive={false} />
          {compare.measures.map((m, i) => (
            <Bar
              key={m}
              dataKey={`m${i}`}
              name={COMPARE_LABELS[m]}
              fill={COMPARE_COLORS[m]}
              maxBarSize={18}
              isAnimationActive={false}
              shape={(p: BarShapeProps) => {
                const year = byKey.get(String((p.payload as { key?: string } | undefined)?.key));
                const v = year?.values[i];
                if (!v || !(p.height > 0)) return <g />;
                const tentative = v.aggregate !== null || (v.status !== null && v.status !== 'actual');
                return (
                  <rect
                    className="aid-compare__bar"
                    data-measure={m}
                    x={p.x}
                    y={p.y}
                    width={p.width}
                    height={p.height}
                    fill={COMPARE_COLORS[m]}
                    fillOpacity={year?.dimmed ? 0.2 : tentative ? 0.4 : 1}
                    stroke={tentative ? COMPARE_COLORS[m] : 'none'}
                    strokeDasharray={tentative ? '3 2' : undefined}
                  />
                );
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function CompareTooltip({ active, label, byKey, compare, unit }: { active?: boolean; label?: string | number; byKey: ReadonlyMap<string, CompareYear>; compare: AidCompareView; unit: string }) {
  if (!active || label === undefined) return null;
  const year = byKey.get(String(label));
  if (!year) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        FY{year.fiscalYear} ({unit} m)
      </p>
      <table className="chart-tooltip__table">
        <tbody>
          {compare.measures.map((m, i) => {
            const v = year.values[i];
            return (
              <tr key={m}>
                <th scope="row">
                  <span className="chart-tooltip__swatch" style={{ background: COMPARE_COLORS[m] }} aria-hidden="true" />
                  {COMPARE_LABELS[m]}
                </th>
                <td>
                  {v ? amount(v.value) : 'no figure'}
                  {v?.aggregate ? ' (yearly avg.)' : v?.status && v.status !== 'actual' ? ` (${v.status})` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {year.values.some((v) => v?.aggregate) && <p className="chart-tooltip__muted">CRS prints FY2002–FY2007 as one total; each year shows its yearly average, not a figure of its own.</p>}
    </div>
  );
}
