/**
 * Each registered panel's projector view, found the way panelViews.ts finds the panels: a panel
 * folder may hold one `<Name>Slide.tsx` exporting `<Name>Slide`. The modules load only when
 * present mode first shows the panel. A panel without one is shown in present mode as it is.
 */
import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyWithReload } from '../app/lazyWithReload';
import type { PanelId } from '../crossfilter/filters';
import type { PanelSlideProps } from '../components/slide/SlideFrame';
import { PANELS } from './registry';

const SLIDE_MODULES = import.meta.glob<Record<string, unknown>>('./*/*Slide.tsx');

function slideOf(id: PanelId): LazyExoticComponent<ComponentType<PanelSlideProps>> | null {
  const entry = Object.entries(SLIDE_MODULES).find(([path]) => path.startsWith(`./${id}/`));
  if (!entry) return null;
  const [path, load] = entry;
  const name = path.slice(path.lastIndexOf('/') + 1, -'.tsx'.length);
  return lazyWithReload(async () => {
    const view = (await load())[name];
    if (typeof view !== 'function') throw new Error(`${path} does not export ${name}`);
    return { default: view as ComponentType<PanelSlideProps> };
  });
}

export const PANEL_SLIDES: ReadonlyMap<PanelId, LazyExoticComponent<ComponentType<PanelSlideProps>>> = new Map(
  PANELS.flatMap(({ id }) => {
    const slide = slideOf(id);
    return slide ? [[id, slide] as const] : [];
  }),
);
