/**
 * Types shared by the export code and the panels' export adapters. Type-only: importing this
 * file costs nothing in the initial bundle.
 */
import type { Dataset } from '../data/schema';
import type { Filters } from '../crossfilter/filters';
import type { TidyTable } from './csv';

/** One legend entry, drawn as SVG (a swatch and a label) in the PNG and the SVG exports. */
export interface LegendItem {
  label: string;
  color: string;
  /** Swatch shape; square by default. */
  shape?: 'square' | 'circle' | 'diamond' | 'rounded' | 'line';
  /** Hollow with a dashed outline (approximate locations, requests/estimates). */
  hollow?: boolean;
  dashed?: boolean;
  /** Outline colour (default: a darker edge of `color`). */
  stroke?: string;
  fillOpacity?: number;
  /** Drawn faded (a series dimmed by a highlight filter). */
  dimmed?: boolean;
}

/** What the export needs to know about a panel beyond what PanelFrame already has. */
export interface PanelExportInfo {
  legend: LegendItem[];
  /** The active filters in words for this panel (e.g. fiscal years for aid). */
  filterLine: string;
  /** The years part of the file name, e.g. "FY2008-FY2011" or "2001-2024". */
  fileYears: string;
  /** A line under the title (the measure and units). */
  subtitle?: string;
  /** The titles of the sources behind what the panel shows (as its sources line lists them). */
  sources: string[];
}

export interface SvgChart {
  /** An SVG element (usually <g> or <svg>) in the target document, drawn from (0,0). */
  node: SVGElement;
  width: number;
  height: number;
}

export interface SvgChartContext {
  doc: Document;
  /** The live panel element (read only: never mutated). */
  panelEl: HTMLElement;
  dataset: Dataset;
  filters: Filters;
  /** Width available for the chart, in CSS px. */
  width: number;
}

/** A panel's tidy CSV: typed columns of what the panel shows, and what the file holds. */
export interface PanelCsv {
  table: TidyTable;
  /** The measure and units in words, for the metadata file. */
  measure: string;
  /** The sources behind the rows (ids of the dataset's sources table). */
  sourceIds: string[];
  /** Added to the file name where one panel writes different files (aid: "by-category", "by-programme"). */
  fileLabel?: string;
}

/** A panel's export adapter: pure reads of the store state and the live DOM. */
export interface PanelExportAdapter {
  info(dataset: Dataset, filters: Filters): PanelExportInfo;
  /** A vector drawing of the chart; when absent, the Recharts surfaces in the panel are cloned. */
  drawSvg?(ctx: SvgChartContext): SvgChart | null;
  /** CSS selectors of live elements left out of the PNG (the panel's own HTML legend, cards…). */
  excludeFromImage?: string[];
  /** The tidy CSV of what the panel shows; without it the CSV is the on-screen table, typed by its columns. */
  csv?(dataset: Dataset, filters: Filters): PanelCsv;
  /** Notes written into the SVG (what the vector file holds). */
  svgNote?(dataset: Dataset, filters: Filters): string | null;
}

export type PanelExportAdapterLoader = () => Promise<PanelExportAdapter>;
