/**
 * The panels in display order. Adding a panel means one folder under panels/ and one line here.
 * Panels never import one another: they meet only in the store.
 */
import type { ComponentType } from 'react';
import type { PanelId } from '../crossfilter/filters';
import { AidPanel } from './aid/AidPanel';
import { DronePanel } from './drones/DronePanel';
import { BorderMapPanel } from './map/BorderMapPanel';
import { TimelinePanel } from './timeline/TimelinePanel';

export const PANELS: readonly { id: PanelId; Component: ComponentType }[] = [
  { id: 'aid', Component: AidPanel },
  { id: 'drones', Component: DronePanel },
  { id: 'map', Component: BorderMapPanel },
  { id: 'timeline', Component: TimelinePanel },
];
