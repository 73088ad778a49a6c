import type { PanelId } from '../crossfilter/filters';

/** Panel titles are part of the accessible UI contract: tests and screen readers find panels by them. */
export const PANEL_TITLES: Record<PanelId, string> = {
  aid: 'US aid to Pakistan',
  drones: 'Drone strikes',
  map: 'Border incidents map',
  timeline: 'Cooperation and friction timeline',
};
