import type { PanelMeta } from '../panelMeta';

export const droneMeta: PanelMeta = {
  id: 'drones',
  title: 'Drone strikes',
  brushesYears: true,
  exportAdapter: () => import('./droneExport').then((m) => m.droneExport),
};
