import { importWithReload } from '../../app/lazyWithReload';
import type { PanelMeta } from '../panelMeta';

export const timelineMeta: PanelMeta = {
  id: 'timeline',
  title: 'Cooperation and friction timeline',
  brushesYears: true,
  resetFilters: () => ({ tones: [], themes: [] }),
  exportAdapter: () => importWithReload(() => import('./timelineExport')).then((m) => m.timelineExport),
};
