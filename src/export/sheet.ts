/**
 * The PNG exports are composed off screen: a white "sheet" with the header and footer drawn as
 * inline SVG (svgCompose.ts) around a *clone* of the live chart, then rasterised with
 * html-to-image. The live panel is only read (never restyled or moved), so exporting causes no
 * flicker, no layout shift and no lost selection.
 */
import { toCanvas } from 'html-to-image';
import { inlineComputedStyles } from './inlineSvg';
import { blockSvg, drawFooter, drawHeader, FONT_STACK, INK, type FooterParts, type HeaderParts, type Measure } from './svgCompose';

/** Always left out of images: controls, menus, tooltips, tables. */
export const ALWAYS_EXCLUDED = [
  '.recharts-tooltip-wrapper',
  '.recharts-tooltip-cursor',
  '[role="menu"]',
  '[data-export-exclude]',
  '.panel__table',
  '.leaflet-control-container',
  '.leaflet-popup-pane',
  '.leaflet-tooltip-pane',
  'details',
  'select',
  'input',
  '.button',
];

/** A host for sheets: laid out (so styles and sizes resolve) but far off screen and hidden from assistive tech. */
export function createOffscreenHost(): HTMLDivElement {
  const host = document.createElement('div');
  host.className = 'export-host';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  Object.assign(host.style, { position: 'fixed', left: '-100000px', top: '0', pointerEvents: 'none', zIndex: '-1' });
  document.body.appendChild(host);
  return host;
}

/**
 * A deep clone of a live element for the image. Canvases (the map's strike layer) lose their
 * pixels when cloned, so each becomes an <img> of what the live canvas shows.
 */
export function cloneForImage(live: HTMLElement, exclude: readonly string[]): HTMLElement {
  const clone = live.cloneNode(true) as HTMLElement;
  keepScrollPositions(live, clone);
  inlineSvgStyles(live, clone);
  const liveCanvases = live.querySelectorAll('canvas');
  const clonedCanvases = clone.querySelectorAll('canvas');
  liveCanvases.forEach((canvas, i) => {
    const target = clonedCanvases[i];
    if (!target) return;
    const img = document.createElement('img');
    try {
      img.src = canvas.toDataURL('image/png');
    } catch {
      return; // a tainted canvas cannot be read; ours never are (no remote images)
    }
    img.alt = '';
    img.className = canvas.className;
    img.style.cssText = canvas.style.cssText;
    if (!img.style.width) img.style.width = `${canvas.clientWidth || canvas.width}px`;
    if (!img.style.height) img.style.height = `${canvas.clientHeight || canvas.height}px`;
    target.replaceWith(img);
  });
  for (const selector of [...ALWAYS_EXCLUDED, ...exclude]) clone.querySelectorAll(selector).forEach((n) => n.remove());
  clone.querySelectorAll('[tabindex]').forEach((n) => n.removeAttribute('tabindex'));
  return clone;
}

/**
 * Clones lose their scroll position (a zoomed timeline would jump back to its start), so a
 * scrolled element's clone clips instead and shifts its children by the scroll offset.
 */
function keepScrollPositions(live: HTMLElement, clone: HTMLElement): void {
  const liveAll = live.querySelectorAll('*');
  const cloneAll = clone.querySelectorAll('*');
  liveAll.forEach((node, i) => {
    if (!(node instanceof HTMLElement) || (node.scrollLeft === 0 && node.scrollTop === 0)) return;
    const target = cloneAll[i];
    if (!(target instanceof HTMLElement)) return;
    target.style.overflow = 'hidden';
    for (const child of target.children) {
      if (child instanceof HTMLElement || child instanceof SVGElement) child.style.transform = `translate(${-node.scrollLeft}px, ${-node.scrollTop}px) ${child.style.transform}`.trim();
    }
  });
}

/**
 * html-to-image copies computed styles onto HTML elements but clones an <svg> as it is, so
 * class-based CSS inside a chart (tick labels, hit areas, hatching) would be lost in the image.
 * Each chart <svg>'s descendants get their computed styles as presentation attributes. Leaflet's
 * panes are skipped: their paths carry their styles as attributes already.
 */
function inlineSvgStyles(live: HTMLElement, clone: HTMLElement): void {
  const liveSvgs = live.querySelectorAll('svg');
  const clonedSvgs = clone.querySelectorAll('svg');
  liveSvgs.forEach((svg, i) => {
    const target = clonedSvgs[i];
    if (!target || svg.closest('.leaflet-pane') || svg.parentElement?.closest('svg')) return;
    inlineComputedStyles(svg, target, true);
  });
}

/** Waits for every <img> in `root` to decode (the canvas snapshots). */
export async function imagesReady(root: HTMLElement): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
}

export interface ChartClone {
  /** The live `.panel` element. */
  panelEl: HTMLElement;
  panelId: string;
  exclude: readonly string[];
}

/**
 * The chart part of a sheet: the panel body cloned inside a bare `.panel` wrapper (so the panel's
 * CSS still applies), at the live body's width so everything lays out exactly as on screen.
 */
export function chartClone({ panelEl, panelId, exclude }: ChartClone): { node: HTMLElement; width: number } {
  const body = panelEl.querySelector<HTMLElement>('.panel__body');
  const width = body?.getBoundingClientRect().width ?? panelEl.getBoundingClientRect().width;
  const wrap = document.createElement('section');
  wrap.className = 'panel export-sheet__chart';
  wrap.dataset.panel = panelId;
  Object.assign(wrap.style, { border: '0', padding: '0', margin: '0', minHeight: '0', borderRadius: '0', boxShadow: 'none', background: 'transparent', width: `${width}px` });
  if (body) wrap.appendChild(cloneForImage(body, exclude));
  return { node: wrap, width };
}

export interface SheetParts {
  header: HeaderParts;
  footer: FooterParts;
  chart: HTMLElement;
  /** Sheet width in CSS px (an integer, so the PNG is exactly width × pixelRatio). */
  width: number;
  /** Horizontal padding; the vertical padding is the same unless given. */
  padX: number;
  padY?: number;
  measure: Measure;
}

/** A complete sheet element (not yet in the document). */
export function buildSheet({ header, footer, chart, width, padX, padY = 16, measure }: SheetParts): HTMLDivElement {
  const sheet = document.createElement('div');
  sheet.className = 'export-sheet';
  Object.assign(sheet.style, {
    boxSizing: 'border-box',
    width: `${width}px`,
    padding: `${padY}px ${padX}px`,
    background: '#ffffff',
    color: INK,
    fontFamily: FONT_STACK,
    display: 'flow-root',
  });
  const inner = width - 2 * padX;
  const head = blockSvg(document, drawHeader(document, header, inner, measure), inner);
  head.style.marginBottom = '12px';
  const foot = blockSvg(document, drawFooter(document, footer, inner, measure), inner);
  foot.style.marginTop = '12px';
  sheet.append(head, chart, foot);
  return sheet;
}

export interface RasterOptions {
  pixelRatio: number;
  fontCss: string;
  /** Force the sheet's CSS size (slides); defaults to the laid-out size, rounded up. */
  width?: number;
  height?: number;
}

/** Rasterises a sheet that is in the document; returns the PNG and its pixel size. */
export async function rasterize(sheet: HTMLElement, { pixelRatio, fontCss, width, height }: RasterOptions): Promise<{ blob: Blob; width: number; height: number }> {
  await imagesReady(sheet);
  const w = width ?? Math.ceil(sheet.getBoundingClientRect().width);
  const h = height ?? Math.ceil(sheet.getBoundingClientRect().height);
  const canvas = await toCanvas(sheet, {
    pixelRatio,
    width: w,
    height: h,
    backgroundColor: '#ffffff',
    fontEmbedCSS: fontCss,
    skipFonts: fontCss === '',
    cacheBust: false,
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the PNG.');
  return { blob, width: canvas.width, height: canvas.height };
}
