/**
 * District centroids from the geoBoundaries PAK ADM2 TopoJSON. Incidents without a sourced
 * coordinate are placed at the area-weighted centroid of their district and labelled
 * "district-centroid", so the map can draw them as approximate.
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry, Position } from 'geojson';

export interface DistrictCentroid {
  name: string;
  lat: number;
  lon: number;
}

/** Planar signed area and centroid of one closed ring (lon/lat treated as x/y). */
function ringMoments(ring: Position[]): { area: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    if (!p || !q) continue;
    const [x0 = 0, y0 = 0] = p;
    const [x1 = 0, y1 = 0] = q;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  if (a === 0) return { area: 0, cx: 0, cy: 0 };
  return { area: a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

/**
 * Area-weighted centroid of a Polygon or MultiPolygon: outer rings add their area, holes
 * subtract theirs, whatever the winding order of the source.
 */
export function polygonCentroid(geometry: Geometry): { lat: number; lon: number } {
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const m = ringMoments(ring);
      const w = (i === 0 ? 1 : -1) * Math.abs(m.area);
      total += w;
      sx += m.cx * w;
      sy += m.cy * w;
    });
  }
  if (total === 0) throw new Error(`geometry of type ${geometry.type} has no area`);
  return { lon: sx / total, lat: sy / total };
}

/** Rounds to 5 decimals (about 1 m) so the output does not depend on float noise. */
const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/** Reads every district of the topology and returns its centroid, keyed by shapeName. */
export function districtCentroids(topologyJson: string): Map<string, DistrictCentroid> {
  const topology = JSON.parse(topologyJson) as Topology;
  const out = new Map<string, DistrictCentroid>();
  for (const [key, object] of Object.entries(topology.objects)) {
    if (object.type !== 'GeometryCollection') continue;
    const fc = feature(topology, object as GeometryCollection<{ shapeName?: string }>);
    const features: Feature[] = 'features' in fc ? fc.features : [fc];
    for (const f of features) {
      const name = (f.properties as { shapeName?: string } | null)?.shapeName;
      if (!name || !f.geometry) throw new Error(`${key}: district without a name or geometry`);
      const c = polygonCentroid(f.geometry);
      out.set(name, { name, lat: round5(c.lat), lon: round5(c.lon) });
    }
  }
  return out;
}
