/**
 * Where the lens draws things, as pure functions of the view and a width: the fiscal-year scale,
 * the event markers (cooperation above the plot, friction below the axis) and their labels,
 * placed greedily so that no two labels overlap ("+N more" stands for the rest of a year).
 */
import type { LensEvent, LensTone } from './lensSelectors';

export const LENS_HEIGHT = 336;
export const MARGIN = { left: 48, right: 44 };
/** Vertical bands, top to bottom. */
export const BANDS = {
  coopLabelTop: 4,
  plotTop: 96,
  axisY: 222,
  frictionLabelBottom: LENS_HEIGHT - 4,
};
export const LABEL_ROWS = 3;
export const LABEL_ROW_STEP = 14;
export const LABEL_FONT_PX = 11;
/** Average glyph width of the label font, as a share of its size (a safe over-estimate). */
const GLYPH = 0.58;
const LABEL_GAP = 6;
const MAX_LABEL_CHARS = 26;
export const MAX_STACK = 5;
export const MARKER_STEP = 9;

export interface FiscalScale {
  from: number;
  to: number;
  left: number;
  right: number;
  /** Width of one fiscal year. */
  unit: number;
  /** Left edge of a fiscal year's slot. */
  x(fiscalYear: number): number;
  /** Centre of a fiscal year's slot. */
  mid(fiscalYear: number): number;
  /** The fiscal year under an x position (clamped to the axis). */
  yearAt(x: number): number;
}

export function fiscalScale(from: number, to: number, width: number): FiscalScale {
  const left = MARGIN.left;
  const right = Math.max(left + 40, width - MARGIN.right);
  const unit = (right - left) / (to - from + 1);
  const x = (fy: number) => left + (fy - from) * unit;
  return {
    from,
    to,
    left,
    right,
    unit,
    x,
    mid: (fy) => x(fy) + unit / 2,
    yearAt: (px) => Math.min(to, Math.max(from, from + Math.floor((px - left) / unit))),
  };
}

export interface PlacedMarker {
  event: LensEvent;
  x: number;
  y: number;
}

export interface PlacedLabel {
  tone: LensTone;
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  /** Where the label's leader points (the year's first marker). */
  anchorX: number;
  eventIds: string[];
}

export interface EventLayout {
  markers: PlacedMarker[];
  labels: PlacedLabel[];
  /** Events with no marker drawn (beyond MAX_STACK in one year): the events list has them all. */
  unmarked: number;
}

/** Label width in px: an over-estimate from the glyph count, or the browser's own measure when given. */
export type MeasureText = (text: string) => number;
export const estimateWidth: MeasureText = (text) => Math.ceil(text.length * LABEL_FONT_PX * GLYPH);

function shorten(title: string): string {
  return title.length <= MAX_LABEL_CHARS ? title : `${title.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…`;
}

/** Selected first, then events tied to a located incident, then by date. */
function leadOrder(a: LensEvent, b: LensEvent): number {
  return Number(b.selected) - Number(a.selected) || Number(b.major) - Number(a.major) || a.date.localeCompare(b.date);
}

export function layoutEvents(events: readonly LensEvent[], scale: FiscalScale, measure: MeasureText = estimateWidth): EventLayout {
  const markers: PlacedMarker[] = [];
  const labels: PlacedLabel[] = [];
  let unmarked = 0;
  for (const tone of ['cooperation', 'friction'] as const) {
    const byYear = new Map<number, LensEvent[]>();
    for (const e of events) if (e.tone === tone && e.fiscalYear >= scale.from && e.fiscalYear <= scale.to) byYear.set(e.fiscalYear, [...(byYear.get(e.fiscalYear) ?? []), e]);
    const rowEnds = Array.from({ length: LABEL_ROWS }, () => -Infinity);
    for (const fy of [...byYear.keys()].sort((a, b) => a - b)) {
      const group = byYear.get(fy)!.sort(leadOrder);
      const cx = scale.mid(fy);
      group.forEach((event, i) => {
        if (i >= MAX_STACK) return void unmarked++;
        const y = tone === 'cooperation' ? BANDS.plotTop - 8 - i * MARKER_STEP : BANDS.axisY + 26 + i * MARKER_STEP;
        markers.push({ event, x: cx, y });
      });
      const lead = group[0]!;
      const more = group.length - 1;
      const candidates = [`${shorten(lead.title)}${more ? ` +${more} more` : ''}`, `+${group.length}`];
      placing: for (const text of candidates) {
        const width = Math.max(measure(text), estimateWidth(text) * 0.8);
        // Left-aligned at the marker when it fits inside the plot, else ending at it.
        const x = Math.max(scale.left - MARGIN.left + 2, Math.min(cx - 4, scale.right + MARGIN.right - 2 - width));
        for (let row = 0; row < LABEL_ROWS; row++) {
          if (x < rowEnds[row]! + LABEL_GAP) continue;
          rowEnds[row] = x + width;
          const y = tone === 'cooperation' ? BANDS.coopLabelTop + LABEL_FONT_PX + row * LABEL_ROW_STEP : BANDS.frictionLabelBottom - row * LABEL_ROW_STEP;
          labels.push({ tone, text, x, y, width, anchorX: cx, eventIds: group.map((e) => e.id) });
          break placing;
        }
      }
    }
  }
  return { markers, labels, unmarked };
}

/** True when two placed labels' boxes overlap (used by the tests and the export). */
export function labelsOverlap(a: PlacedLabel, b: PlacedLabel): boolean {
  const h = LABEL_FONT_PX;
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y - h < b.y && b.y - h < a.y;
}
