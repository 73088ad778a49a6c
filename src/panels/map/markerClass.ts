import type { IncidentType } from '../../data/schema';

/** The CSS class of each marker shape (map.css draws them; the legend reuses them). */
export type MarkerStyleKey = IncidentType;

export function markerClass(type: MarkerStyleKey, approximate: boolean, selected = false): string {
  return ['map-marker', `map-marker--${type}`, approximate && 'map-marker--approx', selected && 'map-marker--selected'].filter(Boolean).join(' ');
}
