/**
 * The projector's type scale and layout arithmetic, shared by every panel's slide view.
 *
 * Present mode draws for the back of the room: sizes are given in "slide points", where one point
 * is one pixel on a 1080-pixel-tall screen and scales with the viewport height (so 24 points are
 * 24 px at 1080 and 16 px at 720). Nothing here knows about React or the dataset.
 */

/** The smallest text a slide may show, in slide points (PowerPoint's 18 pt body text is ~36). */
export const SLIDE_MIN_TEXT = 24;
/** Body text on slides (labels, legends, lists): a little above the minimum. */
export const SLIDE_TEXT = 26;

/** Pixels per slide point for a viewport this tall. */
export function slideUnit(viewportHeight: number): number {
  return Math.max(0.1, viewportHeight / 1080);
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/**
 * The rendered width of a line of text in px. Uses a canvas when the browser has one (exact for the
 * bundled font once it has loaded); otherwise a conservative estimate, wide enough that labels laid
 * out with it never collide.
 */
export function textWidth(text: string, fontPx: number, weight = 400): number {
  if (measureContext === undefined) {
    try {
      measureContext = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    } catch {
      measureContext = null;
    }
  }
  if (measureContext) {
    measureContext.font = `${weight} ${fontPx}px InterVariable, Inter, "Liberation Sans", Arial, sans-serif`;
    const width = measureContext.measureText(text).width;
    // Canvas may measure with a fallback font before the web font loads: leave a margin.
    if (width > 0) return Math.ceil(width * 1.06);
  }
  return Math.ceil(text.length * fontPx * (weight >= 600 ? 0.62 : 0.58));
}

/** Splits text into at most `maxLines` lines no wider than `maxWidth`; the last line ends in "…" if cut. */
export function wrapText(text: string, fontPx: number, maxWidth: number, maxLines: number, weight = 400): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i += 1) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (textWidth(candidate, fontPx, weight) <= maxWidth || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) {
    lines.push(line);
    i = words.length;
  }
  if (i < words.length || (lines.length > 0 && textWidth(lines[lines.length - 1]!, fontPx, weight) > maxWidth)) {
    let last = lines[lines.length - 1] ?? '';
    while (last.length > 1 && textWidth(`${last}…`, fontPx, weight) > maxWidth) last = last.slice(0, last.lastIndexOf(' ') > 0 ? last.lastIndexOf(' ') : last.length - 1);
    lines[lines.length - 1] = `${last.replace(/[\s,;:–-]+$/, '')}…`;
  }
  return lines;
}

/** "Nice" axis ticks from 0 to at least `max`, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0];
  const raw = max / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/**
 * Which of `count` evenly spaced axis labels to show so that none touch: every k-th label, with
 * k the smallest step at which the widest label fits its share of the axis.
 */
export function labelStep(count: number, axisWidth: number, widestLabel: number, gap: number): number {
  if (count <= 1) return 1;
  const slot = axisWidth / count;
  return Math.max(1, Math.ceil((widestLabel + gap) / Math.max(1, slot)));
}

export interface LabelRequest {
  id: string;
  /** The anchor (the mark's centre) on the axis, in px. */
  x: number;
  width: number;
  /** Higher goes first. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  /** Left edge of the label box. */
  left: number;
  /** 0 is the row nearest the axis. */
  row: number;
}

/**
 * Greedy label placement along an axis: labels are taken in priority order and each goes in the
 * nearest row where its box (centred on its mark, kept inside [0, width]) does not touch a label
 * already placed. Labels that find no room are returned as `hidden` so the view can count them
 * ("+6 more"). No two placed boxes overlap, by construction.
 */
export function placeLabels(requests: readonly LabelRequest[], width: number, rows: number, gap: number): { placed: PlacedLabel[]; hidden: string[] } {
  const taken: [number, number][][] = Array.from({ length: Math.max(0, rows) }, () => []);
  const placed: PlacedLabel[] = [];
  const hidden: string[] = [];
  const order = [...requests].sort((a, b) => b.priority - a.priority || a.x - b.x);
  for (const req of order) {
    const w = Math.min(req.width, width);
    const clamp = (l: number) => Math.max(0, Math.min(width - w, l));
    // Centred on its mark first, then hanging to the right or the left of it.
    const candidates = [clamp(req.x - w / 2), clamp(req.x - 12), clamp(req.x - w + 12)];
    const fits = (spans: [number, number][], left: number) => spans.every(([a, b]) => left + w + gap <= a || left >= b + gap);
    let spot: { row: number; left: number } | null = null;
    for (let row = 0; row < taken.length && !spot; row += 1) {
      const left = candidates.find((l) => fits(taken[row]!, l));
      if (left !== undefined) spot = { row, left };
    }
    if (!spot) {
      hidden.push(req.id);
      continue;
    }
    taken[spot.row]!.push([spot.left, spot.left + w]);
    placed.push({ id: req.id, left: spot.left, row: spot.row });
  }
  return { placed, hidden };
}

/**
 * The years a chart slide draws for a slide about `range`: the range itself, widened to at least
 * `minYears` (centred, inside the data's bounds) so a one-year slide shows its year against the
 * years around it instead of a lone bar. Years outside `range` are drawn faint.
 */
export function slideWindow(range: { from: number; to: number } | null, bounds: { from: number; to: number }, minYears = 7): { from: number; to: number } {
  const r = range ?? bounds;
  const span = r.to - r.from + 1;
  if (span >= minYears) return { from: Math.max(bounds.from, r.from), to: Math.min(bounds.to, r.to) };
  const extra = minYears - span;
  let from = r.from - Math.floor(extra / 2);
  let to = r.to + Math.ceil(extra / 2);
  if (from < bounds.from) {
    to = Math.min(bounds.to, to + (bounds.from - from));
    from = bounds.from;
  }
  if (to > bounds.to) {
    from = Math.max(bounds.from, from - (to - bounds.to));
    to = bounds.to;
  }
  return { from, to };
}

/** The filters a chart slide draws with: the slide's years widened by slideWindow, as if typed in the filter bar. */
export function chartSlideFilters<F extends { yearRange: { from: number; to: number } | null; yearRangeOrigin: string }>(filters: F, bounds: { from: number; to: number }): F {
  return { ...filters, yearRange: slideWindow(filters.yearRange, bounds), yearRangeOrigin: 'filter-bar' };
}

/** "2011", "2008–2011" or the fallback for no range. */
export function yearsLabel(range: { from: number; to: number } | null, none = 'All years'): string {
  return range ? (range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`) : none;
}
