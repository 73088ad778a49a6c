/**
 * The panels in display order. Adding a panel means one folder under panels/ (its
 * `<panel>Meta.ts` and its `<Name>Panel.tsx` view) and one line here; every other list of
 * panels — URL `by=` values, slide layouts, exports, the grid — is derived from this one.
 *
 * Plain data only (no views), so that Node code (the browser tests, via the URL codec and the
 * deck) can import it. The views are matched to these entries in panelViews.ts.
 * Panels never import one another: they meet only in the store.
 */
import type { PanelId } from '../crossfilter/filters';
import type { PanelMeta } from './panelMeta';
import { aidMeta } from './aid/aidMeta';
import { droneMeta } from './drones/droneMeta';
import { mapMeta } from './map/mapMeta';
import { timelineMeta } from './timeline/timelineMeta';
import { lensMeta } from './lens/lensMeta';

export const PANELS: readonly PanelMeta[] = [aidMeta, droneMeta, mapMeta, timelineMeta, lensMeta];

export const PANEL_IDS: readonly PanelId[] = PANELS.map((p) => p.id);

/** The panels whose brush can set the year range, i.e. the valid `by=` values besides the filter bar. */
export const YEAR_BRUSH_PANEL_IDS: readonly PanelId[] = PANELS.filter((p) => p.brushesYears).map((p) => p.id);

export function panelMeta(id: PanelId): PanelMeta {
  const panel = PANELS.find((p) => p.id === id);
  if (!panel) throw new Error(`No panel "${id}" in the registry`);
  return panel;
}
