/**
 * The map's look: basemap path styles, strike circle styles and the fixed, class-based marker
 * icons. Icons carry no data (their HTML is empty; CSS draws them), so nothing from the dataset
 * ever reaches Leaflet as an HTML string.
 */
import L, { type LatLngBoundsExpression, type PathOptions } from 'leaflet';

/** The Pak–Afghan border region the map opens on (Chaman to Chitral, Kandahar to Islamabad). */
export const INITIAL_BOUNDS: LatLngBoundsExpression = [
  [29.5, 66.5],
  [36.5, 74.5],
];
/** Panning stops at the basemap's extent (scripts/build-basemap.ts BBOX). */
export const MAX_BOUNDS: LatLngBoundsExpression = [
  [22, 58],
  [40, 80],
];
export const MIN_ZOOM = 4.5;
export const MAX_ZOOM = 10;

export const BASEMAP_STYLE = {
  /** Sea and no-data background: the map container's colour (map.css). */
  countryFill: (name: string): PathOptions => ({
    stroke: false,
    fill: true,
    fillColor: name === 'Pakistan' ? '#fbf8ef' : name === 'Afghanistan' ? '#f0ebdd' : '#e6e3da',
    fillOpacity: 1,
  }),
  province: { color: '#b3aa96', weight: 0.7, fill: false, opacity: 0.9 } satisfies PathOptions,
  district: { color: '#c9bfa9', weight: 0.6, fill: false, opacity: 1 } satisfies PathOptions,
  fata: { color: '#8f7a52', weight: 0.9, dashArray: '3 2', fill: true, fillColor: '#e8d9b5', fillOpacity: 0.6 } satisfies PathOptions,
  coast: { color: '#6f8ea3', weight: 0.8, fill: false } satisfies PathOptions,
  border: { color: '#4b4237', weight: 1.6, fill: false, lineJoin: 'round' } satisfies PathOptions,
};

export const STRIKE_COLOR = '#b4232a';
export const OPERATION_COLOR = '#556b2f';

export function strikeStyle(approximate: boolean, unknownToll: boolean, selected: boolean): PathOptions {
  if (selected) return { color: '#111827', weight: 2.5, fillColor: STRIKE_COLOR, fillOpacity: 0.9, dashArray: undefined };
  if (approximate) return { color: STRIKE_COLOR, weight: 1.2, dashArray: '2 2', fillColor: STRIKE_COLOR, fillOpacity: 0.08 };
  return { color: '#7f1d1d', weight: 0.8, dashArray: undefined, fillColor: unknownToll ? '#9ca3af' : STRIKE_COLOR, fillOpacity: 0.5 };
}

export function operationAreaStyle(approximate: boolean, selected: boolean): PathOptions {
  return {
    color: OPERATION_COLOR,
    weight: selected ? 2.5 : 1,
    dashArray: approximate ? '4 3' : undefined,
    fillColor: OPERATION_COLOR,
    fillOpacity: selected ? 0.25 : 0.12,
  };
}
/** Military operations cover an area: drawn as a shaded circle of this radius (metres) round their point. */
export const OPERATION_RADIUS_M = 30_000;

// markerClass lives in its own Leaflet-free module so the panel's legend can use it without
// pulling Leaflet into the first-load bundle (the map itself loads lazily).
import { MARKER_HIT_PAD, markerClass, markerMarkSize, type MarkerStyleKey } from './markerClass';
export { markerClass, type MarkerStyleKey };

const iconCache = new Map<string, L.DivIcon>();

/**
 * A static, class-based icon: the same few instances are shared by every marker. `dx` shifts the
 * icon sideways (px) so markers that share a point (several incidents at one district centroid)
 * fan out instead of hiding one another.
 */
export function markerIcon(type: MarkerStyleKey, approximate: boolean, selected: boolean, dx = 0): L.DivIcon {
  const key = `${type}|${approximate}|${selected}|${dx}`;
  let icon = iconCache.get(key);
  if (!icon) {
    // The icon is the hit area: the mark plus transparent padding (map.css draws the mark inside).
    const size = markerMarkSize(selected) + 2 * MARKER_HIT_PAD;
    icon = L.divIcon({ className: markerClass(type, approximate, selected), iconSize: [size, size], iconAnchor: [size / 2 - dx, size / 2], html: '' });
    iconCache.set(key, icon);
  }
  return icon;
}

/** Markers that share a point sit one 24 px target apart, so each keeps a whole target (WCAG 2.5.8). */
export const FAN_OUT_SPACING = 2 * MARKER_HIT_PAD + markerMarkSize(false);

/** Sideways offsets (px) for markers that share a coordinate, centred on the point. */
export function fanOutOffsets(items: readonly { id: string; lat: number; lon: number }[], spacing = FAN_OUT_SPACING): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = `${item.lat.toFixed(3)},${item.lon.toFixed(3)}`;
    const group = groups.get(key);
    if (group) group.push(item.id);
    else groups.set(key, [item.id]);
  }
  const offsets = new Map<string, number>();
  for (const ids of groups.values()) ids.forEach((id, i) => offsets.set(id, Math.round((i - (ids.length - 1) / 2) * spacing)));
  return offsets;
}
