/**
 * "Is this coordinate in Pakistan or Afghanistan, and how far outside is it?" using the committed
 * geoBoundaries outlines themselves (PAK ADM2 districts, AFG ADM1 provinces), with no tolerance.
 * Both files are simplified, so a real border village can fall a few km outside them: the build
 * flags such points approximate (see `BORDER_SLACK_KM`) and the check allows only those.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Position } from 'geojson';

type Ring = Position[];
interface NamedPolygon {
  name: string;
  rings: Ring[];
}

/** How far outside the simplified outlines a flagged-approximate border point may lie. */
export const BORDER_SLACK_KM = 10;

const KM_PER_DEG = 111.195;

function polygonsOf(topologyJson: string): NamedPolygon[] {
  const topology = JSON.parse(topologyJson) as Topology;
  const polygons: NamedPolygon[] = [];
  for (const object of Object.values(topology.objects)) {
    if (object.type !== 'GeometryCollection') continue;
    const fc = feature(topology, object as GeometryCollection);
    const features: Feature[] = 'features' in fc ? fc.features : [fc];
    for (const f of features) {
      const g = f.geometry;
      const name = String((f.properties as { shapeName?: unknown } | null)?.shapeName ?? '');
      if (g?.type === 'Polygon') polygons.push({ name, rings: g.coordinates });
      else if (g?.type === 'MultiPolygon') for (const rings of g.coordinates) polygons.push({ name, rings });
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

function inPolygon(lon: number, lat: number, { rings }: NamedPolygon): boolean {
  const [outer, ...holes] = rings;
  return Boolean(outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)));
}

/** Distance in km from a point to a ring, in a local equirectangular projection (fine at ≤ 100 km). */
function kmToRing(lon: number, lat: number, ring: Ring): number {
  const kx = KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEG;
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const ax = (x0 - lon) * kx;
    const ay = (y0 - lat) * ky;
    const dx = (x1 - x0) * kx;
    const dy = (y1 - y0) * ky;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

export interface RegionTester {
  /** True when the point lies inside a Pakistani district or an Afghan province outline. */
  contains(lat: number, lon: number): boolean;
  /** 0 inside the outlines; otherwise the distance in km to the nearest outline. */
  outsideKm(lat: number, lon: number): number;
  /** The Pakistani ADM2 district whose outline holds the point, or null. */
  districtAt(lat: number, lon: number): string | null;
}

/** Takes the data/ file contents (see DATA_FILES in ./build-dataset). */
export function regionTester(files: Readonly<Record<string, string>>): RegionTester {
  const topo = (rel: string): string => {
    const text = files[rel];
    if (text === undefined) throw new Error(`data/${rel} is missing`);
    return text;
  };
  const districts = polygonsOf(topo('raw/geoBoundaries-PAK-ADM2_simplified.topojson'));
  const polygons = [...districts, ...polygonsOf(topo('raw/geoBoundaries-AFG-ADM1_simplified.topojson'))];
  const contains = (lat: number, lon: number) => polygons.some((p) => inPolygon(lon, lat, p));
  return {
    contains,
    outsideKm(lat, lon) {
      if (contains(lat, lon)) return 0;
      return Math.min(...polygons.flatMap((p) => p.rings.map((ring) => kmToRing(lon, lat, ring))));
    },
    districtAt(lat, lon) {
      return districts.find((p) => inPolygon(lon, lat, p))?.name ?? null;
    },
  };
}
