/**
 * Vector copies of the charts on screen: each Recharts surface (`.recharts-wrapper
 * svg.recharts-surface`) is cloned with the computed styles that matter written onto it as
 * presentation attributes, so the file looks the same outside the page and stays editable.
 */
import { svgEl, INK } from './svgCompose';
import type { SvgChart } from './types';

/** The computed properties written onto each cloned element. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** Values that are the SVG default anyway (left out to keep the file small). */
const DEFAULTS: Record<string, string[]> = {
  'fill-opacity': ['1'],
  'stroke-opacity': ['1'],
  opacity: ['1'],
  'stroke-dasharray': ['none'],
  'stroke-linecap': ['butt'],
  'stroke-linejoin': ['miter'],
  'font-style': ['normal'],
  'text-anchor': ['start'],
  'dominant-baseline': ['auto'],
  stroke: ['none'],
  'stroke-width': ['1px', '1'],
};

const TEXT_ONLY = new Set(['font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline']);

/** A computed value as an SVG presentation attribute value ("transparent" → "none"). */
export function attributeValue(prop: string, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if ((prop === 'fill' || prop === 'stroke') && (v === 'transparent' || /^rgba\([^)]*,\s*0\)$/.test(v))) return 'none';
  if (DEFAULTS[prop]?.includes(v)) return null;
  return v;
}

/**
 * Writes the computed styles of `live` (and its descendants) onto `clone`, which has the same
 * shape. With `keepRoot`, the root element keeps its classes and inline style (it still sits in
 * the page's layout); only its descendants are made self-contained.
 */
export function inlineComputedStyles(live: Element, clone: Element, keepRoot = false): void {
  const liveNodes = [live, ...live.querySelectorAll('*')];
  const cloneNodes = [clone, ...clone.querySelectorAll('*')];
  const hidden: Element[] = [];
  liveNodes.forEach((node, i) => {
    const target = cloneNodes[i];
    if (!target || (keepRoot && node === live)) return;
    const cs = getComputedStyle(node);
    if (cs.display === 'none' || cs.visibility === 'hidden' || node.classList.contains('recharts-tooltip-cursor')) {
      hidden.push(target);
      return;
    }
    const isText = node.tagName === 'text' || node.tagName === 'tspan';
    for (const prop of INLINED_PROPERTIES) {
      if (TEXT_ONLY.has(prop) && !isText && node !== live) continue;
      const value = attributeValue(prop, cs.getPropertyValue(prop));
      if (value !== null) target.setAttribute(prop, value);
    }
    // Classes and inline CSS mean nothing outside the page (and CSS variables would break).
    target.removeAttribute('class');
    target.removeAttribute('style');
    target.removeAttribute('tabindex');
    target.removeAttribute('role');
    target.removeAttribute('focusable');
  });
  for (const node of hidden) node.remove();
}

/**
 * Every Recharts surface in the panel, cloned with inlined styles and stacked vertically; a
 * surface inside a <figure> keeps its caption as <text>. Null when the panel has none.
 */
export function cloneRechartsSurfaces(panelEl: HTMLElement, doc: Document): SvgChart | null {
  const surfaces = [...panelEl.querySelectorAll<SVGSVGElement>('.recharts-wrapper svg.recharts-surface')];
  if (surfaces.length === 0) return null;
  const g = svgEl(doc, 'g', { class: 'export-recharts' });
  let y = 0;
  let width = 0;
  for (const surface of surfaces) {
    const caption = surface.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
    if (caption) {
      g.appendChild(svgEl(doc, 'text', { x: 0, y: y + 13, 'font-size': 13, 'font-weight': 600, fill: INK }, caption));
      y += 20;
    }
    const rect = surface.getBoundingClientRect();
    const w = Math.round(Number(surface.getAttribute('width')) || rect.width);
    const h = Math.round(Number(surface.getAttribute('height')) || rect.height);
    const clone = doc.importNode(surface, true) as SVGSVGElement;
    inlineComputedStyles(surface, clone);
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
    clone.setAttribute('overflow', 'visible');
    g.appendChild(clone);
    y += h + 8;
    width = Math.max(width, w);
  }
  return { node: g, width, height: Math.max(0, y - 8) };
}
