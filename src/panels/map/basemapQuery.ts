/**
 * The offline basemap request: fetcher, `queryOptions` factory and hook, like every request.
 * `public/geo/basemap.json` (built by scripts/build-basemap.ts) is a TopoJSON file served from the
 * app's own origin; it is fetched at runtime so it stays out of the JS bundle, and once only.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const BASEMAP_URL = `${import.meta.env.BASE_URL}geo/basemap.json`;

export interface CountryProps {
  name: string;
  iso: string;
}
export interface AdminProps {
  name: string;
  /** True for the former FATA agencies (2019 districts standing in for the 2001–2018 agencies). */
  fata?: boolean;
}

export interface Basemap {
  countries: FeatureCollection<Geometry, CountryProps>;
  provinces: FeatureCollection<Geometry, AdminProps>;
  districts: FeatureCollection<Geometry, AdminProps>;
  coast: FeatureCollection<Geometry, Record<string, never>>;
  borders: FeatureCollection<Geometry, Record<string, never>>;
}

const OBJECTS = ['countries', 'provinces', 'districts', 'coast', 'borders'] as const;

export class BasemapError extends Error {
  override name = 'BasemapError';
}

function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; objects?: unknown; arcs?: unknown };
  return v.type === 'Topology' && typeof v.objects === 'object' && v.objects !== null && Array.isArray(v.arcs);
}

/** Checks the file's shape and decodes its five layers to GeoJSON. Throws BasemapError when it is not our basemap. */
export function decodeBasemap(json: unknown): Basemap {
  if (!isTopology(json)) throw new BasemapError('The basemap file is not a TopoJSON topology.');
  const layers: Partial<Record<(typeof OBJECTS)[number], FeatureCollection>> = {};
  for (const name of OBJECTS) {
    const object = json.objects[name];
    if (!object || object.type !== 'GeometryCollection') throw new BasemapError(`The basemap file has no "${name}" layer.`);
    const decoded = feature(json, object as GeometryCollection);
    layers[name] = { type: 'FeatureCollection', features: decoded.features.filter((f: Feature) => f.geometry !== null) };
  }
  return layers as unknown as Basemap;
}

export async function fetchBasemap(url: string, signal?: AbortSignal): Promise<Basemap> {
  let json: unknown;
  try {
    const response = await fetch(url, signal ? { signal } : undefined);
    if (!response.ok) throw new BasemapError(`The server answered ${response.status} for ${url}`);
    json = await response.json();
  } catch (err) {
    if (err instanceof BasemapError) throw err;
    throw new BasemapError(`The basemap could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
  }
  return decodeBasemap(json);
}

export const basemapQueryOptions = (url: string = BASEMAP_URL) =>
  queryOptions({
    queryKey: ['basemap', url],
    queryFn: ({ signal }) => fetchBasemap(url, signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
  });

export const useBasemapQuery = (url?: string) => useQuery(basemapQueryOptions(url));
