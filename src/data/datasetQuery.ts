/**
 * The dataset request, in the one-file shape used for every request: the fetcher, a
 * `queryOptions` factory and a hook. The dataset never changes while the page is open,
 * so it is fetched once (`staleTime: Infinity`).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dataset } from './schema';
import { parseDatasetText, type DatasetProblem } from './validation';

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
  const result = parseDatasetText(await response.text());
  if (!result.ok) throw new DatasetInvalidError(result.problems);
  return result.dataset;
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
