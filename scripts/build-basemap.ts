/**
 * Builds the offline basemap of the border-incidents map: ONE small TopoJSON file,
 * `public/geo/basemap.json`, that the map panel fetches at runtime (it is never bundled into JS).
 *
 * Run from the project root: `npx tsx scripts/build-basemap.ts`
 *
 * Inputs (all shipped with the project, nothing is downloaded):
 * - `node_modules/world-atlas/countries-10m.json`: Natural Earth admin-0 countries (public domain,
 *   packaged under ISC). Kept only where a country touches the region box.
 * - `data/raw/geoBoundaries-PAK-ADM2_simplified.topojson`: Pakistan's 2019 districts, including the
 *   former FATA agencies (geoBoundaries gbOpen, Public Domain).
 * - `data/raw/geoBoundaries-AFG-ADM1_simplified.topojson`: Afghan provinces (gbOpen, Public Domain),
 *   context only.
 *
 * Output: a TopoJSON Topology (quantised, delta-encoded arcs; decode with topojson-client) with
 * five GeometryCollections:
 * - `countries` (Polygon/MultiPolygon, clipped to the box): land fill; properties `name`, `iso`
 * - `borders`   (MultiLineString): international borders (Natural Earth), drawn strong
 * - `coast`     (MultiLineString): coastline (Natural Earth)
 * - `provinces` (Polygon/MultiPolygon): Afghan provinces; `name`
 * - `districts` (Polygon/MultiPolygon): Pakistani districts; `name` (geoBoundaries shapeName) and
 *   `fata: true` for the former FATA agencies
 *
 * Country fills are clipped to the box, so their cut edges are never stroked: borders and coasts
 * are separate line objects, clipped as lines. Districts and provinces keep their shared arcs, so a
 * border between two districts is stored (and simplified) once. Coordinates are snapped to a
 * 10^-DECIMALS degree grid, and objects are sorted, so the output is byte-for-byte deterministic.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { Geometry, MultiLineString, Position } from 'geojson';

const root = resolve(import.meta.dirname, '..');
const OUT = join(root, 'public/geo/basemap.json');

/** The region drawn: the Pakistan–Afghanistan border with room to pan (lon 58–80, lat 22–40). */
export const BBOX = { west: 58, south: 22, east: 80, north: 40 } as const;
/**
 * 3 decimals ≈ 110 m, finer than one screen pixel at the map's max zoom (10, ≈150 m/px), and
 * finer than the geoBoundaries quantisation step that matters at these zooms.
 */
const DECIMALS = 3;
const STEP = 10 ** -DECIMALS;

/** The former Federally Administered Tribal Areas agencies, as geoBoundaries names them. */
const FATA_AGENCIES = new Set(['Bajaur', 'Mohmand', 'Khyber', 'Kurram', 'Orakzai', 'North Waziristan', 'South Waziristan']);

/** Known spelling slips in the source files, fixed for display only. */
const NAME_FIXES: Record<string, string> = { Ghanzi: 'Ghazni' };

type Ring = Position[];

const x = (p: Position) => p[0] ?? 0;
const y = (p: Position) => p[1] ?? 0;

function readTopology(path: string): Topology {
  return simplifyTopology(JSON.parse(readFileSync(path, 'utf8')) as Topology, TOLERANCE);
}

// ---------------------------------------------------------------- simplification

/**
 * Douglas–Peucker tolerance in degrees (≈ 220 m): under a pixel up to zoom 9. Arcs are simplified
 * once, inside the topology, so a border shared by two districts stays one line after simplification
 * (simplifying each polygon on its own would open slivers between neighbours).
 */
const TOLERANCE = 0.002;

function douglasPeucker(points: Position[], tol: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const a = points[first]!;
    const b = points[last]!;
    const dx = x(b) - x(a);
    const dy = y(b) - y(a);
    const len2 = dx * dx + dy * dy;
    let maxDist = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const p = points[i]!;
      let d: number;
      if (len2 === 0) d = Math.hypot(x(p) - x(a), y(p) - y(a));
      else {
        const t = Math.max(0, Math.min(1, ((x(p) - x(a)) * dx + (y(p) - y(a)) * dy) / len2));
        d = Math.hypot(x(p) - (x(a) + t * dx), y(p) - (y(a) + t * dy));
      }
      if (d > maxDist) {
        maxDist = d;
        index = i;
      }
    }
    if (maxDist > tol && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  // A closed arc (a whole island) keeps at least 4 points so it stays a ring.
  const out = points.filter((_, i) => keep[i]);
  if (out.length < 4 && points.length >= 4 && x(points[0]!) === x(points[points.length - 1]!) && y(points[0]!) === y(points[points.length - 1]!)) {
    const third = Math.floor(points.length / 3);
    return [points[0]!, points[third]!, points[2 * third]!, points[points.length - 1]!];
  }
  return out;
}

/** Decodes a quantised topology to absolute coordinates and simplifies every arc. */
function simplifyTopology(topology: Topology, tol: number): Topology {
  const t = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let ax = 0;
    let ay = 0;
    const absolute: Position[] = arc.map((p) => {
      if (!t) return [x(p), y(p)];
      ax += x(p);
      ay += y(p);
      return [ax * t.scale[0] + t.translate[0], ay * t.scale[1] + t.translate[1]];
    });
    return douglasPeucker(absolute, tol);
  });
  const { transform: _transform, ...rest } = topology;
  return { ...rest, arcs } as Topology;
}

function onlyCollection<P extends object>(topology: Topology, name?: string): GeometryCollection<P> {
  const entries = Object.entries(topology.objects).filter(([key]) => name === undefined || key === name);
  const first = entries[0];
  if (!first || first[1].type !== 'GeometryCollection') throw new Error(`no GeometryCollection ${name ?? ''} in topology`);
  return first[1] as GeometryCollection<P>;
}

// ---------------------------------------------------------------- clipping

type Edge = { inside: (p: Position) => boolean; cross: (a: Position, b: Position) => Position };

const atX = (a: Position, b: Position, X: number): Position => [X, y(a) + ((y(b) - y(a)) * (X - x(a))) / (x(b) - x(a))];
const atY = (a: Position, b: Position, Y: number): Position => [x(a) + ((x(b) - x(a)) * (Y - y(a))) / (y(b) - y(a)), Y];

const EDGES: Edge[] = [
  { inside: (p) => x(p) >= BBOX.west, cross: (a, b) => atX(a, b, BBOX.west) },
  { inside: (p) => x(p) <= BBOX.east, cross: (a, b) => atX(a, b, BBOX.east) },
  { inside: (p) => y(p) >= BBOX.south, cross: (a, b) => atY(a, b, BBOX.south) },
  { inside: (p) => y(p) <= BBOX.north, cross: (a, b) => atY(a, b, BBOX.north) },
];

/** Sutherland–Hodgman against the box. Good for fills (cut edges may run along the box). */
function clipRing(ring: Ring): Ring {
  let out = ring.slice(0, -1); // open ring
  for (const edge of EDGES) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      const curIn = edge.inside(cur);
      const prevIn = edge.inside(prev);
      if (curIn) {
        if (!prevIn) out.push(edge.cross(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(edge.cross(prev, cur));
      }
    }
    if (out.length === 0) return [];
  }
  return out.length ? [...out, out[0]!] : [];
}

const insideBox = (p: Position) => x(p) >= BBOX.west && x(p) <= BBOX.east && y(p) >= BBOX.south && y(p) <= BBOX.north;

/** Liang–Barsky per segment: a line leaving and re-entering the box becomes several lines. */
function clipLine(line: Position[]): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const seg = clipSegment(a, b);
    if (!seg) {
      if (current.length > 1) parts.push(current);
      current = [];
      continue;
    }
    const [p, q] = seg;
    if (current.length === 0) current.push(p);
    current.push(q);
    if (!insideBox(b) || q[0] !== b[0] || q[1] !== b[1]) {
      if (current.length > 1) parts.push(current);
      current = [];
    }
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

function clipSegment(a: Position, b: Position): [Position, Position] | null {
  const dx = x(b) - x(a);
  const dy = y(b) - y(a);
  let t0 = 0;
  let t1 = 1;
  const checks: [number, number][] = [
    [-dx, x(a) - BBOX.west],
    [dx, BBOX.east - x(a)],
    [-dy, y(a) - BBOX.south],
    [dy, BBOX.north - y(a)],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  const at = (t: number): Position => (t === 0 ? a : t === 1 ? b : [x(a) + t * dx, y(a) + t * dy]);
  return [at(t0), at(t1)];
}

// ---------------------------------------------------------------- output topology

/** Output arcs, as absolute grid points (delta-encoded at the end). */
const outArcs: [number, number][][] = [];

const snap = (p: Position): [number, number] => [Math.round((x(p) - BBOX.west) / STEP), Math.round((y(p) - BBOX.south) / STEP)];

function snapLine(points: Position[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const q = snap(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function pushArc(points: [number, number][]): number {
  outArcs.push(points.length === 1 ? [points[0]!, points[0]!] : points);
  return outArcs.length - 1;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function bboxOf(geometry: Geometry): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polygonsOf(geometry))
    for (const ring of poly)
      for (const p of ring) {
        w = Math.min(w, x(p));
        e = Math.max(e, x(p));
        s = Math.min(s, y(p));
        n = Math.max(n, y(p));
      }
  return [w, s, e, n];
}

const touchesBox = ([w, s, e, n]: [number, number, number, number]) => e >= BBOX.west && w <= BBOX.east && n >= BBOX.south && s <= BBOX.north;

type Props = Record<string, string | boolean>;

/** Locale-independent order, so the output does not depend on the machine's ICU data. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type OutGeometry =
  | { type: 'Polygon'; arcs: number[][]; properties: Props }
  | { type: 'MultiPolygon'; arcs: number[][][]; properties: Props }
  | { type: 'MultiLineString'; arcs: number[][]; properties: Props };

/** Clips a polygon geometry to the box; every surviving ring becomes its own arc. */
function clippedPolygon(geometry: Geometry, properties: Props): OutGeometry | null {
  const polys: number[][][] = [];
  for (const poly of polygonsOf(geometry)) {
    const rings: number[][] = [];
    for (const ring of poly) {
      const clipped = clipRing(ring);
      const snapped = clipped.length ? snapLine(clipped) : [];
      // A closed ring needs 3 distinct points and the closing one.
      if (snapped.length >= 4) rings.push([pushArc(snapped)]);
      else if (rings.length === 0) break; // the outer ring vanished: drop its holes too
    }
    if (rings.length) polys.push(rings);
  }
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', arcs: polys[0]!, properties } : { type: 'MultiPolygon', arcs: polys, properties };
}

function clippedLines(geometry: MultiLineString, properties: Props): OutGeometry | null {
  const arcs = geometry.coordinates
    .flatMap(clipLine)
    .map(snapLine)
    .filter((l) => l.length > 1)
    .map((l) => [pushArc(l)]);
  return arcs.length ? { type: 'MultiLineString', arcs, properties } : null;
}

function countryObjects(): { countries: OutGeometry[]; borders: OutGeometry[]; coast: OutGeometry[] } {
  const world = readTopology(join(root, 'node_modules/world-atlas/countries-10m.json'));
  const collection = onlyCollection<{ name: string }>(world, 'countries');
  const features = feature(world, collection).features.filter((f) => f.geometry && touchesBox(bboxOf(f.geometry)));
  features.sort((a, b) => byCodePoint(a.properties.name, b.properties.name));
  const countries: OutGeometry[] = [];
  for (const f of features) {
    const g = clippedPolygon(f.geometry, { name: f.properties.name, iso: String(f.id ?? '') });
    if (g) countries.push(g);
  }
  const borders = clippedLines(mesh(world, collection, (a, b) => a !== b), {});
  const coast = clippedLines(mesh(world, collection, (a, b) => a === b), {});
  return { countries, borders: borders ? [borders] : [], coast: coast ? [coast] : [] };
}

/**
 * Copies an admin layer's geometries, keeping its shared arcs: each source arc used is snapped
 * and copied once, and the geometries point at the copies.
 */
function adminObjects(file: string, kind: 'district' | 'province'): OutGeometry[] {
  const topology = readTopology(join(root, 'data/raw', file));
  const collection = onlyCollection<{ shapeName: string }>(topology);
  const copied = new Map<number, number>();
  const arc = (i: number): number => {
    const index = i < 0 ? ~i : i;
    let out = copied.get(index);
    if (out === undefined) {
      out = pushArc(snapLine(topology.arcs[index]!));
      copied.set(index, out);
    }
    return i < 0 ? ~out : out;
  };
  const out: OutGeometry[] = [];
  const nameOf = (g: GeometryObject<{ shapeName: string }>) => (g.properties && 'shapeName' in g.properties ? g.properties.shapeName : '');
  const geometries = [...collection.geometries].sort((a, b) => byCodePoint(nameOf(a), nameOf(b)));
  for (const g of geometries) {
    const raw = nameOf(g);
    const name = NAME_FIXES[raw] ?? raw;
    const properties: Props = { name };
    if (kind === 'district' && FATA_AGENCIES.has(name)) properties.fata = true;
    if (g.type === 'Polygon') out.push({ type: 'Polygon', arcs: g.arcs.map((ring) => ring.map(arc)), properties });
    else if (g.type === 'MultiPolygon') out.push({ type: 'MultiPolygon', arcs: g.arcs.map((poly) => poly.map((ring) => ring.map(arc))), properties });
    else throw new Error(`${file}: ${name} is a ${g.type}, expected a polygon`);
  }
  if (kind === 'district') {
    const found = out.filter((g) => g.properties.fata).length;
    if (found !== FATA_AGENCIES.size) throw new Error(`expected ${FATA_AGENCIES.size} former FATA agencies, found ${found}`);
  }
  return out;
}

function deltaEncode(points: [number, number][]): [number, number][] {
  let px = 0;
  let py = 0;
  return points.map(([qx, qy]) => {
    const d: [number, number] = [qx - px, qy - py];
    px = qx;
    py = qy;
    return d;
  });
}

const { countries, borders, coast } = countryObjects();
const provinces = adminObjects('geoBoundaries-AFG-ADM1_simplified.topojson', 'province');
const districts = adminObjects('geoBoundaries-PAK-ADM2_simplified.topojson', 'district');
const collectionOf = (geometries: OutGeometry[]) => ({ type: 'GeometryCollection', geometries });

const topology = {
  type: 'Topology',
  bbox: [BBOX.west, BBOX.south, BBOX.east, BBOX.north],
  transform: { scale: [STEP, STEP], translate: [BBOX.west, BBOX.south] },
  objects: {
    countries: collectionOf(countries),
    provinces: collectionOf(provinces),
    districts: collectionOf(districts),
    coast: collectionOf(coast),
    borders: collectionOf(borders),
  },
  arcs: outArcs.map(deltaEncode),
  meta: {
    generator: 'scripts/build-basemap.ts',
    attribution:
      'Natural Earth (public domain) via world-atlas; geoBoundaries gbOpen PAK ADM2 2019 and AFG ADM1 (Public Domain), Runfola et al. 2020, PLoS ONE 15(4): e0231866',
  },
};

const text = JSON.stringify(topology);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, text + '\n');
console.log(
  `wrote ${OUT} (${(text.length / 1024).toFixed(1)} KiB): ${countries.length} countries, ${provinces.length} provinces, ${districts.length} districts, ${outArcs.length} arcs`,
);
