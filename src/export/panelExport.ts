/**
 * Per-panel exports (loaded on demand by the Export menu): PNG (2× or 4×), SVG, copy image and
 * CSV. Reads the live panel and the store; never changes either.
 */
import type { PanelId } from '../crossfilter/filters';
import type { TableModel } from '../crossfilter/tableModel';
import type { Dataset } from '../data/schema';
import { exportProvenance, type ExportProvenance } from './provenance';
import { DASHBOARD_TITLE } from '../components/AppHeader';
import { panelMeta } from '../panels/registry';
import { useDashboardStore } from '../store/store';
import { buildCsv } from './csv';
import { copyPngToClipboard, downloadBlob } from './download';
import { exportFileName } from './fileName';
import { fontEmbedCss, fontsReady } from './fonts';
import { cloneRechartsSurfaces } from './inlineSvg';
import { buildSheet, chartClone, createOffscreenHost, rasterize } from './sheet';
import { canvasMeasure, composeSvgDocument, newSvgDocument, serializeSvg } from './svgCompose';
import type { PanelExportAdapter, PanelExportInfo } from './types';

export type PanelExportAction = 'png' | 'png4' | 'svg' | 'copy' | 'csv';

export interface PanelExportRequest {
  panel: PanelId;
  /** The live `.panel` element. */
  panelEl: HTMLElement;
  table?: TableModel;
  sources: readonly string[];
}

export type ExportOutcome = { ok: true; message: string } | { ok: false; message: string; offerDownload?: boolean };

interface Context {
  dataset: Dataset;
  /** The credit and, for data that is not the built-in dataset, where it came from. */
  provenance: ExportProvenance;
  adapter: PanelExportAdapter;
  info: PanelExportInfo;
  title: string;
  fileName: (ext: string, suffix?: string) => string;
}

async function context(panel: PanelId): Promise<Context> {
  const { dataset, filters, datasetOrigin } = useDashboardStore.getState();
  if (!dataset) throw new Error('No dataset is loaded.');
  const { exportAdapter, title } = panelMeta(panel);
  const adapter = await exportAdapter();
  const info = adapter.info(dataset, filters);
  return {
    dataset,
    provenance: exportProvenance(dataset, datasetOrigin),
    adapter,
    info,
    title,
    fileName: (ext, suffix) => exportFileName({ title, years: info.fileYears, filters, ext, ...(suffix ? { suffix } : {}) }),
  };
}

/** The panel as a PNG at `pixelRatio` device pixels per CSS px. */
export async function renderPanelPng(req: PanelExportRequest, pixelRatio = 2): Promise<{ blob: Blob; width: number; height: number; fileName: string }> {
  const ctx = await context(req.panel);
  await fontsReady();
  const measure = canvasMeasure();
  const panelWidth = Math.round(req.panelEl.getBoundingClientRect().width);
  const chart = chartClone({ panelEl: req.panelEl, panelId: req.panel, exclude: ctx.adapter.excludeFromImage ?? [] });
  const padX = Math.max(8, (panelWidth - chart.width) / 2);
  const footer = { legend: ctx.info.legend, sources: req.sources, credit: ctx.provenance.credit, origin: ctx.provenance.origin, maxSourceLines: 6 };
  const header = { title: ctx.title, filterLine: `Filters: ${ctx.info.filterLine}`, ...(ctx.info.subtitle ? { subtitle: ctx.info.subtitle } : {}) };
  const sheet = buildSheet({ header, footer, chart: chart.node, width: panelWidth, padX, measure });
  const host = createOffscreenHost();
  try {
    host.appendChild(sheet);
    const fontCss = await fontEmbedCss(`${sheet.textContent ?? ''}`);
    const png = await rasterize(sheet, { pixelRatio, fontCss });
    return { ...png, fileName: ctx.fileName('png', pixelRatio === 2 ? undefined : `@${pixelRatio}x`) };
  } finally {
    host.remove();
  }
}

/** The panel as an SVG document (text as text, legend as rect + text). */
export async function renderPanelSvg(req: PanelExportRequest): Promise<{ text: string; fileName: string }> {
  const ctx = await context(req.panel);
  const { filters } = useDashboardStore.getState();
  await fontsReady();
  const measure = canvasMeasure();
  const doc = newSvgDocument();
  const body = req.panelEl.querySelector<HTMLElement>('.panel__body');
  const width = Math.round(body?.getBoundingClientRect().width ?? req.panelEl.getBoundingClientRect().width) || 640;
  const chart = ctx.adapter.drawSvg ? ctx.adapter.drawSvg({ doc, panelEl: req.panelEl, dataset: ctx.dataset, filters, width }) : cloneRechartsSurfaces(req.panelEl, doc);
  const text = [ctx.title, ctx.info.subtitle ?? '', ...ctx.info.legend.map((l) => l.label), ...req.sources, ctx.provenance.origin ?? ''].join(' ');
  const fontCss = await fontEmbedCss(text);
  const { svg } = composeSvgDocument(
    doc,
    {
      title: ctx.title,
      ...(ctx.info.subtitle ? { subtitle: ctx.info.subtitle } : {}),
      filterLine: `Filters: ${ctx.info.filterLine}`,
      chart,
      width,
      legend: ctx.info.legend,
      sources: req.sources,
      credit: ctx.provenance.credit,
      origin: ctx.provenance.origin,
      originDetails: ctx.provenance.details,
      note: ctx.adapter.svgNote?.(ctx.dataset, filters) ?? (chart ? null : 'The chart could not be drawn as vectors; use Download PNG.'),
      // Short enough never to outgrow the chart; the <desc> and the CSV hold the full list.
      maxSourceLines: 3,
      fontCss,
    },
    measure,
  );
  return { text: serializeSvg(svg), fileName: ctx.fileName('svg') };
}

export async function renderPanelCsv(req: PanelExportRequest): Promise<{ text: string; fileName: string }> {
  const ctx = await context(req.panel);
  if (!req.table) throw new Error('This panel has no table to download.');
  const text = buildCsv(req.table, {
    title: req.table.caption || ctx.title,
    filters: ctx.info.filterLine,
    dataVersion: ctx.dataset.version,
    origin: ctx.provenance.details,
    sources: req.sources,
    generator: DASHBOARD_TITLE,
  });
  return { text, fileName: ctx.fileName('csv') };
}

/** Runs one menu item; resolves with the message the menu shows (never throws). */
export async function runPanelExport(action: PanelExportAction, req: PanelExportRequest): Promise<ExportOutcome> {
  try {
    switch (action) {
      case 'png':
      case 'png4': {
        const png = await renderPanelPng(req, action === 'png4' ? 4 : 2);
        downloadBlob(png.blob, png.fileName);
        return { ok: true, message: `Downloaded ${png.fileName} (${png.width} × ${png.height} px).` };
      }
      case 'svg': {
        const svg = await renderPanelSvg(req);
        downloadBlob(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }), svg.fileName);
        return { ok: true, message: `Downloaded ${svg.fileName}.` };
      }
      case 'csv': {
        const csv = await renderPanelCsv(req);
        // A byte-order mark, so spreadsheet programs read the en dashes and accents as UTF-8.
        downloadBlob(new Blob(['\uFEFF', csv.text], { type: 'text/csv;charset=utf-8' }), csv.fileName);
        return { ok: true, message: `Downloaded ${csv.fileName}.` };
      }
      case 'copy': {
        const png = renderPanelPng(req, 2).then((r) => r.blob);
        png.catch(() => undefined);
        const result = await copyPngToClipboard(png);
        if (result.ok) return { ok: true, message: 'Image copied to the clipboard.' };
        return { ok: false, message: `${result.reason} You can download the PNG instead.`, offerDownload: true };
      }
    }
  } catch (error) {
    return { ok: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
