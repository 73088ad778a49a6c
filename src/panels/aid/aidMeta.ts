import { importWithReload } from '../../app/lazyWithReload';
import type { PanelMeta } from '../panelMeta';

export const aidMeta: PanelMeta = {
  id: 'aid',
  title: 'US aid to Pakistan',
  brushesYears: true,
  resetFilters: () => ({ aidCategories: [] }),
  exportAdapter: () => importWithReload(() => import('./aidExport')).then((m) => m.aidExport),
};
