/**
 * Building blocks of the exported images, drawn as SVG with DOM calls (createElementNS and
 * textContent: no markup strings, so no data can ever become markup). The same header (title,
 * measure, filters) and footer (legend, sources, credit) are used by the SVG file and, as
 * inline SVG, by the PNG, so both say exactly the same thing.
 */
import { neutralizeBidi } from '../data/bidi';
import type { LegendItem, SvgChart } from './types';

export const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * The exports' font: Inter (embedded as @font-face where the format allows), then fonts most
 * machines have. Tools that ignore embedded fonts (librsvg, Inkscape, LibreOffice) fall back to
 * Arial or its metric twin Liberation Sans, else DejaVu Sans; text is measured against the
 * widest of these (see canvasMeasure), so it fits its box in any of them.
 */
export const FONT_STACK = "'Inter Variable', Inter, Arial, 'Liberation Sans', Helvetica, sans-serif";
/** The fallbacks text must also fit in: Arial-like, and the wide DejaVu Sans / Verdana. */
const FALLBACK_MEASURE_FONTS = ["Arial, 'Liberation Sans', Helvetica, sans-serif", "'DejaVu Sans', Verdana, sans-serif"];
export const INK = '#1b2233';
export const INK_MUTED = '#4a5568';

/** Text width in px for a font size and weight. */
export type Measure = (text: string, fontSize: number, weight?: number) => number;

/** A conservative estimate (DejaVu Sans, the widest fallback, averages ~0.55em per character): used where no canvas exists. */
export const estimateMeasure: Measure = (text, fontSize, weight = 400) => text.length * fontSize * (weight >= 600 ? 0.66 : 0.6);

function canvasContext(): CanvasRenderingContext2D | null {
  try {
    return typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  } catch {
    return null; // jsdom: no canvas
  }
}

/**
 * Measures with a canvas (call after the font has loaded): the widest of the export's font and
 * its fallbacks, so wrapped text stays inside its box wherever the file is opened. Falls back
 * to the estimate where there is no canvas.
 */
export function canvasMeasure(): Measure {
  const c = canvasContext();
  if (!c) return estimateMeasure;
  // Wrapping measures the same growing lines again and again (the sources footer tries several
  // cuts), and each \`font\` assignment is parsed: both made a long footer cost seconds.
  const cache = new Map<string, number>();
  return (text, fontSize, weight = 400) => {
    const key = `${weight} ${fontSize} ${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let widest = 0;
    for (const family of [FONT_STACK, ...FALLBACK_MEASURE_FONTS]) {
      c.font = `${weight} ${fontSize}px ${family}`;
      widest = Math.max(widest, c.measureText(text).width);
    }
    // A small safety margin: the rasteriser and the canvas may round differently.
    const width = widest * 1.02;
    cache.set(key, width);
    return width;
  };
}

/**
 * The greedy wrap itself. With `stopAfter`, wrapping stops once that many lines are complete
 * (the caller only needs to know the text is longer): the lines returned are the same as the
 * first lines of a full wrap.
 */
function greedyLines(text: string, maxWidth: number, fontSize: number, measure: Measure, weight: number, stopAfter = Infinity): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fit = (word: string) => {
    if (measure(word, fontSize, weight) <= maxWidth) return word;
    let cut = word;
    while (cut.length > 1 && measure(`${cut}…`, fontSize, weight) > maxWidth) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, fontSize, weight) <= maxWidth) line = candidate;
    else {
      if (line) lines.push(line);
      if (lines.length >= stopAfter) return lines;
      line = fit(word);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Greedy word wrap to `maxWidth`; a single over-long word is cut with an ellipsis. */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: Measure, weight = 400, maxLines = Infinity): string[] {
  // Lines past maxLines + 1 are never shown: wrapping stops there (the last kept line is then cut).
  const lines = greedyLines(text, maxWidth, fontSize, measure, weight, maxLines + 1);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length > 1 && measure(`${last}…`, fontSize, weight) > maxWidth) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.replace(/[\s;,]+$/, '')}…`;
    return kept;
  }
  return lines;
}

/**
 * Greedy word wrap that keeps every character: a word wider than the line (a long host name or
 * address) is broken across lines instead of cut. For text that must never be shortened.
 */
export function wrapWhole(text: string, maxWidth: number, fontSize: number, measure: Measure, weight = 400): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, fontSize, weight) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const ch of word) {
      if (line && measure(line + ch, fontSize, weight) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface LegendLayout {
  entries: { item: LegendItem; x: number; y: number; lines: string[] }[];
  width: number;
  height: number;
}

const SWATCH = 12;
const SWATCH_GAP = 6;
const ITEM_GAP = 16;

/** Legend entries flow left to right and wrap; a label longer than the row wraps itself. */
export function layoutLegend(items: readonly LegendItem[], maxWidth: number, measure: Measure, fontSize = 12): LegendLayout {
  const lineHeight = Math.round(fontSize * 1.4);
  const entries: LegendLayout['entries'] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const item of items) {
    const textMax = maxWidth - SWATCH - SWATCH_GAP;
    const lines = wrapText(item.label, textMax, fontSize, measure);
    const itemWidth = SWATCH + SWATCH_GAP + Math.max(0, ...lines.map((l) => measure(l, fontSize)));
    const itemHeight = Math.max(lines.length, 1) * lineHeight;
    if (x > 0 && x + itemWidth > maxWidth) {
      x = 0;
      y += rowHeight + 4;
      rowHeight = 0;
    }
    entries.push({ item, x, y, lines });
    x += itemWidth + ITEM_GAP;
    width = Math.max(width, x - ITEM_GAP);
    rowHeight = Math.max(rowHeight, itemHeight);
  }
  return { entries, width: Math.min(width, maxWidth), height: entries.length ? y + rowHeight : 0 };
}

type Attrs = Record<string, string | number | undefined>;

/** An SVG element with attributes and (as text, never markup) content. */
export function svgEl<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, String(value));
  // Every text of an exported image passes here: titles, sources and notes may come from a file.
  if (text !== undefined) node.textContent = neutralizeBidi(text);
  return node;
}

/** A legend swatch as SVG, centred in a SWATCH × SWATCH box at (0,0). */
export function drawSwatch(doc: Document, item: LegendItem): SVGElement {
  const fill = item.hollow ? '#ffffff' : item.color;
  const stroke = item.stroke ?? (item.hollow ? item.color : 'none');
  const common: Attrs = {
    fill,
    'fill-opacity': item.fillOpacity,
    stroke,
    'stroke-width': stroke === 'none' ? undefined : item.hollow ? 1.5 : 1,
    'stroke-dasharray': item.dashed ? '2 1.5' : undefined,
  };
  switch (item.shape) {
    case 'circle':
      return svgEl(doc, 'circle', { cx: SWATCH / 2, cy: SWATCH / 2, r: SWATCH / 2 - 1, ...common });
    case 'diamond':
      return svgEl(doc, 'path', { d: `M${SWATCH / 2} 0.5 L${SWATCH - 0.5} ${SWATCH / 2} L${SWATCH / 2} ${SWATCH - 0.5} L0.5 ${SWATCH / 2} Z`, ...common });
    case 'line':
      return svgEl(doc, 'line', { x1: 0, x2: SWATCH, y1: SWATCH / 2, y2: SWATCH / 2, stroke: item.color, 'stroke-width': 2.5, 'stroke-dasharray': item.dashed ? '3 2' : undefined });
    case 'rounded':
      return svgEl(doc, 'rect', { x: 0.5, y: 0.5, width: SWATCH - 1, height: SWATCH - 1, rx: 3, ...common });
    default:
      return svgEl(doc, 'rect', { x: 0.5, y: 0.5, width: SWATCH - 1, height: SWATCH - 1, rx: 1, ...common });
  }
}

/** The legend as a <g> of swatches and <text> labels. */
export function drawLegend(doc: Document, items: readonly LegendItem[], maxWidth: number, measure: Measure, fontSize = 12): { node: SVGGElement; width: number; height: number } {
  const layout = layoutLegend(items, maxWidth, measure, fontSize);
  const lineHeight = Math.round(fontSize * 1.4);
  const g = svgEl(doc, 'g', { class: 'export-legend' });
  for (const { item, x, y, lines } of layout.entries) {
    const entry = svgEl(doc, 'g', { transform: `translate(${round(x)} ${round(y)})`, opacity: item.dimmed ? 0.45 : undefined });
    const swatch = svgEl(doc, 'g', { transform: `translate(0 ${round((lineHeight - SWATCH) / 2)})` });
    swatch.appendChild(drawSwatch(doc, item));
    entry.appendChild(swatch);
    lines.forEach((line, i) => {
      entry.appendChild(svgEl(doc, 'text', { x: SWATCH + SWATCH_GAP, y: round(i * lineHeight + lineHeight / 2 + fontSize * 0.35), 'font-size': fontSize, fill: INK }, line));
    });
    g.appendChild(entry);
  }
  return { node: g, width: layout.width, height: layout.height };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Lines of text as <text> elements in a <g>, returning the block height. */
function textBlock(doc: Document, g: SVGGElement, lines: string[], y: number, fontSize: number, attrs: Attrs, lineHeight = Math.round(fontSize * 1.35)): number {
  for (const line of lines) {
    g.appendChild(svgEl(doc, 'text', { x: 0, y: round(y + fontSize), 'font-size': fontSize, ...attrs }, line));
    y += lineHeight;
  }
  return y;
}

export interface HeaderParts {
  title: string;
  subtitle?: string;
  filterLine: string;
  /** Type scale: 1 for panels, larger for slides. */
  scale?: number;
}

/** Title, measure line and filter line, stacked from y = 0; returns the block and its height. */
export function drawHeader(doc: Document, parts: HeaderParts, width: number, measure: Measure): { node: SVGGElement; height: number } {
  const s = parts.scale ?? 1;
  const g = svgEl(doc, 'g', { class: 'export-header' });
  let y = 0;
  const titleSize = Math.round(18 * s);
  y = textBlock(doc, g, wrapText(parts.title, width, titleSize, measure, 650, 2), y, titleSize, { 'font-weight': 650, fill: INK, class: 'export-title' });
  if (parts.subtitle) {
    const size = Math.round(12 * s);
    y = textBlock(doc, g, wrapText(parts.subtitle, width, size, measure, 400, 2), y + 2 * s, size, { fill: INK_MUTED, class: 'export-subtitle' });
  }
  if (parts.filterLine) {
    const size = Math.round(13 * s);
    y = textBlock(doc, g, wrapText(parts.filterLine, width, size, measure, 500, 2), y + 4 * s, size, { 'font-weight': 500, fill: INK, class: 'export-filters' });
  }
  return { node: g, height: Math.ceil(y) };
}

export interface FooterParts {
  legend: readonly LegendItem[];
  /** Null: no sources line (a block whose sources are given elsewhere). */
  sources: readonly string[] | null;
  /** Empty: no credit line. */
  credit: string;
  /** Where the data came from when it is not the built-in dataset: drawn in full, never shortened. */
  origin?: string | null;
  note?: string | null;
  scale?: number;
  /** At most this many lines of sources (the rest is summarised with "…"). */
  maxSourceLines?: number;
}

/** "Sources: a; b; c" */
export function sourcesText(sources: readonly string[]): string {
  return sources.length ? `Sources: ${sources.join('; ')}` : 'Sources: none shown.';
}

/**
 * The sources, wrapped to at most `maxLines` lines. When they do not fit, as many as fit are
 * named and the rest counted: "Sources: A; B; and 7 more (see the table)". The CSV download
 * and the SVG's metadata list every one.
 */
export function sourceLines(sources: readonly string[], width: number, fontSize: number, measure: Measure, maxLines: number): string[] {
  // Each try wraps only until it is known not to fit (maxLines + 1 lines): with a hundred
  // sources, wrapping every cut in full took seconds.
  const wrapUpTo = (text: string) => greedyLines(text, width, fontSize, measure, 400, maxLines + 1);
  const all = wrapUpTo(sourcesText(sources));
  if (all.length <= maxLines) return all;
  for (let shown = sources.length - 1; shown >= 1; shown--) {
    const text = `Sources: ${sources.slice(0, shown).join('; ')}; and ${sources.length - shown} more (see the table)`;
    const lines = wrapUpTo(text);
    if (lines.length <= maxLines) return lines;
  }
  // Even one title is too long: cut it, but always keep the count.
  const tail = `and ${sources.length - 1} more (see the table)`;
  return [...wrapText(`Sources: ${sources[0]!}`, width, fontSize, measure, 400, Math.max(1, maxLines - 1)), ...wrapText(tail, width, fontSize, measure, 400, 1)].slice(0, Math.max(1, maxLines));
}

/** Legend, then the sources (wrapped), then the credit; returns the block and its height. */
export function drawFooter(doc: Document, parts: FooterParts, width: number, measure: Measure): { node: SVGGElement; height: number } {
  const s = parts.scale ?? 1;
  const g = svgEl(doc, 'g', { class: 'export-footer' });
  let y = 0;
  if (parts.legend.length) {
    const legend = drawLegend(doc, parts.legend, width, measure, Math.round(12 * s));
    legend.node.setAttribute('transform', `translate(0 ${y})`);
    g.appendChild(legend.node);
    y += legend.height + 10 * s;
  }
  if (parts.note) {
    const size = Math.round(11 * s);
    y = textBlock(doc, g, wrapText(parts.note, width, size, measure, 400, 3), y, size, { fill: INK_MUTED, class: 'export-note' });
    y += 4 * s;
  }
  if (parts.sources) {
    const sourceSize = Math.round(11 * s);
    y = textBlock(doc, g, sourceLines(parts.sources, width, sourceSize, measure, parts.maxSourceLines ?? 6), y, sourceSize, { fill: INK_MUTED, class: 'export-sources' });
    y += 4 * s;
  }
  if (parts.origin) {
    const size = Math.round(11.5 * s * 10) / 10;
    y = textBlock(doc, g, wrapWhole(parts.origin, width, size, measure, 650), y, size, { 'font-weight': 650, fill: INK, class: 'export-origin' });
    y += 3 * s;
  }
  if (parts.credit) {
    const creditSize = Math.round(10.5 * s * 10) / 10;
    y = textBlock(doc, g, wrapText(parts.credit, width, creditSize, measure, 400, 2), y, creditSize, { fill: '#6b7280', class: 'export-credit' });
  }
  return { node: g, height: Math.ceil(y) };
}

/** A standalone <svg> holding one block (used inline in the PNG sheet). */
export function blockSvg(doc: Document, block: { node: SVGGElement; height: number }, width: number): SVGSVGElement {
  const svg = svgEl(doc, 'svg', { width, height: Math.max(1, block.height), viewBox: `0 0 ${width} ${Math.max(1, block.height)}`, 'font-family': FONT_STACK });
  svg.style.display = 'block';
  svg.style.overflow = 'visible';
  svg.appendChild(block.node);
  return svg;
}

export interface SvgDocumentParts extends HeaderParts, FooterParts {
  chart: SvgChart | null;
  /** The data's origin with its full address, as <metadata>; null for the built-in dataset. */
  originDetails?: string | null;
  /** Content width (the chart's, at least). */
  width: number;
  /** An @font-face block embedding the font, or empty. */
  fontCss?: string;
  padding?: number;
  background?: string;
}

/** The exported SVG document: header, chart, footer, stacked with padding, on a white sheet. */
export function composeSvgDocument(doc: Document, parts: SvgDocumentParts, measure: Measure): { svg: SVGSVGElement; width: number; height: number } {
  const pad = parts.padding ?? 20;
  const contentWidth = Math.max(parts.width, parts.chart?.width ?? 0);
  const width = Math.ceil(contentWidth + 2 * pad);
  const header = drawHeader(doc, parts, contentWidth, measure);
  const footer = drawFooter(doc, parts, contentWidth, measure);
  const chartTop = pad + header.height + 12;
  const chartHeight = parts.chart?.height ?? 0;
  const footerTop = chartTop + chartHeight + (parts.chart ? 12 : 0);
  const height = Math.ceil(footerTop + footer.height + pad);

  const svg = svgEl(doc, 'svg', { version: '1.1', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': FONT_STACK });
  svg.appendChild(svgEl(doc, 'title', {}, parts.title));
  // Where the data came from, with the full address: the visible line names the host.
  if (parts.originDetails) svg.appendChild(svgEl(doc, 'metadata', { class: 'export-data-origin' }, parts.originDetails));
  // The full list of sources, which the visible line may shorten ("and N more").
  if (parts.sources?.length) svg.appendChild(svgEl(doc, 'desc', { class: 'export-all-sources' }, `Sources: ${parts.sources.join('; ')}`));
  if (parts.fontCss) {
    const defs = svgEl(doc, 'defs');
    defs.appendChild(svgEl(doc, 'style', { type: 'text/css' }, parts.fontCss));
    svg.appendChild(defs);
  }
  svg.appendChild(svgEl(doc, 'rect', { x: 0, y: 0, width, height, fill: parts.background ?? '#ffffff' }));
  header.node.setAttribute('transform', `translate(${pad} ${pad})`);
  svg.appendChild(header.node);
  if (parts.chart) {
    const g = svgEl(doc, 'g', { class: 'export-chart', transform: `translate(${pad} ${chartTop})` });
    g.appendChild(parts.chart.node);
    svg.appendChild(g);
  }
  footer.node.setAttribute('transform', `translate(${pad} ${footerTop})`);
  svg.appendChild(footer.node);
  return { svg, width, height };
}

/** The SVG file's text: an XML declaration and the serialised document. */
export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}

/** A fresh SVG document to build into (keeps exported nodes out of the live page). */
export function newSvgDocument(): Document {
  return document.implementation.createDocument(SVG_NS, 'svg', null);
}
