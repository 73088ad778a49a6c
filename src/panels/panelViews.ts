/**
 * Each registered panel's view, in registry order. A panel folder is named after the panel's id
 * and holds one `<Name>Panel.tsx` whose exported `<Name>Panel` component is the panel, so the
 * registry line is all a new panel needs. (Vite's import.meta.glob: bundled code only, never Node.)
 */
import type { ComponentType } from 'react';
import type { PanelId } from '../crossfilter/filters';
import { PANELS } from './registry';

const VIEW_MODULES = import.meta.glob<Record<string, unknown>>('./*/*Panel.tsx', { eager: true });

function viewOf(id: PanelId): ComponentType {
  for (const [path, module] of Object.entries(VIEW_MODULES)) {
    if (!path.startsWith(`./${id}/`)) continue;
    const name = path.slice(path.lastIndexOf('/') + 1, -'.tsx'.length);
    const view = module[name];
    if (typeof view === 'function') return view as ComponentType;
  }
  throw new Error(`Panel "${id}" has no src/panels/${id}/<Name>Panel.tsx exporting <Name>Panel`);
}

export const PANEL_VIEWS: readonly { id: PanelId; Component: ComponentType }[] = PANELS.map(({ id }) => ({ id, Component: viewOf(id) }));
