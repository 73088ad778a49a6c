import type { PanelMeta } from '../panelMeta';

export const lensMeta: PanelMeta = {
  id: 'lens',
  title: 'Carrot and stick',
  brushesYears: true,
  slideVariants: [{ id: 'claims', label: 'Claims vs data' }],
  exportAdapter: () => import('./lensExport').then((m) => m.lensExport),
};
