import { importWithReload } from '../../app/lazyWithReload';
import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import type { PanelMeta } from '../panelMeta';

export const mapMeta: PanelMeta = {
  id: 'map',
  title: 'Border incidents map',
  // The map has no year brush; its reset restores the layers and drops a map selection (an event
  // selected on the timeline is the timeline's).
  brushesYears: false,
  resetFilters: (f) => ({ mapLayers: DEFAULT_FILTERS.mapLayers, selection: f.selection?.kind === 'event' ? f.selection : null }),
  exportAdapter: () => importWithReload(() => import('./mapExport')).then((m) => m.mapExport),
};
