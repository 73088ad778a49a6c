/**
 * The aid panel on a slide: fiscal-year bars stacked by category (or programme), drawn for the
 * back of the room. A slide about a year or two shows the years around it, faint, so one bar is
 * never read alone; the six-year FY2002–07 aggregate is drawn six years wide at its yearly average.
 */
import { useMemo } from 'react';
import { SlideBars, type SlideBarSlot } from '../../components/slide/SlideBars';
import { SlideFrame, type PanelSlideProps } from '../../components/slide/SlideFrame';
import { chartSlideFilters } from '../../components/slide/slideKit';
import { aidMeta } from './aidMeta';
import { CONSTANT_BASE_YEAR } from '../../crossfilter/constantDollars';
import { useDashboardStore } from '../../store/store';
import { rangeText, selectAidView } from './aidSelectors';
import { COMPARE_COLORS, COMPARE_LABELS } from './aidCompare';

const bn = (millions: number, digits = 1) => (millions / 1000).toFixed(digits);

export function AidSlide({ unit }: PanelSlideProps) {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore((s) => s.filters);
  const model = useMemo(() => {
    if (!dataset) return null;
    const range = filters.yearRange;
    const view = selectAidView(dataset, chartSlideFilters(filters, dataset.coverage));
    const inRange = (start: number, end: number) => !range || (end >= range.from && start <= range.to);
    if (view.compare) {
      // "Compare measures": one group of bars per fiscal year, one bar per measure.
      const compare = view.compare;
      const slots: SlideBarSlot[] = compare.years.map((y) => ({
        key: String(y.fiscalYear),
        label: `’${String(y.fiscalYear % 100).padStart(2, '0')}`,
        dimmed: !inRange(y.fiscalYear, y.fiscalYear),
        segments: compare.measures.map((m, i) => ({ key: m, value: y.values[i]?.value ?? 0, color: COMPARE_COLORS[m], faint: Boolean(y.values[i]?.aggregate || (y.values[i]?.status && y.values[i]?.status !== 'actual')) })),
        valueText: '',
      }));
      const footnote = compare.crsLastActual !== null ? `CRS’s yearly table ends at FY${compare.crsLastActual}; CRS includes CSF, ForeignAssistance.gov does not. Faint: FY2002–07 yearly average or a request` : 'CRS includes CSF, ForeignAssistance.gov does not';
      return { view, slots, footnote, grouped: true, legend: compare.measures.map((m) => ({ key: m, label: COMPARE_LABELS[m], color: COMPARE_COLORS[m] })) };
    }
    // A multi-year aggregate outside the slide's years would take six years of width to show nothing asked for.
    const drawn = view.slots.filter((slot) => slot.start === slot.end || inRange(slot.start, slot.end));
    const slots: SlideBarSlot[] = drawn.map((slot) => {
      const span = slot.end - slot.start + 1;
      return {
        key: slot.key,
        label: slot.label,
        span,
        dimmed: !inRange(slot.start, slot.end),
        selected: slot.selected,
        segments: view.series.map((s) => ({ key: s.key, value: slot.amounts[s.key] ?? 0, color: s.color, faint: s.dimmed })).filter((g) => g.value > 0),
        ...(slot.hasData ? {} : { missingText: 'n/a' }),
        ...(span > 1 && slot.total !== null ? { valueText: `${bn(slot.total / span)}/yr` } : {}),
      };
    });
    const shown = view.slots.filter((s) => s.hasData && inRange(s.start, s.end));
    const total = shown.reduce((sum, s) => sum + (s.total ?? 0), 0);
    const parts: string[] = [];
    const usd = view.dollars.basis === 'constant' ? `${CONSTANT_BASE_YEAR} US$` : 'US$';
    if (range && shown.length > 0) {
      const single = shown.length === 1 ? shown[0]! : null;
      if (single) {
        const byCategory = view.series
          .map((s) => ({ label: s.label, value: single.amounts[s.key] ?? 0 }))
          .filter((p) => p.value > 0)
          .map((p) => `${p.label} ${bn(p.value)}`);
        parts.push(`${single.title}: ${usd} ${bn(total)} bn (${byCategory.join(' · ')})`);
      } else parts.push(`${rangeText(range)}: ${usd} ${bn(total)} bn in all`);
    }
    if (view.hasAggregate) parts.push('FY2002–07 is one six-year total, drawn at its yearly average');
    if (view.hasRequestOrEstimate) parts.push('Some years are requests, not final figures');
    if (view.dollars.basis === 'constant') parts.push(`Deflated with CPI-U (${CONSTANT_BASE_YEAR} = base; a fiscal year takes the CPI of the year it ends in)`);
    return { view, slots, footnote: parts.join('. '), grouped: false, legend: view.series.map((s) => ({ key: s.key, label: s.label, color: s.color, faint: s.dimmed })) };
  }, [dataset, filters]);

  const title = aidMeta.title;
  if (!model) return null;
  const { view, slots, footnote, grouped, legend } = model;
  return (
    <SlideFrame
      panel="aid"
      title={title}
      subtitle={`${view.compare ? 'Measures compared' : view.measureInfo.label}, ${view.dollars.unit} billions by US fiscal year`}
      legend={legend}
      footnote={footnote || undefined}
    >
      {(box) =>
        view.state === 'ok' || (view.compare && slots.length > 0) ? (
          <SlideBars
            grouped={grouped}
            width={box.width}
            height={box.height}
            unit={unit}
            slots={slots}
            formatTick={(v) => bn(v, v % 1000 === 0 ? 0 : 1)}
            formatValue={(v) => bn(v)}
            label={`${title}: ${view.measureInfo.label} by fiscal year, ${slots.length} bars`}
          />
        ) : (
          <p className="slide-empty">{view.emptyMessage}</p>
        )
      }
    </SlideFrame>
  );
}
