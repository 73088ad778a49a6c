/**
 * The timeline's export adapter. The timeline is HTML (buttons), so its SVG export is a vector
 * re-draw of the current view from the pure selectors: the tone lanes, the year axis, the range
 * band and every event marker (filled = exact day, hollow = month, dashed = year only).
 */
import type { Dataset, ThemeName } from '../../data/schema';
import { TONES } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { THEME_COLORS, THEME_LABELS, TONE_COLORS, TONE_LABELS } from '../../theme/palette';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import { svgEl } from '../../export/svgCompose';
import { ISO_PARTIAL_DATE_PATTERN, SOURCE_FIELDS, sourceCells, type TidyField, type TidyValue } from '../../export/csv';
import type { LegendItem, PanelCsv, PanelExportAdapter, SvgChart, SvgChartContext } from '../../export/types';
import { sourceNamer } from '../../data/figures';
import { axisYears, fractionOfTime, pixelsToYears, tickLabelStep } from './timelineController';
import { eventsByLane, packLane, reportedFiguresText, selectTimeline, type DatePrecision, type TimelineView } from './timelineSelectors';

const MARKER_WIDTH: Record<DatePrecision, number> = { day: 12, month: 18, year: 26 };
const MARKER_HEIGHT = 12;
const ROW_STEP = 15;
const LANE_PAD = 8;
const MIN_LANE_HEIGHT = 40;
const LABEL_WIDTH = 96;
const AXIS_HEIGHT = 26;

const PRECISION_LEGEND: Record<DatePrecision, string> = { day: 'Exact day', month: 'Month only (mid-month)', year: 'Year only (mid-year)' };

export function timelineLegend(view: Pick<TimelineView, 'themesPresent' | 'precisionsPresent' | 'themeFilter'>): LegendItem[] {
  const themes: LegendItem[] = view.themesPresent.map((theme: ThemeName) => ({
    label: THEME_LABELS[theme],
    color: THEME_COLORS[theme],
    shape: 'circle',
    dimmed: view.themeFilter.length > 0 && !view.themeFilter.includes(theme),
  }));
  const precisions: LegendItem[] =
    view.precisionsPresent.length > 1
      ? view.precisionsPresent.map((p) => ({ label: PRECISION_LEGEND[p], color: '#4a5568', shape: p === 'day' ? 'circle' : 'rounded', hollow: p !== 'day', dashed: p === 'year' }))
      : [];
  return [...themes, ...precisions];
}

/** The lanes, axis and markers of the current view, as SVG, `width` px wide. */
export function drawTimelineSvg(doc: Document, view: TimelineView, width: number): SvgChart | null {
  const axis = view.axis;
  if (!axis) return null;
  const plotWidth = Math.max(100, width - LABEL_WIDTH - 14);
  const x = (t: number) => LABEL_WIDTH + fractionOfTime(t, axis) * plotWidth;
  const lanes = eventsByLane(view.events);
  const layout = TONES.map((tone) => {
    const { rows, rowCount } = packLane(lanes[tone].map((e) => ({ id: e.id, t: e.t, halfWidth: pixelsToYears(MARKER_WIDTH[e.precision] / 2 + 1, plotWidth, axis) })));
    return { tone, rows, rowCount, height: Math.max(MIN_LANE_HEIGHT, 2 * LANE_PAD + (rowCount - 1) * ROW_STEP + MARKER_HEIGHT) };
  });
  const lanesHeight = layout.reduce((sum, l) => sum + l.height, 0);
  const height = lanesHeight + AXIS_HEIGHT;
  const years = axisYears(axis);
  const g = svgEl(doc, 'g', { class: 'timeline-export' });

  // Year grid and the selected range.
  const grid = svgEl(doc, 'g', { stroke: '#e5e7eb', 'stroke-width': 1 });
  for (let i = 0; i <= years; i++) {
    const gx = LABEL_WIDTH + (i / years) * plotWidth;
    grid.appendChild(svgEl(doc, 'line', { x1: gx, x2: gx, y1: 0, y2: lanesHeight }));
  }
  g.appendChild(grid);
  const range = view.dimmingRange ?? view.filteringRange;
  if (range) {
    g.appendChild(
      svgEl(doc, 'rect', {
        x: x(range.from),
        y: 0,
        width: ((range.to - range.from + 1) / years) * plotWidth,
        height: lanesHeight,
        fill: '#1f5fa8',
        'fill-opacity': 0.08,
        stroke: '#1f5fa8',
        'stroke-opacity': 0.35,
      }),
    );
  }

  // Lanes: label, separator and markers.
  let top = 0;
  for (const lane of layout) {
    const laneG = svgEl(doc, 'g', { class: `lane lane-${lane.tone}`, transform: `translate(0 ${top})` });
    laneG.appendChild(svgEl(doc, 'rect', { x: 0, y: 2, width: 4, height: lane.height - 4, fill: TONE_COLORS[lane.tone] }));
    laneG.appendChild(svgEl(doc, 'text', { x: 10, y: lane.height / 2 + 4.5, 'font-size': 13, 'font-weight': 600, fill: TONE_COLORS[lane.tone] }, TONE_LABELS[lane.tone]));
    laneG.appendChild(svgEl(doc, 'line', { x1: LABEL_WIDTH, x2: LABEL_WIDTH + plotWidth, y1: lane.height, y2: lane.height, stroke: '#d5d9e0' }));
    const stackHeight = (lane.rowCount - 1) * ROW_STEP + MARKER_HEIGHT;
    for (const event of lanes[lane.tone]) {
      const w = MARKER_WIDTH[event.precision];
      const y = (lane.height - stackHeight) / 2 + (lane.rows.get(event.id) ?? 0) * ROW_STEP;
      const color = THEME_COLORS[event.theme];
      const mark = svgEl(doc, 'rect', {
        x: round(x(event.t) - w / 2),
        y: round(y),
        width: w,
        height: MARKER_HEIGHT,
        rx: event.precision === 'day' ? MARKER_HEIGHT / 2 : 6,
        fill: event.precision === 'day' ? color : '#ffffff',
        stroke: event.highlighted ? '#1b2233' : event.precision === 'day' ? 'rgba(27, 34, 51, 0.75)' : color,
        'stroke-width': event.highlighted ? 2.5 : event.precision === 'month' ? 3 : event.precision === 'year' ? 2 : 1,
        'stroke-dasharray': event.precision === 'year' && !event.highlighted ? '3 2' : undefined,
        opacity: event.dimmed ? 0.25 : undefined,
      });
      mark.appendChild(svgEl(doc, 'title', {}, event.name));
      laneG.appendChild(mark);
    }
    g.appendChild(laneG);
    top += lane.height;
  }
  if (view.emptyMessage) g.appendChild(svgEl(doc, 'text', { x: LABEL_WIDTH + plotWidth / 2, y: lanesHeight / 2, 'text-anchor': 'middle', 'font-size': 13, fill: '#4a5568' }, view.emptyMessage));

  // Year axis.
  const axisG = svgEl(doc, 'g', { class: 'axis', transform: `translate(0 ${lanesHeight})` });
  axisG.appendChild(svgEl(doc, 'line', { x1: LABEL_WIDTH, x2: LABEL_WIDTH + plotWidth, y1: 0, y2: 0, stroke: '#4a5568' }));
  axisG.appendChild(svgEl(doc, 'text', { x: 10, y: 17, 'font-size': 12, fill: '#4a5568' }, 'Years'));
  const step = tickLabelStep(plotWidth, axis);
  for (let i = 0; i < years; i++) {
    const year = axis.from + i;
    const cx = LABEL_WIDTH + ((i + 0.5) / years) * plotWidth;
    axisG.appendChild(svgEl(doc, 'line', { x1: LABEL_WIDTH + (i / years) * plotWidth, x2: LABEL_WIDTH + (i / years) * plotWidth, y1: 0, y2: 4, stroke: '#4a5568' }));
    if (i % step === 0) axisG.appendChild(svgEl(doc, 'text', { x: round(cx), y: 18, 'text-anchor': 'middle', 'font-size': 12, fill: '#1b2233' }, String(year)));
  }
  g.appendChild(axisG);
  return { node: g, width, height };
}

const round = (n: number) => Math.round(n * 100) / 100;

const TIMELINE_CSV_FIELDS: TidyField[] = [
  { name: 'id', title: 'Id', type: 'string', required: true, description: 'The row id in the dataset (events table).' },
  { name: 'date', title: 'Date', type: 'string', required: true, pattern: ISO_PARTIAL_DATE_PATTERN, description: 'ISO 8601 at the precision given in date_precision.' },
  { name: 'date_precision', title: 'Date known to', type: 'string', required: true, description: 'day, month or year.' },
  { name: 'year', title: 'Year', type: 'integer', required: true },
  { name: 'tone', title: 'Tone', type: 'string', required: true, description: 'cooperation, context or friction.' },
  { name: 'theme', title: 'Theme', type: 'string', required: true },
  { name: 'title', title: 'Event', type: 'string', required: true },
  { name: 'description', title: 'Description', type: 'string' },
  { name: 'incident_id', title: 'Linked incident id', type: 'string' },
  { name: 'reported_figures', title: 'Killed / wounded, by source', type: 'string', description: 'Each reported value with the sources that give it.' },
  { name: 'single_source', title: 'Single source', type: 'boolean', required: true },
  { name: 'in_brushed_range', title: 'In the brushed range', type: 'boolean', description: "Set only while the timeline's own brush dims events outside it." },
  ...SOURCE_FIELDS,
];

/** The timeline CSV: one row per event shown, ISO dates with their precision. */
export function timelineCsv(view: TimelineView, dataset: Dataset): PanelCsv {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const events = new Map((dataset.events ?? []).map((e) => [e.id, e]));
  const incidents = new Map((dataset.incidents ?? []).map((i) => [i.id, i]));
  const sourceName = sourceNamer(dataset.sources);
  const rows: Record<string, TidyValue>[] = [];
  for (const v of view.events) {
    const e = events.get(v.id);
    if (!e) continue;
    rows.push({
      id: e.id,
      date: e.date,
      date_precision: e.datePrecision,
      year: Number(e.date.slice(0, 4)),
      tone: e.tone,
      theme: e.theme,
      title: e.title,
      description: e.description,
      incident_id: e.incidentId ?? null,
      reported_figures: reportedFiguresText(e, e.incidentId ? incidents.get(e.incidentId) : undefined, sourceName) || null,
      single_source: e.singleSource ?? false,
      in_brushed_range: view.dimmingRange ? !v.dimmed : null,
      ...sourceCells(e.sources, byId),
    });
  }
  return { table: { fields: TIMELINE_CSV_FIELDS, rows }, measure: 'Timeline events (date, tone, theme); no quantities except the reported tolls of linked incidents', sourceIds: view.sourceIds };
}

export const timelineExport: PanelExportAdapter = {
  csv: (dataset, filters) => timelineCsv(selectTimeline(dataset, filters), dataset),
  info(dataset: Dataset, filters: Filters) {
    const view = selectTimeline(dataset, filters);
    return {
      legend: timelineLegend(view),
      filterLine: filterLine(filters, dataset.coverage),
      sources: view.sourcesLine,
      fileYears: fileYearsFor(filters, dataset.coverage),
      subtitle: `${view.events.length.toLocaleString('en-US')} event${view.events.length === 1 ? '' : 's'} by tone (lanes) and theme (colour)`,
    };
  },
  drawSvg({ doc, dataset, filters, width }: SvgChartContext) {
    return drawTimelineSvg(doc, selectTimeline(dataset, filters), width);
  },
  excludeFromImage: ['.timeline-legend', '.timeline-card'],
  svgNote: () => 'Vector re-draw of the timeline over the full year axis (the on-screen zoom is not applied).',
};
