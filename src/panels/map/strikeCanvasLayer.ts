/**
 * All drone strikes as ONE Leaflet layer drawn on one <canvas>, outside React: a filter change
 * redraws the circles in a single pass instead of re-creating one Leaflet layer per strike.
 *
 * - Positions: each strike is projected once per zoom level (`map.project`), so a pan or a redraw
 *   only subtracts the pixel origin.
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

const PADDING = 0.5;
/** Extra pixels round a circle that still count as a hit (small circles are hard to hit). */
const HIT_SLOP = 2;
/** Above this many circles, circles sharing a style are filled and stroked as one path. */
const BATCH_ABOVE = 2000;

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

export class StrikeCanvasLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private strikes: readonly StrikePoint[] = [];
  private selectedId: string | null = null;
  /** Projected positions at `projZoom` (Leaflet's pixel space at that zoom). */
  private px = new Float64Array(0);
  private py = new Float64Array(0);
  private projZoom: number | null = null;
  /** Where the canvas sits (layer point of its top-left corner) and the view it was drawn for. */
  private topLeft = L.point(0, 0);
  private drawnCenter: L.LatLng | null = null;
  private drawnZoom = 0;
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

  /** New strikes and/or a new selection: one redraw. */
  setData(strikes: readonly StrikePoint[], selectedId: string | null): this {
    if (strikes !== this.strikes) {
      this.strikes = strikes;
      this.projZoom = null;
    }
    this.selectedId = selectedId;
    if (this.canvas) this.canvas.setAttribute('data-strike-count', String(strikes.length));
    if (this._map) this.redraw();
    return this;
  }

  override onAdd(map: L.Map): this {
    const canvas = document.createElement('canvas');
    canvas.className = 'leaflet-strike-canvas leaflet-zoom-animated';
    canvas.setAttribute('data-strike-count', String(this.strikes.length));
    canvas.setAttribute('aria-hidden', 'true');
    this.canvas = canvas;
    this.ctx = canDraw() ? canvas.getContext('2d') : null;
    (map.getPane(this.paneName) ?? map.getPanes().overlayPane).appendChild(canvas);
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
    this.canvas = null;
    this.ctx = null;
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

  /** During the zoom animation, scale the last drawing in place (as Leaflet's renderers do). */
  private animateZoom(e: L.ZoomAnimEvent) {
    const map = this._map;
    if (!map || !this.canvas || !this.drawnCenter) return;
    const scale = map.getZoomScale(e.zoom, this.drawnZoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const centerPoint = map.project(this.drawnCenter, e.zoom);
    const origin = (map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point })._getNewPixelOrigin(e.center, e.zoom);
    const offset = viewHalf.multiplyBy(-scale).add(centerPoint).subtract(origin);
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  private project(map: L.Map, zoom: number) {
    const n = this.strikes.length;
    if (this.px.length !== n) {
      this.px = new Float64Array(n);
      this.py = new Float64Array(n);
    }
    for (let i = 0; i < n; i++) {
      const s = this.strikes[i]!;
      const p = map.project([s.lat, s.lon], zoom);
      this.px[i] = p.x;
      this.py[i] = p.y;
    }
    this.projZoom = zoom;
  }

  /** Container-relative offset: projected point − offset = position on the canvas. */
  private canvasOrigin(map: L.Map): L.Point {
    return map.getPixelOrigin().add(this.topLeft);
  }

  redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const pad = size.multiplyBy(PADDING).round();
    this.topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    const width = size.x + 2 * pad.x;
    const height = size.y + 2 * pad.y;
    this.drawnCenter = map.getCenter();
    this.drawnZoom = map.getZoom();
    L.DomUtil.setPosition(canvas, this.topLeft);
    const ctx = this.ctx;
    if (!ctx) return;

    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = this.strikes.length;
    if (n === 0) return;
    const zoom = map.getZoom();
    if (this.projZoom !== zoom) this.project(map, zoom);
    const o = this.canvasOrigin(map);
    const { px, py, strikes } = this;
    let selected = -1;

    if (n > BATCH_ABOVE) {
      // Dense: each (style, size) is drawn once onto a small sprite, then stamped at most once per
      // pixel. Thousands of anti-aliased translucent paths are slow to rasterise without a GPU;
      // image stamps are not, and a circle stamped twice on the same pixel looks the same.
      const stamped = new Set<number>();
      for (let i = 0; i < n; i++) {
        const s = strikes[i]!;
        if (s.id === this.selectedId) {
          selected = i;
          continue;
        }
        const x = Math.round(px[i]! - o.x);
        const y = Math.round(py[i]! - o.y);
        const r = s.radius;
        if (x < -r || y < -r || x > width + r || y > height + r) continue;
        const key = styleKey(s);
        const size = Math.round(r * 2);
        const id = ((y + 64) * 8192 + (x + 64)) * 128 + size * 4 + (key === 'known' ? 0 : key === 'unknown' ? 1 : 2);
        if (stamped.has(id)) continue;
        stamped.add(id);
        const sprite = this.sprite(key, size / 2, dpr);
        ctx.drawImage(sprite, x - sprite.width / dpr / 2, y - sprite.height / dpr / 2, sprite.width / dpr, sprite.height / dpr);
      }
    } else {
      // Circle by circle, in data order (overlaps darken, as separate circles do).
      let current: StyleKey | null = null;
      for (let i = 0; i < n; i++) {
        const s = strikes[i]!;
        if (s.id === this.selectedId) {
          selected = i;
          continue;
        }
        const x = px[i]! - o.x;
        const y = py[i]! - o.y;
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
    if (selected >= 0) {
      const s = strikes[selected]!;
      applyStyle(ctx, 'selected');
      this.circle(ctx, px[selected]! - o.x, py[selected]! - o.y, s.radius + 3, 'selected');
    }
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
    const zoom = map.getZoom();
    if (this.projZoom !== zoom) this.project(map, zoom);
    const layerPoint = map.containerPointToLayerPoint(containerPoint);
    const origin = map.getPixelOrigin();
    const x = layerPoint.x + origin.x;
    const y = layerPoint.y + origin.y;
    const { px, py, strikes } = this;
    let best: StrikePoint | null = null;
    for (let i = strikes.length - 1; i >= 0; i--) {
      const s = strikes[i]!;
      const selected = s.id === this.selectedId;
      const r = (selected ? s.radius + 3 : s.radius) + HIT_SLOP;
      const dx = px[i]! - x;
      const dy = py[i]! - y;
      if (dx * dx + dy * dy <= r * r) {
        if (selected) return s;
        best ??= s;
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
