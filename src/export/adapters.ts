/** Each panel's export adapter, loaded with the export code (never in the initial bundle). */
import type { PanelExportAdapters } from './types';

export const PANEL_EXPORT_ADAPTERS: PanelExportAdapters = {
  aid: () => import('../panels/aid/aidExport').then((m) => m.aidExport),
  drones: () => import('../panels/drones/droneExport').then((m) => m.droneExport),
  map: () => import('../panels/map/mapExport').then((m) => m.mapExport),
  timeline: () => import('../panels/timeline/timelineExport').then((m) => m.timelineExport),
};
