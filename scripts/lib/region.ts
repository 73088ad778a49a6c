/**
 * "Is this coordinate in Pakistan or Afghanistan?" using the committed geoBoundaries outlines
 * (PAK ADM2 districts, AFG ADM1 provinces). Both files are simplified and leave slivers of up to
 * about 0.06° between them along the border, so a point within 0.1° (about 10 km) of an outline
 * also counts as inside.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Position } from 'geojson';

type Ring = Position[];

function ringsOf(topologyJson: string): Ring[][] {
  const topology = JSON.parse(topologyJson) as Topology;
  const polygons: Ring[][] = [];
  for (const object of Object.values(topology.objects)) {
    if (object.type !== 'GeometryCollection') continue;
    const fc = feature(topology, object as GeometryCollection);
    const features: Feature[] = 'features' in fc ? fc.features : [fc];
    for (const f of features) {
      const g = f.geometry;
      if (g?.type === 'Polygon') polygons.push(g.coordinates);
      else if (g?.type === 'MultiPolygon') polygons.push(...g.coordinates);
    }
  }
  return polygons;
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToRing(lon: number, lat: number, ring: Ring): number {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((lon - x0) * dx + (lat - y0) * dy) / len2));
    best = Math.min(best, Math.hypot(lon - (x0 + t * dx), lat - (y0 + t * dy)));
  }
  return best;
}

export interface RegionTester {
  /** True when the point lies in Pakistan or Afghanistan (or within `toleranceDeg` of their outline). */
  contains(lat: number, lon: number): boolean;
}

/** Takes the data/ file contents (see DATA_FILES in ./build-dataset). */
export function regionTester(files: Readonly<Record<string, string>>, toleranceDeg = 0.1): RegionTester {
  const topo = (rel: string): string => {
    const text = files[rel];
    if (text === undefined) throw new Error(`data/${rel} is missing`);
    return text;
  };
  const polygons = [
    ...ringsOf(topo('raw/geoBoundaries-PAK-ADM2_simplified.topojson')),
    ...ringsOf(topo('raw/geoBoundaries-AFG-ADM1_simplified.topojson')),
  ];
  return {
    contains(lat, lon) {
      for (const poly of polygons) {
        const [outer, ...holes] = poly;
        if (outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h))) return true;
      }
      return polygons.some((poly) => poly.some((ring) => distanceToRing(lon, lat, ring) <= toleranceDeg));
    },
  };
}
