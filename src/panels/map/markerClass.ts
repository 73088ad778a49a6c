import type { IncidentType } from '../../data/schema';

/** The CSS class of each marker shape (map.css draws them; the legend reuses them). */
export type MarkerStyleKey = IncidentType;

/**
 * Transparent padding (px) on each side of a map icon round its drawn mark: a 16 px mark is a
 * 24 px target (WCAG 2.5.8). map.css insets the mark (::before) by the same amount.
 */
export const MARKER_HIT_PAD = 4;

/** The drawn mark's size (px), without the hit padding. */
export const markerMarkSize = (selected: boolean) => (selected ? 24 : 16);

export function markerClass(type: MarkerStyleKey, approximate: boolean, selected = false): string {
  return ['map-marker', `map-marker--${type}`, approximate && 'map-marker--approx', selected && 'map-marker--selected'].filter(Boolean).join(' ');
}
