import { importWithReload } from '../../app/lazyWithReload';
import type { PanelMeta } from '../panelMeta';

export const droneMeta: PanelMeta = {
  id: 'drones',
  title: 'Drone strikes',
  brushesYears: true,
  exportAdapter: () => importWithReload(() => import('./droneExport')).then((m) => m.droneExport),
};
