/**
 * The panels in display order. Adding a panel means one folder under panels/ and one line here.
 * Panels never import one another: they meet only in the store.
 *
 * `Slide` is the panel drawn for a projector (present mode); it loads only when presenting.
 */
import { lazy, type ComponentType } from 'react';
import type { PanelId } from '../crossfilter/filters';
import type { PanelSlideProps } from '../components/slide/SlideFrame';
import { AidPanel } from './aid/AidPanel';
import { DronePanel } from './drones/DronePanel';
import { BorderMapPanel } from './map/BorderMapPanel';
import { TimelinePanel } from './timeline/TimelinePanel';

export interface PanelEntry {
  id: PanelId;
  Component: ComponentType;
  Slide?: ComponentType<PanelSlideProps>;
}

export const PANELS: readonly PanelEntry[] = [
  { id: 'aid', Component: AidPanel, Slide: lazy(() => import('./aid/AidSlide').then((m) => ({ default: m.AidSlide }))) },
  { id: 'drones', Component: DronePanel, Slide: lazy(() => import('./drones/DroneSlide').then((m) => ({ default: m.DroneSlide }))) },
  { id: 'map', Component: BorderMapPanel, Slide: lazy(() => import('./map/MapSlide').then((m) => ({ default: m.MapSlide }))) },
  { id: 'timeline', Component: TimelinePanel, Slide: lazy(() => import('./timeline/TimelineSlide').then((m) => ({ default: m.TimelineSlide }))) },
];
