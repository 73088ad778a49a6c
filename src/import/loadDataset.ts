/**
 * Every way a dataset enters the dashboard: a file picked or dropped, a `?data=` address, and
 * the way back to the built-in dataset. All of them validate with the same schema as the shipped
 * data (in a worker), and touch the dashboard store only once the new dataset has passed: a
 * rejected file changes nothing but the problem list.
 */
import type { Dataset } from '../data/schema';
import type { DatasetProblem } from '../data/validation';
import { BUILT_IN_ORIGIN, type DatasetOrigin } from '../store/datasetSlice';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';
import { MAX_DATASET_BYTES, tooLargeMessage } from './limits';
import { parseDatasetBlob } from './parseOffThread';

export type LoadOutcome =
  | { status: 'loaded'; origin: DatasetOrigin }
  | { status: 'rejected'; problems: DatasetProblem[]; problemCount: number }
  /** A newer load started before this one finished; this one was dropped. */
  | { status: 'superseded' };

export const DATA_PARAM = 'data';

export const fileOrigin = (name: string): DatasetOrigin => ({ kind: 'file', label: `Your file: ${name}` });
export const urlOrigin = (href: string): DatasetOrigin => ({ kind: 'url', label: `URL: ${href}` });

/** Rewrites the address without `?data=`: once another dataset is on screen, a reload must not fetch the old address. */
export function dropDataParam(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has(DATA_PARAM)) return;
  params.delete(DATA_PARAM);
  const search = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}

/**
 * Puts a validated dataset on screen. Filters go back to their defaults because the ids and
 * years they name may not exist in the new data (except for a shared `?data=` link, whose
 * filters were written for that very dataset).
 */
export function applyDataset(dataset: Dataset, origin: DatasetOrigin, { resetFilters }: { resetFilters: boolean }): void {
  if (origin.kind !== 'url') dropDataParam();
  const store = useDashboardStore.getState();
  store.setDataset(dataset, origin);
  if (resetFilters) store.resetAllFilters();
}

function reject(generation: number, source: string, problems: DatasetProblem[], problemCount = problems.length): LoadOutcome {
  const current = useImportStore.getState().finish(generation, { source, problems, problemCount });
  return current ? { status: 'rejected', problems, problemCount } : { status: 'superseded' };
}

/** What the "Load dataset…" picker and the drop zone call. */
export async function loadDatasetFile(file: File): Promise<LoadOutcome> {
  const name = file.name || 'unnamed file';
  const generation = useImportStore.getState().begin(`Checking ${name}…`);
  // Refused on its size alone: reading 60 MB into a string to then refuse it would stall the tab.
  if (file.size > MAX_DATASET_BYTES) return reject(generation, name, [{ path: '', message: tooLargeMessage(file.size) }]);
  const outcome = await parseDatasetBlob(file);
  if (!outcome.ok) return reject(generation, name, outcome.problems, outcome.problemCount);
  if (!useImportStore.getState().finish(generation, null)) return { status: 'superseded' };
  const origin = fileOrigin(name);
  applyDataset(outcome.dataset, origin, { resetFilters: true });
  return { status: 'loaded', origin };
}

/** Resolves a `?data=` value: an address on this site, or an https:// address elsewhere (which must allow CORS). */
export function resolveDatasetUrl(raw: string): { ok: true; url: URL } | { ok: false; problem: DatasetProblem } {
  let url: URL;
  try {
    url = new URL(raw, window.location.href);
  } catch {
    return { ok: false, problem: { path: '', message: 'the data= address is not a valid URL' } };
  }
  const sameOrigin = url.origin === window.location.origin;
  if (!sameOrigin && url.protocol !== 'https:') {
    return { ok: false, problem: { path: '', message: `only https:// addresses or files on this site can be loaded; this address uses ${url.protocol}` } };
  }
  return { ok: true, url };
}

/** Reads a response body, giving up as soon as it passes the size limit. */
async function readCapped(response: Response): Promise<Blob | { tooLarge: number }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_DATASET_BYTES) {
    void response.body?.cancel();
    return { tooLarge: declared };
  }
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_DATASET_BYTES) {
      void reader.cancel();
      return { tooLarge: total };
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[], { type: 'application/json' });
}

/** What `?data=<url>` calls. Filters in the same link are kept: they were written for this dataset. */
export async function loadDatasetFromUrl(raw: string, signal?: AbortSignal): Promise<LoadOutcome> {
  const resolved = resolveDatasetUrl(raw);
  const shown = resolved.ok ? resolved.url.href : raw.slice(0, 200);
  const generation = useImportStore.getState().begin(`Loading ${shown}…`);
  if (!resolved.ok) return reject(generation, shown, [resolved.problem]);
  let response: Response;
  try {
    response = await fetch(resolved.url, { signal: signal ?? null, credentials: 'same-origin' });
  } catch (err) {
    if (signal?.aborted) return { status: 'superseded' };
    const reason = err instanceof Error ? err.message : String(err);
    return reject(generation, shown, [
      { path: '', message: `the address could not be fetched (${reason}); the server may be down, or it may not allow other sites to read it (CORS)` },
    ]);
  }
  if (!response.ok) return reject(generation, shown, [{ path: '', message: `the server answered ${response.status} ${response.statusText}`.trim() }]);
  let body: Blob | { tooLarge: number };
  try {
    body = await readCapped(response);
  } catch (err) {
    if (signal?.aborted) return { status: 'superseded' };
    return reject(generation, shown, [{ path: '', message: `the download broke off: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  if (signal?.aborted) return { status: 'superseded' };
  if ('tooLarge' in body) return reject(generation, shown, [{ path: '', message: tooLargeMessage(body.tooLarge) }]);
  const outcome = await parseDatasetBlob(body);
  if (signal?.aborted) return { status: 'superseded' };
  if (!outcome.ok) return reject(generation, shown, outcome.problems, outcome.problemCount);
  if (!useImportStore.getState().finish(generation, null)) return { status: 'superseded' };
  const origin = urlOrigin(resolved.url.href);
  applyDataset(outcome.dataset, origin, { resetFilters: false });
  return { status: 'loaded', origin };
}

/** "Restore the built-in dataset": back to the shipped data, filters cleared. */
export async function restoreBuiltInDataset(fetchBuiltIn: () => Promise<Dataset>): Promise<LoadOutcome> {
  const generation = useImportStore.getState().begin('Loading the built-in dataset…');
  let dataset: Dataset;
  try {
    dataset = await fetchBuiltIn();
  } catch (err) {
    const problems = (err as { problems?: DatasetProblem[] }).problems ?? [{ path: '', message: err instanceof Error ? err.message : String(err) }];
    return reject(generation, 'The built-in dataset', problems);
  }
  if (!useImportStore.getState().finish(generation, null)) return { status: 'superseded' };
  applyDataset(dataset, BUILT_IN_ORIGIN, { resetFilters: true });
  return { status: 'loaded', origin: BUILT_IN_ORIGIN };
}
