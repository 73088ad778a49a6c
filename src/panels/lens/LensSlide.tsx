/**
 * The lens on a slide. As a chart: CRS aid per US fiscal year stacked by category (left axis),
 * TBIJ strikes as a line (right axis), cooperation events named above the plot and friction events
 * below the axis, labels placed so none overlap (the rest are counted). As "Claims vs data": the
 * seed paper's headline figures beside what the dataset's rows give, as many as fit.
 */
import { useMemo } from 'react';
import { SlideFrame, type PanelSlideProps } from '../../components/slide/SlideFrame';
import { SlideGridlines } from '../../components/slide/SlideGridlines';
import { chartSlideFilters, labelStep, niceTicks, placeLabels, SLIDE_MIN_TEXT, SLIDE_TEXT, textWidth, wrapText, yearsLabel } from '../../components/slide/slideKit';
import type { ElementSize } from '../../components/slide/useElementSize';
import { useDashboardStore } from '../../store/store';
import { AID_CATEGORY_LABELS, TONE_COLORS } from '../../theme/palette';
import { lensMeta } from './lensMeta';
import './lens.css';
import { LENS_CATEGORIES, LENS_CATEGORY_COLORS, printedFigure, readingSentence, selectLensView, type ClaimRow, type LensEvent, type LensView } from './lensSelectors';

type OkView = Extract<LensView, { state: 'ok' }>;

const STRIKE_COLOR = '#7a2a2a';
const bn = (millions: number) => `${Number((millions / 1000).toFixed(1))}`;
const tick = (fy: number) => `’${String(fy % 100).padStart(2, '0')}`;

/** Label rows above the plot (cooperation) and below the axis (friction). */
const LABEL_ROWS = 2;

interface PlacedEventLabel {
  id: string;
  tone: LensEvent['tone'];
  text: string;
  left: number;
  width: number;
  row: number;
  anchorX: number;
  selected: boolean;
}

function LensSlideChart({ view, box, unit }: { view: OkView; box: ElementSize; unit: number }) {
  const font = SLIDE_MIN_TEXT * unit;
  const rowH = font * 1.3;
  const markerBand = 22 * unit;
  const years: number[] = [];
  for (let y = view.axis.from; y <= view.axis.to; y++) years.push(y);

  // Vertical bands: cooperation labels, their markers, the plot, the year ticks, friction markers, friction labels.
  const plotTop = LABEL_ROWS * rowH + markerBand + font * 0.6;
  const tickRow = font * 1.4;
  const axisY = box.height - LABEL_ROWS * rowH - markerBand - tickRow;
  const plotH = Math.max(20, axisY - plotTop);

  const perYear = (s: OkView['slots'][number]) => s.total / (s.end - s.start + 1);
  const aidTicks = niceTicks(Math.max(1, ...view.slots.map(perYear)), plotH > 260 * unit ? 4 : 2);
  const strikeTicks = niceTicks(Math.max(1, ...view.strikes.map((p) => p.strikes)), aidTicks.length - 1);
  const aidTop = aidTicks[aidTicks.length - 1] ?? 1;
  const strikeTop = strikeTicks[strikeTicks.length - 1] ?? 1;
  const left = Math.max(...aidTicks.map((t) => textWidth(bn(t), font))) + 10 * unit;
  const right = box.width - Math.max(...strikeTicks.map((t) => textWidth(String(t), font))) - 10 * unit;
  const unitW = (right - left) / Math.max(1, years.length);
  const x = (fy: number) => left + (fy - view.axis.from) * unitW;
  const mid = (fy: number) => x(fy) + unitW / 2;
  const yAid = (v: number) => axisY - (v / aidTop) * plotH;
  const yStrikes = (v: number) => axisY - (v / strikeTop) * plotH;
  const step = labelStep(years.length, right - left, textWidth('’00', font), 10 * unit);

  const labels = (() => {
    const placed: PlacedEventLabel[] = [];
    let hidden = 0;
    for (const tone of ['cooperation', 'friction'] as const) {
      const byYear = new Map<number, LensEvent[]>();
      for (const e of view.events) if (e.tone === tone) byYear.set(e.fiscalYear, [...(byYear.get(e.fiscalYear) ?? []), e]);
      const groups = [...byYear.entries()].map(([fy, list]) => {
        const sorted = [...list].sort((a, b) => Number(b.selected) - Number(a.selected) || Number(b.major) - Number(a.major) || a.date.localeCompare(b.date));
        const lead = sorted[0]!;
        const more = sorted.length > 1 ? ` +${sorted.length - 1}` : '';
        const maxWidth = Math.min(box.width * 0.3, Math.max(unitW * 2.4, 320 * unit), 480 * unit);
        const text = `${wrapText(lead.title, font, maxWidth - textWidth(more, font), 1)[0] ?? ''}${more}`;
        return { id: `${tone}-${fy}`, fy, lead, text, width: textWidth(text, font, lead.selected ? 700 : 400), count: sorted.length };
      });
      const { placed: spots, hidden: lost } = placeLabels(
        groups.map((g) => ({ id: g.id, x: mid(g.fy), width: g.width, priority: (g.lead.selected ? 8 : 0) + (g.lead.major ? 4 : 0) + Math.min(3, g.count) })),
        box.width,
        LABEL_ROWS,
        14 * unit,
      );
      for (const spot of spots) {
        const g = groups.find((gr) => gr.id === spot.id)!;
        placed.push({ id: spot.id, tone, text: g.text, left: spot.left, width: g.width, row: spot.row, anchorX: mid(g.fy), selected: g.lead.selected });
      }
      hidden += lost.reduce((n, id) => n + (groups.find((g) => g.id === id)?.count ?? 0), 0);
    }
    return { placed, hidden };
  })();

  // Cooperation rows count up from the plot; friction rows down from the axis.
  const labelBaseline = (tone: LensEvent['tone'], row: number) => (tone === 'cooperation' ? plotTop - markerBand - font * 0.45 - row * rowH : axisY + tickRow + markerBand + font * 0.95 + row * rowH);
  const markerY = (tone: LensEvent['tone']) => (tone === 'cooperation' ? plotTop - markerBand / 2 - 2 * unit : axisY + tickRow + markerBand / 2);
  const strikePath = view.strikes.map((p, i) => `${i ? 'L' : 'M'}${mid(p.fiscalYear).toFixed(1)},${yStrikes(p.strikes).toFixed(1)}`).join('');
  const marks = new Map<string, LensEvent>();
  for (const e of view.events) if (!marks.has(`${e.tone}-${e.fiscalYear}`) || e.selected) marks.set(`${e.tone}-${e.fiscalYear}`, e);

  return (
    <svg className="slide-svg lens-slide" width={box.width} height={box.height} role="img" aria-label={`${lensMeta.title}: aid, strikes and events by US fiscal year, ${yearsLabel(view.axis)}`}>
      <SlideGridlines ticks={aidTicks} y={yAid} left={left} right={right} labelGap={6 * unit} unit={unit} font={font} format={bn} />
      {strikeTicks.map((t) => (
        <text key={t} x={right + 6 * unit} y={yStrikes(t)} dy="0.35em" fontSize={font} style={{ fill: STRIKE_COLOR }}>
          {t}
        </text>
      ))}
      {view.slots.map((s) => {
        const span = s.end - s.start + 1;
        const pad = span > 1 ? 3 * unit : unitW * 0.16;
        let top = axisY;
        return (
          <g key={s.label} opacity={s.dimmed ? 0.3 : 1}>
            {LENS_CATEGORIES.map((c) => {
              const h = ((s.amounts[c] / span) * plotH) / aidTop;
              top -= h;
              return <rect key={c} x={x(s.start) + pad} y={top} width={Math.max(1, unitW * span - 2 * pad)} height={Math.max(0, h)} fill={LENS_CATEGORY_COLORS[c]} fillOpacity={span > 1 ? 0.55 : 0.95} />;
            })}
          </g>
        );
      })}
      {strikePath && <path d={strikePath} fill="none" stroke={STRIKE_COLOR} strokeWidth={Math.max(2, 4 * unit)} strokeLinejoin="round" />}
      <line x1={left} x2={right} y1={axisY} y2={axisY} stroke="#1a202c" strokeWidth={Math.max(1.5, 2.5 * unit)} />
      {years.map((fy) =>
        (fy - view.axis.from) % step === 0 ? (
          <text key={fy} className="slide-axis-text" x={mid(fy)} y={axisY + font * 1.1} textAnchor="middle" fontSize={font}>
            {tick(fy)}
          </text>
        ) : null,
      )}
      {labels.placed.map((l) => (
        <line key={`lead-${l.id}`} x1={l.anchorX} x2={Math.max(l.left + 6 * unit, Math.min(l.left + l.width - 6 * unit, l.anchorX))} y1={markerY(l.tone)} y2={labelBaseline(l.tone, l.row) + (l.tone === 'cooperation' ? font * 0.25 : -font * 0.85)} stroke={TONE_COLORS[l.tone]} strokeOpacity={0.5} strokeWidth={Math.max(1, 1.5 * unit)} />
      ))}
      {[...marks.values()].map((e) => {
        const cx = mid(e.fiscalYear);
        const cy = markerY(e.tone);
        const r = (e.selected ? 11 : 8) * unit;
        return <path key={e.id} d={`M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`} fill={TONE_COLORS[e.tone]} stroke={e.selected ? '#000' : '#fff'} strokeWidth={(e.selected ? 3 : 1.5) * unit} />;
      })}
      {labels.placed.map((l) => (
        // A white halo keeps a leader line passing behind a label from crossing its letters.
        <text key={l.id} x={l.left} y={labelBaseline(l.tone, l.row)} fontSize={font} fontWeight={l.selected ? 700 : 400} style={{ fill: TONE_COLORS[l.tone], paintOrder: 'stroke' }} stroke="#fff" strokeWidth={5 * unit} strokeLinejoin="round">
          {l.text}
        </text>
      ))}
    </svg>
  );
}

/** The headline claims first: the aid totals, CSF, PCF and the drone figures, then the programme totals. */
function claimRank(row: ClaimRow): number {
  const { measure, programme } = row.claim;
  if (measure === 'aid-total') return 0;
  if (programme === 'CSF') return 1;
  if (measure === 'strikes' || measure === 'civilians-killed') return 2;
  if (programme?.startsWith('PCF')) return 3;
  return 4;
}

function datasetFigure(row: ClaimRow, c: ClaimRow['comparisons'][number]): string {
  if (c.value === null) return 'not computable';
  const fmt = (v: number) => printedFigure({ figure: v, measure: row.claim.measure });
  return c.valueMax !== null && c.valueMax !== c.value ? `${fmt(c.value)}–${fmt(c.valueMax)}` : fmt(c.value);
}

/** The source's short name in a comparison's basis ("TBIJ, 2004–2014" → "TBIJ"; CRS rows → "CRS"). */
function basisName(basis: string): string {
  if (basis.startsWith('CRS edition')) return 'CRS printed';
  if (basis.startsWith('CRS')) return 'CRS rows';
  // "Author / Project, 2004–2014" → "Project".
  return (basis.split(',')[0] ?? basis).split(' / ').pop()!.trim();
}

/** Full-coverage comparisons first (a tracker that published every year of the span), at most two. */
function shownComparisons(row: ClaimRow): ClaimRow['comparisons'] {
  const years = (c: ClaimRow['comparisons'][number]) => (c.coverage === null ? Infinity : Number(/^(\d+) of/.exec(c.coverage)?.[1] ?? 0));
  return [...row.comparisons].sort((a, b) => years(b) - years(a)).slice(0, 2);
}

function ClaimsSlide({ claims, box, unit }: { claims: readonly ClaimRow[]; box: ElementSize; unit: number }) {
  const line = SLIDE_TEXT * unit * 1.3;
  const pad = 12 * unit;
  const ordered = [...claims].sort((a, b) => claimRank(a) - claimRank(b));
  // As many rows as fit: each row is as tall as its label's lines or its comparisons, whichever is more.
  const labelWidth = box.width * 0.36 - 20 * unit;
  let room = box.height - line * 1.4 - line - pad;
  const shown: ClaimRow[] = [];
  for (const row of ordered) {
    const lines = Math.max(wrapText(row.claim.label, SLIDE_TEXT * unit, labelWidth, 2, 600).length, shownComparisons(row).length);
    const height = lines * line + pad;
    if (height > room) break;
    room -= height;
    shown.push(row);
  }
  const more = claims.length - shown.length;
  return (
    <table className="claims-slide">
      <thead>
        <tr>
          <th scope="col">Claim (seed paper)</th>
          <th scope="col" className="num">
            Paper
          </th>
          <th scope="col">Dataset, computed from the rows</th>
          <th scope="col" className="num">
            Diff.
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => {
          const comparisons = shownComparisons(row);
          const first = comparisons[0];
          return (
            <tr key={row.claim.id}>
              <th scope="row">
                <span className="claims-slide__label">{row.claim.label}</span>
              </th>
              <td className="num claims-slide__paper">{row.printed}</td>
              <td>
                {comparisons.map((c) => (
                  <span key={c.basis} className="claims-slide__value">
                    <strong>{datasetFigure(row, c)}</strong> {basisName(c.basis)}
                    {c.coverage && ` (${c.coverage.replace(' years published', ' yrs')})`}
                  </span>
                ))}
              </td>
              <td className="num">{first && first.percent !== null ? `${first.percent > 0 ? '+' : first.percent < 0 ? '−' : '±'}${Math.abs(first.percent).toFixed(0)}%` : '—'}</td>
            </tr>
          );
        })}
        {more > 0 && (
          <tr className="claims-slide__more">
            <td colSpan={4}>+{more} more claims in the panel’s “Claims vs data” table</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function LensSlide({ unit, variant }: PanelSlideProps) {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore((s) => s.filters);
  const view = useMemo(() => (dataset ? selectLensView(dataset, chartSlideFilters(filters, dataset.coverage)) : null), [dataset, filters]);
  if (!view) return null;
  const claims = variant === 'claims';
  if (view.state !== 'ok') {
    return (
      <SlideFrame panel={lensMeta.id} title={lensMeta.title}>
        {() => <p className="slide-empty">{view.message}</p>}
      </SlideFrame>
    );
  }
  if (claims) {
    return (
      <SlideFrame
        panel={lensMeta.id}
        title={`${lensMeta.title}: claims vs data`}
        subtitle="The seed paper’s figures beside the dataset’s, same span and measure"
        footnote="Differences come from the measure (appropriated vs received), the span, the CRS edition and CSF revisions; current US$ as printed."
      >
        {(box) => <ClaimsSlide claims={view.claims} box={box} unit={unit} />}
      </SlideFrame>
    );
  }
  const dollars = view.dollars.basis === 'constant' ? '2024 US$' : 'US$';
  const reading = view.selected ? readingSentence(view.selected) : null;
  return (
    <SlideFrame
      panel={lensMeta.id}
      title={lensMeta.title}
      subtitle={`CRS aid, ${dollars} bn per US fiscal year · drone strikes (TBIJ, right axis)`}
      legend={[
        ...LENS_CATEGORIES.map((c) => ({ key: c, label: AID_CATEGORY_LABELS[c], color: LENS_CATEGORY_COLORS[c] })),
        { key: 'strikes', label: 'Strikes', color: STRIKE_COLOR, line: true },
        { key: 'coop', label: 'Cooperation (above)', color: TONE_COLORS.cooperation },
        { key: 'friction', label: 'Friction (below)', color: TONE_COLORS.friction },
      ]}
      footnote={reading ? `${reading}. A reading, not a causal estimate.` : 'Aid beside strikes and events: a reading, not a causal estimate.'}
    >
      {(box) => <LensSlideChart view={view} box={box} unit={unit} />}
    </SlideFrame>
  );
}
