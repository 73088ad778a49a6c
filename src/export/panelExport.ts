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
import { buildCsvMetadata, metadataFileName, type TidyField, type TidyTable } from './csv';
import { buildCsvOffThread } from './csvOffThread';
import { copyPngToClipboard, downloadBlob } from './download';
import { exportFileName } from './fileName';
import { fontEmbedCss, fontsReady } from './fonts';
import { cloneRechartsSurfaces } from './inlineSvg';
import { buildSheet, chartClone, createOffscreenHost, rasterize } from './sheet';
import { canvasMeasure, composeSvgDocument, newSvgDocument, serializeSvg } from './svgCompose';
import type { PanelCsv, PanelExportAdapter, PanelExportInfo } from './types';

export type PanelExportAction = 'png' | 'png4' | 'svg' | 'copy' | 'csv' | 'csv-zip';

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
  /** Where the dataset came from, in words (built-in, a user's file…): written into the metadata. */
  origin: string;
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
  const provenance = exportProvenance(dataset, datasetOrigin);
  return {
    dataset,
    provenance,
    origin: provenance.details ?? datasetOrigin.label,
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

/** "FY2011" → [2011, 2011]; "FY2002–FY2007 (6-year total)" → [2002, 2007]; anything else → null. */
function fiscalYearSpan(value: unknown): [number, number] | null {
  const m = typeof value === 'string' ? /^FY(\d{4})(?:\s*[–-]\s*FY(\d{4}))?/.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : null;
}

/**
 * A panel without its own tidy CSV: the on-screen table, typed by its columns (numeric columns are
 * numbers), with a "FY2011" / "FY2002–FY2007" column written as integer start and end years.
 */
export function tableModelCsv(table: TableModel, dataset: Dataset, sourceTitles: readonly string[]): PanelCsv {
  const name = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
  const fields: TidyField[] = [];
  for (const c of table.columns) {
    if (c.key === 'fiscalYear') {
      fields.push({ name: 'fiscal_year_start', title: `${c.header} (first)`, type: 'integer' }, { name: 'fiscal_year_end', title: `${c.header} (last)`, type: 'integer' });
    } else fields.push({ name: name(c.key), title: c.header, type: c.numeric ? 'number' : 'string' });
  }
  const rows: TidyTable['rows'] = table.rows.map((r) => {
    const out: TidyTable['rows'][number] = {};
    for (const c of table.columns) {
      const v = r[c.key] ?? null;
      if (c.key === 'fiscalYear') {
        const span = fiscalYearSpan(v);
        out.fiscal_year_start = span?.[0] ?? null;
        out.fiscal_year_end = span?.[1] ?? null;
      } else out[name(c.key)] = c.numeric && typeof v !== 'number' ? null : v;
    }
    return out;
  });
  const sourceIds = dataset.sources.filter((s) => sourceTitles.some((t) => t.includes(s.title))).map((s) => s.id);
  if (!fields.some((f) => /^sources?$/.test(f.name))) {
    fields.push({ name: 'source_titles', title: 'Sources', type: 'string', description: 'The sources behind the panel; the metadata file lists them in full.' });
    for (const r of rows) r.source_titles = sourceTitles.join('; ');
  }
  return { table: { fields, rows }, measure: table.measure, sourceIds };
}

export interface PanelCsvFiles {
  text: string;
  fileName: string;
  /** The CSVW companion (<name>.csv-metadata.json): measure, units, filters, version, origin, full sources. */
  metadata: string;
  metadataFileName: string;
}

export async function renderPanelCsv(req: PanelExportRequest): Promise<PanelCsvFiles> {
  const ctx = await context(req.panel);
  const { filters } = useDashboardStore.getState();
  let csv: PanelCsv;
  if (ctx.adapter.csv) csv = ctx.adapter.csv(ctx.dataset, filters);
  else if (req.table) csv = tableModelCsv(req.table, ctx.dataset, req.sources);
  else throw new Error('This panel has no table to download.');
  const fileName = ctx.fileName('csv', csv.fileLabel);
  const ids = new Set(csv.sourceIds);
  const metadata = buildCsvMetadata(csv.table, {
    fileName,
    title: `${ctx.title}${csv.fileLabel ? ` (${csv.fileLabel.replace(/-/g, ' ')})` : ''}`,
    measure: csv.measure,
    filters: ctx.info.filterLine,
    dataVersion: ctx.dataset.version,
    origin: ctx.origin,
    sources: ctx.dataset.sources.filter((s) => ids.has(s.id)),
    generator: DASHBOARD_TITLE,
    created: new Date().toISOString(),
  });
  // Written in a worker: 100,000 map rows would hold the page for half a second.
  return { text: await buildCsvOffThread(csv.table), fileName, metadata: JSON.stringify(metadata, null, 2) + '\n', metadataFileName: metadataFileName(fileName) };
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
        // The CSV alone, as the item says: UTF-8 without a byte-order mark, header on line 1.
        const csv = await renderPanelCsv(req);
        downloadBlob(new Blob([csv.text], { type: 'text/csv;charset=utf-8' }), csv.fileName);
        return { ok: true, message: `Downloaded ${csv.fileName}. Units, filters and sources: “Download CSV + metadata (ZIP)”.` };
      }
      case 'csv-zip': {
        const csv = await renderPanelCsv(req);
        const { strToU8, zipSync } = await import('fflate');
        const zip = zipSync({ [csv.fileName]: strToU8(csv.text), [csv.metadataFileName]: strToU8(csv.metadata) });
        const zipName = csv.fileName.replace(/\.csv$/, '.zip');
        downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), zipName);
        return { ok: true, message: `Downloaded ${zipName}: ${csv.fileName} and ${csv.metadataFileName}.` };
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
