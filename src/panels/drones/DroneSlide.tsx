/**
 * The drone panel on a slide: strikes per year for the chosen tracker, or every tracker side by
 * side ("Compare sources"), with the slide's reading (strikes, killed, civilians as ranges) in
 * words underneath. Unknown is said as unknown, never drawn as zero.
 */
import { useMemo } from 'react';
import { SlideBars, type SlideBarSlot } from '../../components/slide/SlideBars';
import { SlideFrame, type PanelSlideProps } from '../../components/slide/SlideFrame';
import { chartSlideFilters, yearsLabel } from '../../components/slide/slideKit';
import { droneMeta } from './droneMeta';
import { useDashboardStore } from '../../store/store';
import { rangeText, selectDroneView, type CountRange, type DroneYear } from './droneSelectors';
import { MEASURE_COLORS, TRACKER_COLORS } from './droneShapes';

const tick = (year: number) => `’${String(year % 100).padStart(2, '0')}`;
const fmt = (n: number) => n.toLocaleString('en-US');

/** The sum over the years with a figure; years without one are left out (and the caller says so). */
function sumRanges(all: readonly CountRange[]): string {
  const ranges = all.filter((r) => r.known !== 'none');
  if (ranges.length === 0) return 'unknown';
  const min = ranges.every((r) => r.min !== null) ? ranges.reduce((s, r) => s + (r.min ?? 0), 0) : null;
  const max = ranges.every((r) => r.max !== null) ? ranges.reduce((s, r) => s + (r.max ?? 0), 0) : null;
  return rangeText({ min, max });
}

function reading(years: readonly DroneYear[]): string {
  const known = years.filter((y) => y.hasRow);
  if (known.length === 0) return 'no figures';
  const strikes = known.every((y) => y.strikes !== null) ? fmt(known.reduce((s, y) => s + (y.strikes ?? 0), 0)) : 'unknown';
  const gaps = known.some((y) => y.killed.known === 'none' || y.civilians.known === 'none') ? ' (years with figures)' : '';
  return `${strikes} strikes · ${sumRanges(known.map((y) => y.killed))} killed · ${sumRanges(known.map((y) => y.civilians))} civilians${gaps}`;
}

export function DroneSlide({ unit }: PanelSlideProps) {
  const dataset = useDashboardStore((s) => s.dataset);
  const filters = useDashboardStore((s) => s.filters);
  const model = useMemo(() => {
    if (!dataset) return null;
    const range = filters.yearRange;
    const view = selectDroneView(dataset, chartSlideFilters(filters, dataset.coverage));
    const inRange = (year: number) => !range || (year >= range.from && year <= range.to);
    const when = yearsLabel(range);
    if (view.compare) {
      const slots: SlideBarSlot[] = view.compareYears.map((y) => ({
        key: String(y.year),
        label: tick(y.year),
        dimmed: !inRange(y.year),
        selected: y.selected,
        segments: y.values.map((v, i) => ({ key: view.compareSeries[i]?.id ?? String(i), value: v?.strikes ?? 0, color: TRACKER_COLORS[i % TRACKER_COLORS.length]! })),
        valueText: '',
      }));
      const lines = view.compareSeries.map((s, i) => {
        const years = view.compareYears.filter((y) => inRange(y.year)).map((y) => y.values[i]).filter((v): v is DroneYear => v !== null && v !== undefined);
        // Trackers cover different years: a sum over fewer years says how many.
        const withFigure = years.filter((y) => y.hasRow && y.civilians.known !== 'none');
        const span = range ? range.to - range.from + 1 : view.compareYears.length;
        return `${s.label}: ${sumRanges(withFigure.map((y) => y.civilians))}${withFigure.length < span ? ` (${withFigure.length} yrs)` : ''}`;
      });
      return {
        view,
        slots,
        grouped: true,
        subtitle: 'Strikes per year, by tracker',
        legend: view.compareSeries.map((s, i) => ({ key: s.id, label: s.label, color: TRACKER_COLORS[i % TRACKER_COLORS.length]! })),
        footnote: `Civilians killed, ${when}: ${lines.join(' · ')}`,
      };
    }
    const slots: SlideBarSlot[] = view.years.map((y) => ({
      key: String(y.year),
      label: tick(y.year),
      dimmed: !inRange(y.year),
      selected: y.selected,
      segments: y.strikes ? [{ key: 'strikes', value: y.strikes, color: MEASURE_COLORS.strikes }] : [],
      ...(y.hasRow && y.strikes !== null ? {} : { missingText: '?' }),
    }));
    const tracker = view.activeSeries?.label ?? 'tracker';
    return {
      view,
      slots,
      grouped: false,
      subtitle: `Strikes per year, as counted by ${tracker}`,
      legend: [],
      footnote: `${when} (${tracker}): ${reading(view.years.filter((y) => inRange(y.year)))}`,
    };
  }, [dataset, filters]);

  const title = droneMeta.title;
  if (!model) return null;
  const { view, slots, grouped, subtitle, legend, footnote } = model;
  return (
    <SlideFrame panel="drones" title={title} subtitle={subtitle} legend={legend} footnote={footnote}>
      {(box) =>
        view.state === 'ok' ? (
          <SlideBars width={box.width} height={box.height} unit={unit} slots={slots} grouped={grouped} formatTick={fmt} formatValue={fmt} label={`${title}: ${subtitle}`} />
        ) : (
          <p className="slide-empty">{view.emptyMessage}</p>
        )
      }
    </SlideFrame>
  );
}
