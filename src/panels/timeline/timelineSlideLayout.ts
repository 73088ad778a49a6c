/**
 * Where the timeline slide puts its axis, markers and labels: pure arithmetic, tested without a
 * browser. Cooperation is labelled above the axis, friction below, context wherever there is room
 * above; the most important events are labelled first and the rest counted.
 */
import { labelStep, placeLabels, textWidth, wrapText, SLIDE_MIN_TEXT } from '../../components/slide/slideKit';
import type { YearRange } from '../../crossfilter/filters';
import type { TimelineEventView } from './timelineSelectors';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Which events matter most when not all can be labelled. */
export function eventPriority(e: Pick<TimelineEventView, 'highlighted' | 'incidentId' | 'tone' | 'precision'>): number {
  return (e.highlighted ? 100 : 0) + (e.incidentId ? 4 : 0) + (e.tone !== 'context' ? 2 : 0) + (e.precision === 'day' ? 1 : 0);
}

export interface AxisTick {
  x: number;
  text: string;
}

export interface SlideLabel {
  id: string;
  lines: string[];
  left: number;
  top: number;
  width: number;
  height: number;
  /** Where its leader line meets the label. */
  anchorY: number;
  above: boolean;
}

export interface TimelineSlideLayout {
  axisY: number;
  ticks: AxisTick[];
  markers: { id: string; x: number; tone: TimelineEventView['tone']; highlighted: boolean }[];
  labels: SlideLabel[];
  hiddenCount: number;
  font: number;
}

/** The axis runs over whole years; one year is shown month by month. */
export function axisTicks(range: YearRange, width: number, font: number, unit: number): AxisTick[] {
  const years = range.to - range.from + 1;
  const x = (t: number) => ((t - range.from) / years) * width;
  const candidates: { t: number; text: string }[] =
    years === 1 ? MONTHS.map((m, i) => ({ t: range.from + (i + 0.5) / 12, text: m })) : Array.from({ length: years }, (_, i) => ({ t: range.from + i + 0.5, text: String(range.from + i) }));
  const widest = Math.max(...candidates.map((c) => textWidth(c.text, font)));
  const step = labelStep(candidates.length, width, widest, 14 * unit);
  return candidates.filter((_, i) => i % step === 0).map((c) => ({ x: x(c.t), text: c.text }));
}

export function layoutTimelineSlide(events: readonly TimelineEventView[], range: YearRange, width: number, height: number, unit: number): TimelineSlideLayout {
  const font = SLIDE_MIN_TEXT * unit;
  const lineHeight = font * 1.2;
  const pad = 6 * unit;
  const gap = 8 * unit;
  const labelHeight = 2 * lineHeight + 2 * pad;
  const markerRadius = 10 * unit;
  const tickRow = font * 1.5;
  const years = range.to - range.from + 1;
  // The axis is inset by half a tick label, so the first and last labels stay on the slide.
  const inset = textWidth('0000', font) / 2 + 4 * unit;
  const axisWidth = Math.max(10, width - 2 * inset);
  const xOf = (t: number) => inset + Math.max(0, Math.min(axisWidth, ((t - range.from) / years) * axisWidth));

  const above = events.filter((e) => e.tone !== 'friction');
  const below = events.filter((e) => e.tone === 'friction');
  // The axis sits where the labels need it: high when only friction is shown, low when only cooperation.
  const share = below.length === 0 ? 0.85 : above.length === 0 ? 0.12 : 0.5;
  const axisY = Math.round(Math.max(markerRadius + gap, Math.min(height - tickRow - markerRadius, (height - tickRow) * share)));
  const rowsAbove = Math.max(0, Math.floor((axisY - markerRadius - gap) / (labelHeight + gap)));
  const rowsBelow = Math.max(0, Math.floor((height - axisY - tickRow - gap) / (labelHeight + gap)));
  const maxLabelWidth = Math.max(140 * unit, Math.min(360 * unit, width / 3.2));

  const wrapped = new Map(events.map((e) => [e.id, wrapText(e.title, font, maxLabelWidth - 2 * pad, 2, e.highlighted ? 700 : 400)]));
  const boxWidth = (e: TimelineEventView) => Math.min(maxLabelWidth, Math.max(...(wrapped.get(e.id) ?? ['']).map((l) => textWidth(l, font, e.highlighted ? 700 : 400))) + 2 * pad);
  const request = (e: TimelineEventView) => ({ id: e.id, x: xOf(e.t), width: boxWidth(e), priority: eventPriority(e) + (e.t - range.from) / 1e4 });

  const labels: SlideLabel[] = [];
  const place = (group: readonly TimelineEventView[], rows: number, isAbove: boolean) => {
    const { placed, hidden } = placeLabels(group.map(request), width, rows, gap);
    for (const p of placed) {
      const e = group.find((g) => g.id === p.id)!;
      const lines = wrapped.get(e.id) ?? [e.title];
      const h = lines.length * lineHeight + 2 * pad;
      const top = isAbove ? axisY - markerRadius - gap - (p.row + 1) * (labelHeight + gap) + gap + (labelHeight - h) : axisY + tickRow + gap + p.row * (labelHeight + gap);
      labels.push({ id: e.id, lines, left: p.left, top, width: boxWidth(e), height: h, anchorY: isAbove ? top + h : top, above: isAbove });
    }
    return hidden.length;
  };
  const hiddenCount = place(above, rowsAbove, true) + place(below, rowsBelow, false);

  return {
    axisY,
    ticks: axisTicks(range, axisWidth, font, unit).map((t) => ({ ...t, x: t.x + inset })),
    markers: events.map((e) => ({ id: e.id, x: xOf(e.t), tone: e.tone, highlighted: e.highlighted })),
    labels,
    hiddenCount,
    font,
  };
}
