/**
 * Whole-dashboard exports (loaded on demand): one PNG of all four panels with a title and the
 * filters, and a 16:9 slide (exactly 1920 × 1080) of the current view with big type.
 * `renderViewToPng` is the building block for the seminar's "Export slides".
 */
import type { PanelId } from '../crossfilter/filters';
import type { Dataset } from '../data/schema';
import { DASHBOARD_TITLE } from '../components/AppHeader';
import { PANEL_IDS, panelMeta } from '../panels/registry';
import { useDashboardStore } from '../store/store';
import { downloadBlob } from './download';
import { exportFileName } from './fileName';
import { filterLine, fileYearsFor } from './filterLine';
import { fontEmbedCss, fontsReady } from './fonts';
import { exportProvenance } from './provenance';
import { buildSheet, chartClone, createOffscreenHost, rasterize } from './sheet';
import { blockSvg, canvasMeasure, drawFooter, drawHeader, FONT_STACK, INK } from './svgCompose';
import type { PanelExportInfo } from './types';

/** The live panels, in display order (the dashboard grid first). */
export function livePanels(ids: readonly PanelId[] = PANEL_IDS): { id: PanelId; el: HTMLElement }[] {
  const scope = document.querySelector('.panel-grid') ?? document;
  const found: { id: PanelId; el: HTMLElement }[] = [];
  for (const el of scope.querySelectorAll<HTMLElement>('section.panel[data-panel]')) {
    const id = el.dataset.panel as PanelId;
    if (ids.includes(id) && !el.closest('.export-host') && !found.some((f) => f.id === id)) found.push({ id, el });
  }
  return found;
}

async function panelInfos(dataset: Dataset, panels: readonly { id: PanelId }[]): Promise<Map<PanelId, { info: PanelExportInfo; exclude: readonly string[] }>> {
  const { filters } = useDashboardStore.getState();
  const out = new Map<PanelId, { info: PanelExportInfo; exclude: readonly string[] }>();
  for (const { id } of panels) {
    const adapter = await panelMeta(id).exportAdapter();
    out.set(id, { info: adapter.info(dataset, filters), exclude: adapter.excludeFromImage ?? [] });
  }
  return out;
}

function requireDataset(): Dataset {
  const { dataset } = useDashboardStore.getState();
  if (!dataset) throw new Error('No dataset is loaded.');
  return dataset;
}

/** The current filters in words, dashboard-wide. */
export function dashboardFilterLine(): string {
  const { dataset, filters } = useDashboardStore.getState();
  return dataset ? `Filters: ${filterLine(filters, dataset.coverage)}` : '';
}

function dashboardFileName(ext: string, suffix?: string): string {
  const { dataset, filters } = useDashboardStore.getState();
  const coverage = dataset?.coverage ?? { from: 2001, to: 2024 };
  return exportFileName({ title: 'Pakistan-US relations dashboard', years: fileYearsFor(filters, coverage), filters, ext, ...(suffix ? { suffix } : {}) });
}

/** One PNG of every panel (2× by default), with the dashboard's title, the filters and a credit. */
export async function renderDashboardPng(pixelRatio = 2): Promise<{ blob: Blob; width: number; height: number; fileName: string }> {
  const dataset = requireDataset();
  await fontsReady();
  const measure = canvasMeasure();
  const panels = livePanels();
  const infos = await panelInfos(dataset, panels);
  const grid = document.querySelector<HTMLElement>('.panel-grid');
  const gridWidth = Math.round(grid?.getBoundingClientRect().width ?? 1280);
  const pad = 24;
  const width = gridWidth + 2 * pad;

  const sheet = document.createElement('div');
  Object.assign(sheet.style, { boxSizing: 'border-box', width: `${width}px`, padding: `${pad}px`, background: '#f4f5f7', color: INK, fontFamily: FONT_STACK, display: 'flow-root' });
  const inner = width - 2 * pad;
  const head = blockSvg(document, drawHeader(document, { title: DASHBOARD_TITLE, filterLine: dashboardFilterLine(), scale: 1.35 }, inner, measure), inner);
  head.style.marginBottom = '16px';
  const cells = document.createElement('div');
  Object.assign(cells.style, { display: 'grid', gridTemplateColumns: `repeat(${panels.length > 1 ? 2 : 1}, minmax(0, 1fr))`, gap: '12px', alignItems: 'start' });
  for (const { id, el } of panels) {
    const entry = infos.get(id)!;
    const panelWidth = Math.round(el.getBoundingClientRect().width);
    const chart = chartClone({ panelEl: el, panelId: id, exclude: entry.exclude });
    const cell = buildSheet({
      header: { title: panelMeta(id).title, filterLine: '', ...(entry.info.subtitle ? { subtitle: entry.info.subtitle } : {}) },
      footer: { legend: entry.info.legend, sources: entry.info.sources, credit: '', maxSourceLines: 3 },
      chart: chart.node,
      width: panelWidth,
      padX: Math.max(8, (panelWidth - chart.width) / 2),
      measure,
    });
    cell.style.borderRadius = '8px';
    cell.style.border = '1px solid #d5d9e0';
    cells.appendChild(cell);
  }
  const { credit, origin } = exportProvenance(dataset, useDashboardStore.getState().datasetOrigin);
  const foot = blockSvg(document, drawFooter(document, { legend: [], sources: null, credit, origin, scale: 1.2 }, inner, measure), inner);
  foot.style.marginTop = '14px';
  sheet.append(head, cells, foot);

  const host = createOffscreenHost();
  try {
    host.appendChild(sheet);
    const fontCss = await fontEmbedCss(sheet.textContent ?? '');
    const png = await rasterize(sheet, { pixelRatio, fontCss });
    return { ...png, fileName: dashboardFileName('png') };
  } finally {
    host.remove();
  }
}

export interface ViewToPngOptions {
  /** Slide size in CSS px = PNG pixels (default 1920 × 1080). */
  width?: number;
  height?: number;
  title: string;
  /** A sentence under the title (the speaker's caption); the filter line follows it. */
  caption?: string;
  /** Source titles for the slide's sources line; default: the sources of the panels shown. */
  sources?: readonly string[];
  /** Which panels (default: the four, as a 2 × 2 grid; one id: that panel alone, large). */
  panels?: readonly PanelId[];
  /** Only the panels, without title, filters, sources and credit (which a PowerPoint slide holds as text). */
  panelsOnly?: boolean;
}

/**
 * Renders the CURRENT dashboard view as one slide PNG of exactly width × height pixels, with big
 * type: title, caption, filters, the panels (each scaled to fit its cell, with its legend), the
 * sources and a credit. The basis of "Slide (16:9)" and of the seminar's "Export slides".
 */
export async function renderViewToPng(options: ViewToPngOptions): Promise<Blob> {
  const dataset = requireDataset();
  const width = Math.round(options.width ?? 1920);
  const height = Math.round(options.height ?? 1080);
  const s = height / 1080;
  await fontsReady();
  const measure = canvasMeasure();
  const panels = livePanels(options.panels ?? PANEL_IDS);
  const infos = await panelInfos(dataset, panels);
  const pad = Math.round(48 * s);
  const inner = width - 2 * pad;

  const sheet = document.createElement('div');
  Object.assign(sheet.style, {
    boxSizing: 'border-box',
    width: `${width}px`,
    height: `${height}px`,
    padding: `${Math.round(36 * s)}px ${pad}px ${Math.round(28 * s)}px`,
    background: '#ffffff',
    color: INK,
    fontFamily: FONT_STACK,
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
  });
  const empty = { node: document.createElementNS('http://www.w3.org/2000/svg', 'g'), height: 0 };
  const header = options.panelsOnly ? empty : drawHeader(document, { title: options.title, ...(options.caption ? { subtitle: options.caption } : {}), filterLine: dashboardFilterLine(), scale: 2.2 * s }, inner, measure);
  const head = blockSvg(document, header, inner);
  head.style.flex = 'none';
  const sources = options.sources ?? [...new Set(panels.flatMap((p) => infos.get(p.id)?.info.sources ?? []))];
  const { credit, origin } = exportProvenance(dataset, useDashboardStore.getState().datasetOrigin);
  const footer = options.panelsOnly ? empty : drawFooter(document, { legend: [], sources, credit, origin, scale: 1.55 * s, maxSourceLines: 2 }, inner, measure);
  const foot = blockSvg(document, footer, inner);
  foot.style.flex = 'none';

  const gap = Math.round(24 * s);
  const cols = panels.length > 1 ? 2 : 1;
  const rows = Math.max(1, Math.ceil(panels.length / cols));
  const gridHeight = height - Math.round(36 * s) - Math.round(28 * s) - header.height - footer.height - 2 * gap;
  const cellWidth = (inner - (cols - 1) * gap) / cols;
  const cellHeight = (gridHeight - (rows - 1) * gap) / rows;
  const grid = document.createElement('div');
  Object.assign(grid.style, {
    flex: 'none',
    display: 'grid',
    gridTemplateColumns: `repeat(${cols}, ${cellWidth}px)`,
    gridTemplateRows: `repeat(${rows}, ${cellHeight}px)`,
    gap: `${gap}px`,
    margin: `${gap}px 0`,
  });
  sheet.append(head, grid, foot);

  const host = createOffscreenHost();
  try {
    host.appendChild(sheet);
    const scaled: { content: HTMLElement; cell: HTMLElement; titleHeight: number }[] = [];
    for (const { id, el } of panels) {
      const entry = infos.get(id)!;
      const cell = document.createElement('div');
      Object.assign(cell.style, { position: 'relative', overflow: 'hidden', minWidth: '0' });
      const titleBlock = drawHeader(document, { title: panelMeta(id).title, filterLine: '', scale: 1.45 * s }, cellWidth, measure);
      const title = blockSvg(document, titleBlock, cellWidth);
      const chart = chartClone({ panelEl: el, panelId: id, exclude: entry.exclude });
      const content = document.createElement('div');
      Object.assign(content.style, { width: `${chart.width}px`, transformOrigin: '0 0', position: 'absolute', left: '0', top: `${titleBlock.height + 8 * s}px` });
      const legend = blockSvg(document, drawFooter(document, { legend: entry.info.legend, sources: null, credit: '' }, chart.width, measure), chart.width);
      legend.style.marginTop = '8px';
      content.append(chart.node, legend);
      cell.append(title, content);
      grid.appendChild(cell);
      scaled.push({ content, cell, titleHeight: titleBlock.height + 8 * s });
    }
    // Scale each panel to fit its cell (measured now that it is laid out).
    for (const { content, titleHeight } of scaled) {
      const rect = content.getBoundingClientRect();
      const k = Math.min(cellWidth / rect.width, (cellHeight - titleHeight) / rect.height, 2);
      content.style.transform = `scale(${k})`;
      content.style.left = `${Math.max(0, (cellWidth - rect.width * k) / 2)}px`;
    }
    const fontCss = await fontEmbedCss(sheet.textContent ?? '');
    const png = await rasterize(sheet, { pixelRatio: 1, fontCss, width, height });
    return png.blob;
  } finally {
    host.remove();
  }
}

export type DashboardAction = 'dashboard' | 'slide';

/** Runs a dashboard export item; resolves with the message shown (never throws). */
export async function runDashboardExport(action: DashboardAction): Promise<{ ok: boolean; message: string }> {
  try {
    if (action === 'dashboard') {
      const png = await renderDashboardPng(2);
      downloadBlob(png.blob, png.fileName);
      return { ok: true, message: `Downloaded ${png.fileName} (${png.width} × ${png.height} px).` };
    }
    const blob = await renderViewToPng({ width: 1920, height: 1080, title: DASHBOARD_TITLE });
    const fileName = dashboardFileName('png', 'slide-16x9');
    downloadBlob(blob, fileName);
    return { ok: true, message: `Downloaded ${fileName} (1920 × 1080 px).` };
  } catch (error) {
    return { ok: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

