/**
 * The dataset request, in the one-file shape used for every request: the fetcher, a
 * `queryOptions` factory and a hook. The dataset never changes while the page is open,
 * so it is fetched once (`staleTime: Infinity`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dataset } from './schema';
import type { DatasetProblem } from './problems';
import { importWithReload } from '../app/lazyWithReload';

/** SHA-256 (hex) of the shipped dataset as validated at build (scripts/vite/datasetIntegrity.ts); null if it did not pass. */
declare const __BUILT_IN_DATASET_SHA256__: string | null;

export const BUILT_IN_DATASET_URL = `${import.meta.env.BASE_URL}data/dataset.json`;

/** The server could not be reached or did not return the file. Retrying may help. */
export class DatasetNetworkError extends Error {
  override name = 'DatasetNetworkError';
}

/** The file arrived but is not a valid dataset. Retrying will not help. */
export class DatasetInvalidError extends Error {
  override name = 'DatasetInvalidError';
  constructor(readonly problems: DatasetProblem[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export async function fetchDataset(url: string, signal?: AbortSignal): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : undefined);
  } catch (err) {
    throw new DatasetNetworkError(`Could not reach ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!response.ok) throw new DatasetNetworkError(`The server answered ${response.status} ${response.statusText} for ${url}`.trim());
  const bytes = await response.arrayBuffer();
  const checked = await checkedAtBuild(bytes);
  if (checked) return checked;
  const { parseDatasetText } = await importWithReload(() => import('./validation'));
  const result = parseDatasetText(new TextDecoder().decode(bytes));
  if (!result.ok) throw new DatasetInvalidError(result.problems);
  return result.dataset;
}

/**
 * The dataset, if these are exactly the bytes of the shipped file that passed validation at build:
 * then it needs no second check, and the validator (zod, the schema) is not loaded. Any other file,
 * or a browser without Web Crypto (an http:// address that is not this computer), is validated.
 */
async function checkedAtBuild(bytes: ArrayBuffer): Promise<Dataset | null> {
  const expected = typeof __BUILT_IN_DATASET_SHA256__ === 'string' ? __BUILT_IN_DATASET_SHA256__ : null;
  const subtle = globalThis.crypto?.subtle;
  if (!expected || !subtle) return null;
  let digest: ArrayBuffer;
  try {
    digest = await subtle.digest('SHA-256', bytes);
  } catch {
    return null;
  }
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return hex === expected ? (JSON.parse(new TextDecoder().decode(bytes)) as Dataset) : null;
}

export const datasetQueryOptions = (url: string = BUILT_IN_DATASET_URL) =>
  queryOptions({
    queryKey: ['dataset', url],
    queryFn: ({ signal }) => fetchDataset(url, signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: (failureCount, error) => error instanceof DatasetNetworkError && failureCount < 1,
  });

export const useDatasetQuery = (url?: string) => useQuery(datasetQueryOptions(url));
