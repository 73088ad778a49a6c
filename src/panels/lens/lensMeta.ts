import { importWithReload } from '../../app/lazyWithReload';
import type { PanelMeta } from '../panelMeta';

export const lensMeta: PanelMeta = {
  id: 'lens',
  title: 'Carrot and stick',
  brushesYears: true,
  slideVariants: [{ id: 'claims', label: 'Claims vs data' }],
  exportAdapter: () => importWithReload(() => import('./lensExport')).then((m) => m.lensExport),
};
