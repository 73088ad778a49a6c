/**
 * What a panel tells the rest of the app about itself. Each panel folder exports one of these
 * (`<panel>Meta.ts`): plain data with no React, so the URL codec, the deck and the browser tests
 * (which run in Node) can read the registry without loading any view.
 */
import type { Filters, PanelId } from '../crossfilter/filters';
import type { PanelExportAdapterLoader } from '../export/types';

export interface PanelMeta {
  /** Stable id: in the URL (`by=`), in slide layouts, on `data-panel`. */
  id: PanelId;
  /** The region's accessible name (part of the UI contract in PRODUCT.md). */
  title: string;
  /** True when the panel's brush or year click can set the year range (it may then appear as `by=`). */
  brushesYears: boolean;
  /**
   * What the panel's own "Reset" clears, besides a year range the panel brushed (which every
   * panel's reset clears). Absent: only that range.
   */
  resetFilters?: (filters: Filters) => Partial<Filters>;
  /**
   * Other views the panel's `<Name>Slide.tsx` can draw (the lens's "Claims vs data"): each is a slide
   * layout `<id>:<variant id>` in present mode and the deck, passed to the slide as `variant`.
   */
  slideVariants?: readonly { id: string; label: string }[];
  /** The export adapter, loaded with the export code (never in the initial bundle). */
  exportAdapter: PanelExportAdapterLoader;
}
