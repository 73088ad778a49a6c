import { importWithReload } from '../../app/lazyWithReload';
import type { PanelMeta } from '../panelMeta';

export const lensMeta: PanelMeta = {
  id: 'lens',
  title: 'Carrot and stick',
  brushesYears: true,
  exportAdapter: () => importWithReload(() => import('./lensExport')).then((m) => m.lensExport),
};
