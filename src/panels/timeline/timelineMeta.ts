import type { PanelMeta } from '../panelMeta';

export const timelineMeta: PanelMeta = {
  id: 'timeline',
  title: 'Cooperation and friction timeline',
  brushesYears: true,
  resetFilters: () => ({ tones: [], themes: [] }),
  exportAdapter: () => import('./timelineExport').then((m) => m.timelineExport),
};
