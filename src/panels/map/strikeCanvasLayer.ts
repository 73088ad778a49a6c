/**
 * All drone strikes as ONE Leaflet layer drawn on one <canvas>, outside React: a filter change
 * redraws the circles in a single pass instead of re-creating one Leaflet layer per strike.
 *
 * - Years: strikes filter only by year, so the layer splits them into runs of one year (they
 *   arrive date-sorted). Each run is projected once per zoom level (`map.project`).
 * - Dense (above BATCH_ABOVE strikes): each year's strikes are rasterised once per view (zoom and
 *   position) into their own offscreen bitmap; a year-range change or a layer toggle then only
 *   composites at most one bitmap per year. The bitmaps are drawn in slices of a few tens of
 *   milliseconds with a task boundary between them (100,000 stamps take a quarter of a second or
 *   more), while the canvas keeps its last drawing; then all are shown at once. Below that,
 *   circles are drawn one by one, at once.
 * - Selection: the selected strike is drawn on a second canvas above, so selecting never redraws
 *   the points.
 * - Canvas: covers the view plus half a view on each side (as Leaflet's own renderers do), follows
 *   the zoom animation with a CSS transform and redraws on `moveend` / `zoomend` / `viewreset`.
 * - Clicks: the map's own `click` event, hit-tested by a linear scan over the projected points
 *   (cheap even at 100k, and only done on click / pointer move).
 * - Where there is no 2D canvas (jsdom) nothing is drawn, but the canvas still says how many
 *   strikes it holds (`data-strike-count`), so the component tests can count them.
 */
import L from 'leaflet';
import type { StrikePoint } from './mapSelectors';
import { strikeStyle } from './mapStyle';
import { nextTask } from '../../data/columnTransfer';

const PADDING = 0.5;
/** Extra pixels round a circle that still count as a hit (small circles are hard to hit). */
const HIT_SLOP = 2;
/** Above this many circles, circles sharing a style are filled and stroked as one path. */
const BATCH_ABOVE = 2000;
const MAX_CACHED_RUNS = 64;
/** How long one task may spend drawing year bitmaps before it gives the thread back. */
const SLICE_MS = 30;
/** Stamps between two chances to give the thread back (a few milliseconds' work). */
const STAMPS_PER_STEP = 1500;

const canDraw = () => L.Browser.canvas && typeof CanvasRenderingContext2D !== 'undefined';

type StyleKey = 'approx' | 'unknown' | 'known';
const styleKey = (s: StrikePoint): StyleKey => (s.approximate ? 'approx' : s.killedMax === null ? 'unknown' : 'known');
const STYLES: Record<StyleKey | 'selected', ReturnType<typeof strikeStyle>> = {
  approx: strikeStyle(true, false, false),
  unknown: strikeStyle(false, true, false),
  known: strikeStyle(false, false, false),
  selected: strikeStyle(false, false, true),
};

function dash(d: unknown): number[] {
  if (typeof d !== 'string' || !d) return [];
  return d.split(/[\s,]+/).map(Number).filter((n) => Number.isFinite(n));
}

function applyStyle(ctx: CanvasRenderingContext2D, key: StyleKey | 'selected') {
  const s = STYLES[key];
  ctx.fillStyle = s.fillColor ?? '#000';
  ctx.strokeStyle = s.color ?? '#000';
  ctx.lineWidth = s.weight ?? 1;
  ctx.setLineDash(dash(s.dashArray));
}

/** One year's strikes: `strikes[start..end)`, with their positions at one zoom. */
interface YearRun {
  start: number;
  end: number;
  first: StrikePoint;
}
interface Projection {
  zoom: number;
  count: number;
  px: Float64Array;
  py: Float64Array;
}
/** A year's strikes rasterised for one view: where it sits on the canvas, in CSS pixels. */
interface YearBitmap {
  count: number;
  image: HTMLCanvasElement | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a canvas sits (layer point of its top-left corner) and the view it is drawn for. */
interface CanvasView {
  topLeft: L.Point;
  /** Pixel origin of the canvas at `zoom`: projected point − origin = position on the canvas. */
  origin: L.Point;
  center: L.LatLng;
  zoom: number;
  width: number;
  height: number;
  dpr: number;
  /** Names the view: bitmaps drawn for one key fit any canvas with the same key. */
  key: string;
}

/** Runs of consecutive strikes of the same year (one per year for date-sorted input). */
function yearRuns(strikes: readonly StrikePoint[]): YearRun[] {
  const runs: YearRun[] = [];
  for (let i = 0; i < strikes.length; ) {
    const year = strikes[i]!.year;
    let j = i + 1;
    while (j < strikes.length && strikes[j]!.year === year) j++;
    runs.push({ start: i, end: j, first: strikes[i]! });
    i = j;
  }
  return runs;
}

export class StrikeCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  /** The selected strike, above the others. */
  private selectionCanvas: HTMLCanvasElement | null = null;
  private selectionCtx: CanvasRenderingContext2D | null = null;
  private strikes: readonly StrikePoint[] = [];
  private runs: YearRun[] = [];
  private selectedId: string | null = null;
  /** Per year run (keyed by its first strike, which is stable per dataset): positions in Leaflet's pixel space at `zoom`. */
  private projections = new Map<StrikePoint, Projection>();
  /** Per year run: its bitmap for the view `bitmapView` names (some may still be being drawn). */
  private bitmaps = new Map<StrikePoint, YearBitmap>();
  private bitmapView = '';
  /** The view each canvas shows: the strikes canvas keeps its last drawing until the next one is complete. */
  private strikesView: CanvasView | null = null;
  private selectionView: CanvasView | null = null;
  /** Bumped by every redraw: a bitmap job started by an older one stops. */
  private drawGeneration = 0;
  private hoverFrame = 0;

  private onSelectStrike: (id: string) => void = () => {};

  constructor(private readonly paneName: string) {
    super();
  }

  /** What a click on a strike calls, with the strike's id. */
  setOnSelect(onSelect: (id: string) => void): this {
    this.onSelectStrike = onSelect;
    return this;
  }

  /** New strikes and/or a new selection: the strikes are composited again only when they changed. */
  setData(strikes: readonly StrikePoint[], selectedId: string | null): this {
    const strikesChanged = strikes !== this.strikes;
    if (strikesChanged) {
      this.strikes = strikes;
      this.runs = yearRuns(strikes);
      // Kept across changes (a range that comes back, a layer toggled on again, reuses them);
      // bounded, since they hold one entry per year of the datasets seen.
      if (this.projections.size > MAX_CACHED_RUNS) this.projections.clear();
      if (this.bitmaps.size > MAX_CACHED_RUNS) this.bitmaps.clear();
      if (this.canvas) this.canvas.setAttribute('data-strike-count', String(strikes.length));
    }
    const selectionChanged = selectedId !== this.selectedId;
    this.selectedId = selectedId;
    if (this._map) {
      if (strikesChanged) this.redraw();
      else if (selectionChanged) this.drawSelection();
    }
    return this;
  }

  override onAdd(map: L.Map): this {
    const pane = map.getPane(this.paneName) ?? map.getPanes().overlayPane;
    const canvas = document.createElement('canvas');
    canvas.className = 'leaflet-strike-canvas leaflet-zoom-animated';
    canvas.setAttribute('data-strike-count', String(this.strikes.length));
    canvas.setAttribute('aria-hidden', 'true');
    const selection = document.createElement('canvas');
    selection.className = 'leaflet-strike-canvas leaflet-zoom-animated';
    selection.setAttribute('aria-hidden', 'true');
    this.canvas = canvas;
    this.selectionCanvas = selection;
    this.ctx = canDraw() ? canvas.getContext('2d') : null;
    this.selectionCtx = canDraw() ? selection.getContext('2d') : null;
    pane.appendChild(canvas);
    pane.appendChild(selection);
    map.on('click', this.onClick, this);
    map.on('mousemove', this.onMouseMove, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('click', this.onClick, this);
    map.off('mousemove', this.onMouseMove, this);
    cancelAnimationFrame(this.hoverFrame);
    map.getContainer().classList.remove('border-map--strike-hover');
    this.canvas?.remove();
    this.selectionCanvas?.remove();
    this.canvas = null;
    this.ctx = null;
    this.selectionCanvas = null;
    this.selectionCtx = null;
    this.bitmaps.clear();
    this.bitmapView = '';
    this.drawGeneration++;
    this.strikesView = null;
    this.selectionView = null;
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    const events: { [name: string]: L.LeafletEventHandlerFn } = {
      moveend: () => this.redraw(),
      zoomend: () => this.redraw(),
      viewreset: () => this.redraw(),
      resize: () => this.redraw(),
    };
    if (this._map?.options.zoomAnimation && L.Browser.any3d) events.zoomanim = (e) => this.animateZoom(e as L.ZoomAnimEvent);
    return events;
  }

  /** During the zoom animation, scale each canvas's last drawing in place (as Leaflet's renderers do). */
  private animateZoom(e: L.ZoomAnimEvent) {
    const map = this._map;
    if (!map) return;
    const origin = (map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point })._getNewPixelOrigin(e.center, e.zoom);
    const place = (canvas: HTMLCanvasElement | null, view: CanvasView | null) => {
      if (!canvas || !view) return;
      const scale = map.getZoomScale(e.zoom, view.zoom);
      const viewHalf = L.point(view.width / 2, view.height / 2);
      const offset = viewHalf.multiplyBy(-scale).add(map.project(view.center, e.zoom)).subtract(origin);
      L.DomUtil.setTransform(canvas, offset, scale);
    };
    place(this.canvas, this.strikesView);
    place(this.selectionCanvas, this.selectionView);
  }

  /** A year run's positions at `zoom` (the map's by default), projected once per zoom. */
  private projection(map: L.Map, run: YearRun, zoom = map.getZoom()): Projection {
    const count = run.end - run.start;
    const cached = this.projections.get(run.first);
    if (cached && cached.zoom === zoom && cached.count === count) return cached;
    const px = new Float64Array(count);
    const py = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const s = this.strikes[run.start + i]!;
      const p = map.project([s.lat, s.lon], zoom);
      px[i] = p.x;
      py[i] = p.y;
    }
    const projection = { zoom, count, px, py };
    this.projections.set(run.first, projection);
    return projection;
  }

  /** The view plus padding, where the canvases go now. */
  private currentView(map: L.Map): CanvasView {
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING).round();
    const topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    const width = size.x + 2 * pad.x;
    const height = size.y + 2 * pad.y;
    const dpr = window.devicePixelRatio || 1;
    const zoom = map.getZoom();
    // Projected point − origin = position on the canvas.
    const origin = map.getPixelOrigin().add(topLeft);
    return { topLeft, origin, center: map.getCenter(), zoom, width, height, dpr, key: `${zoom}|${origin.x}|${origin.y}|${width}x${height}|${dpr}` };
  }

  /** Sizes and places a canvas over a view plus padding. */
  private fit(canvas: HTMLCanvasElement, view: CanvasView): void {
    const { width, height, dpr } = view;
    L.DomUtil.setPosition(canvas, view.topLeft);
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
  }

  redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const view = this.currentView(map);
    const generation = ++this.drawGeneration;
    if (this.selectionCanvas) this.fit(this.selectionCanvas, view);
    this.selectionView = view;
    this.drawSelection();
    const ctx = this.ctx;
    if (!ctx || this.strikes.length <= BATCH_ABOVE) {
      this.show(view);
      if (ctx) this.drawCircles(map, ctx, view);
      return;
    }
    // Dense: the bitmaps hold for this exact view; a pan or a zoom draws them afresh.
    if (view.key !== this.bitmapView) {
      this.bitmaps = new Map();
      this.bitmapView = view.key;
    }
    const missing = this.runs.filter((run) => this.bitmaps.get(run.first)?.count !== run.end - run.start);
    if (missing.length === 0) {
      this.composite(view);
      return;
    }
    void this.drawBitmaps(map, view, missing, generation);
  }

  /** Moves the strikes canvas to `view` and clears it. */
  private show(view: CanvasView): CanvasRenderingContext2D | null {
    if (this.canvas) this.fit(this.canvas, view);
    this.strikesView = view;
    const ctx = this.ctx;
    if (!ctx) return null;
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
    return ctx;
  }

  /** Every year's bitmap onto the canvas, at once (they are all drawn for `view`). */
  private composite(view: CanvasView): void {
    const ctx = this.show(view);
    if (!ctx) return;
    for (const run of this.runs) {
      const bitmap = this.bitmaps.get(run.first);
      if (bitmap?.image) ctx.drawImage(bitmap.image, bitmap.x, bitmap.y, bitmap.w, bitmap.h);
    }
  }

  /**
   * Draws the years' bitmaps that `view` lacks in slices of about SLICE_MS, a task boundary
   * between them (100,000 strikes take a quarter of a second or more to stamp), then shows them
   * all in one go. Until then the canvas keeps its last drawing, so nothing flickers; a newer
   * redraw (another view, other strikes) stops this one.
   */
  private async drawBitmaps(map: L.Map, view: CanvasView, runs: YearRun[], generation: number): Promise<void> {
    const bitmaps = this.bitmaps;
    let start = performance.now();
    for (const run of runs) {
      const steps = this.yearBitmap(map, run, view);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          bitmaps.set(run.first, step.value);
          break;
        }
        if (performance.now() - start > SLICE_MS) {
          await nextTask();
          if (generation !== this.drawGeneration || !this._map) return;
          start = performance.now();
        }
      }
    }
    if (generation === this.drawGeneration && this._map) this.composite(view);
  }

  /** Circle by circle, in data order (overlaps darken, as separate circles do). */
  private drawCircles(map: L.Map, ctx: CanvasRenderingContext2D, view: CanvasView): void {
    const { origin: o, width, height } = view;
    let current: StyleKey | null = null;
    for (const run of this.runs) {
      const { px, py } = this.projection(map, run, view.zoom);
      for (let i = run.start; i < run.end; i++) {
        const s = this.strikes[i]!;
        const x = px[i - run.start]! - o.x;
        const y = py[i - run.start]! - o.y;
        const r = s.radius;
        if (x < -r || y < -r || x > width + r || y > height + r) continue;
        const key = styleKey(s);
        if (key !== current) {
          applyStyle(ctx, key);
          current = key;
        }
        this.circle(ctx, x, y, r, key);
      }
    }
    ctx.globalAlpha = 1;
  }

  /**
   * One year's strikes on their own bitmap, cropped to where they fall on the canvas. Each
   * (style, size) is drawn once onto a small sprite and stamped at most once per pixel: thousands
   * of anti-aliased translucent paths are slow to rasterise without a GPU; image stamps are not,
   * and a circle stamped twice on the same pixel looks the same. A generator: it pauses every
   * STAMPS_PER_STEP stamps, so the caller can spread a big year over several tasks.
   */
  private *yearBitmap(map: L.Map, run: YearRun, view: CanvasView): Generator<void, YearBitmap> {
    const { origin: o, width, height, dpr } = view;
    const count = run.end - run.start;
    const { px, py } = this.projection(map, run, view.zoom);
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < count; i++) {
      const r = this.strikes[run.start + i]!.radius + 2;
      const x = px[i]! - o.x;
      const y = py[i]! - o.y;
      if (x < -r || y < -r || x > width + r || y > height + r) continue;
      x0 = Math.min(x0, x - r);
      y0 = Math.min(y0, y - r);
      x1 = Math.max(x1, x + r);
      y1 = Math.max(y1, y + r);
    }
    const bitmap: YearBitmap = { count, image: null, x: 0, y: 0, w: 0, h: 0 };
    if (x0 < x1) {
      bitmap.x = Math.floor(Math.max(0, x0));
      bitmap.y = Math.floor(Math.max(0, y0));
      bitmap.w = Math.ceil(Math.min(width, x1)) - bitmap.x;
      bitmap.h = Math.ceil(Math.min(height, y1)) - bitmap.y;
    }
    const image = bitmap.w > 0 && bitmap.h > 0 ? document.createElement('canvas') : null;
    const c = image?.getContext('2d');
    if (image && c) {
      image.width = Math.ceil(bitmap.w * dpr);
      image.height = Math.ceil(bitmap.h * dpr);
      const stamped = new Set<number>();
      const ox = o.x + bitmap.x;
      const oy = o.y + bitmap.y;
      for (let i = 0; i < count; i++) {
        if (i > 0 && i % STAMPS_PER_STEP === 0) yield;
        const s = this.strikes[run.start + i]!;
        const x = Math.round(px[i]! - ox);
        const y = Math.round(py[i]! - oy);
        const r = s.radius;
        if (x < -r || y < -r || x > bitmap.w + r || y > bitmap.h + r) continue;
        const key = styleKey(s);
        const side = Math.round(r * 2);
        const id = ((y + 64) * 8192 + (x + 64)) * 128 + side * 4 + (key === 'known' ? 0 : key === 'unknown' ? 1 : 2);
        if (stamped.has(id)) continue;
        stamped.add(id);
        const sprite = this.sprite(key, side / 2, dpr);
        c.drawImage(sprite, Math.round((x - sprite.width / dpr / 2) * dpr), Math.round((y - sprite.height / dpr / 2) * dpr));
      }
      bitmap.image = image;
    }
    return bitmap;
  }

  /** The selected strike, on its own canvas above the others. */
  private drawSelection(): void {
    const map = this._map;
    const ctx = this.selectionCtx;
    const view = this.selectionView;
    if (!map || !ctx || !view) return;
    const { dpr, width, height, origin: o } = view;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (this.selectedId === null) return;
    const index = this.strikes.findIndex((s) => s.id === this.selectedId);
    if (index < 0) return;
    const s = this.strikes[index]!;
    const p = map.project([s.lat, s.lon], view.zoom);
    applyStyle(ctx, 'selected');
    this.circle(ctx, p.x - o.x, p.y - o.y, s.radius + 3, 'selected');
    ctx.globalAlpha = 1;
  }
  private sprites = new Map<string, HTMLCanvasElement>();

  /** A circle in one style and size, drawn once at the device pixel ratio. */
  private sprite(key: StyleKey, r: number, dpr: number): HTMLCanvasElement {
    const id = `${key}|${r}|${dpr}`;
    let sprite = this.sprites.get(id);
    if (!sprite) {
      sprite = document.createElement('canvas');
      const side = Math.ceil((r * 2 + 4) * dpr);
      sprite.width = side;
      sprite.height = side;
      const c = sprite.getContext('2d');
      if (c) {
        c.setTransform(dpr, 0, 0, dpr, 0, 0);
        applyStyle(c, key);
        this.circle(c, side / dpr / 2, side / dpr / 2, r, key);
      }
      this.sprites.set(id, sprite);
    }
    return sprite;
  }

  private circle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, key: StyleKey | 'selected') {
    const st = STYLES[key];
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.globalAlpha = st.fillOpacity ?? 0.2;
    ctx.fill();
    ctx.globalAlpha = st.opacity ?? 1;
    ctx.stroke();
  }

  /** The topmost strike under a container point (the selected one first: it is drawn on top). */
  hitTest(containerPoint: L.Point): StrikePoint | null {
    const map = this._map;
    if (!map || this.strikes.length === 0) return null;
    const layerPoint = map.containerPointToLayerPoint(containerPoint);
    const origin = map.getPixelOrigin();
    const x = layerPoint.x + origin.x;
    const y = layerPoint.y + origin.y;
    let best: StrikePoint | null = null;
    for (let k = this.runs.length - 1; k >= 0; k--) {
      const run = this.runs[k]!;
      const { px, py } = this.projection(map, run);
      for (let i = run.end - 1; i >= run.start; i--) {
        const s = this.strikes[i]!;
        const selected = s.id === this.selectedId;
        const r = (selected ? s.radius + 3 : s.radius) + HIT_SLOP;
        const dx = px[i - run.start]! - x;
        const dy = py[i - run.start]! - y;
        if (dx * dx + dy * dy <= r * r) {
          if (selected) return s;
          best ??= s;
        }
      }
    }
    return best;
  }

  private onClick(e: L.LeafletMouseEvent) {
    const hit = this.hitTest(e.containerPoint);
    if (hit) this.onSelectStrike(hit.id);
  }

  private onMouseMove(e: L.LeafletMouseEvent) {
    cancelAnimationFrame(this.hoverFrame);
    this.hoverFrame = requestAnimationFrame(() => {
      const map = this._map;
      if (!map) return;
      map.getContainer().classList.toggle('border-map--strike-hover', this.hitTest(e.containerPoint) !== null);
    });
  }
}
