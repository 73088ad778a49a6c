/**
 * Every way a dataset enters the dashboard: a file picked or dropped, a `?data=` address, and
 * the way back to the built-in dataset. All of them validate with the same schema as the shipped
 * data (in a worker), and touch the dashboard store only once the new dataset has passed: a
 * rejected file changes nothing but the problem list.
 */
import { neutralizeBidi, neutralizeBidiDeep } from '../data/bidi';
import { neutralizedDataset } from './neutralized';
import type { Dataset } from '../data/schema';
import type { DatasetProblem } from '../data/validation';
import { BUILT_IN_ORIGIN, type DatasetOrigin } from '../store/datasetSlice';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';
import { MAX_DATASET_BYTES, tooLargeMessage } from './limits';
import { parseDatasetBlob } from './parseOffThread';
import { clearUserDataset, readUserDataset, saveUserDataset } from './persistDataset';

export type LoadOutcome =
  | { status: 'loaded'; origin: DatasetOrigin }
  /** `network`: the file never arrived (an error status, no answer, CORS), so there are no problems in it to list. */
  | { status: 'rejected'; problems: DatasetProblem[]; problemCount: number; network?: boolean }
  /** A newer load started before this one finished; this one was dropped. */
  | { status: 'superseded' };

export const DATA_PARAM = 'data';

/** Rows in every table but `sources`: what "N rows" in the banner counts. */
export function countRows(dataset: Dataset): number {
  let rows = 0;
  for (const [table, value] of Object.entries(dataset)) if (table !== 'sources' && Array.isArray(value)) rows += value.length;
  return rows;
}

const LOADED_AT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Your data: pbc.csv, 399 rows, loaded 2 Dec 2026, 01:10" */
export function localLabel(local: NonNullable<DatasetOrigin['local']>): string {
  const what = local.merged ? `built-in data + ${local.fileName}` : local.fileName;
  return `Your data: ${what}, ${local.rows.toLocaleString('en-US')} rows, loaded ${LOADED_AT.format(new Date(local.loadedAt))}`;
}

/** The origin of a user's own dataset: a file loaded, a CSV imported, or rows added to the data on screen. */
export function fileOrigin(name: string, dataset: Dataset, { merged = false, loadedAt = new Date() }: { merged?: boolean; loadedAt?: Date } = {}): DatasetOrigin {
  const local = { fileName: neutralizeBidi(name), rows: countRows(dataset), loadedAt: loadedAt.toISOString(), merged };
  return { kind: 'file', label: localLabel(local), local };
}

/** The origin of a `?data=` dataset: named by the address that served it (after redirects). */
export function urlOrigin(servedFrom: string, requested = servedFrom): DatasetOrigin {
  const url = new URL(servedFrom);
  return { kind: 'url', label: `URL: ${url.href}`, remote: { url: url.href, host: url.host, requested } };
}

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
export function applyDataset(
  dataset: Dataset,
  origin: DatasetOrigin,
  { resetFilters, persist = true, json }: { resetFilters: boolean; persist?: boolean; /** The dataset's JSON, if already at hand (see saveUserDataset). */ json?: Blob },
): void {
  if (origin.kind !== 'url') dropDataParam();
  const store = useDashboardStore.getState();
  // Every dataset from outside comes through here: its text is shown and exported from now on.
  store.setDataset(origin.kind === 'built-in' ? dataset : neutralizedDataset(dataset), origin);
  if (resetFilters) store.resetAllFilters();
  // The user's own data outlives a reload; a shared ?data= link carries its own address instead.
  if (persist && origin.local) void saveUserDataset(dataset, origin, json);
  else if (origin.kind === 'built-in') void clearUserDataset();
}

/** Notices about a dataset that loaded: fields it had that the format does not, rows an import skipped. */
export function showLoadNotices(source: string, notices: readonly string[]): void {
  const store = useDashboardStore.getState();
  store.dismissNotice('import');
  if (notices.length > 0) store.showNotice({ id: 'import', tone: 'warning', title: `${source}: loaded, with notes`, details: [...notices] });
}

/** Brings back the dataset stored by an earlier visit, checked again. False when there is none (or it no longer passes). */
export async function loadPersistedDataset(): Promise<boolean> {
  const stored = await readUserDataset();
  if (!stored) return false;
  const outcome = await parseDatasetBlob(stored.json);
  if (!outcome.ok) {
    await clearUserDataset();
    useDashboardStore.getState().showNotice({
      id: 'import',
      tone: 'warning',
      title: 'Your saved dataset no longer passes the checks, so the built-in dataset is shown',
      details: outcome.problems.slice(0, 5).map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`),
    });
    return false;
  }
  if (useDashboardStore.getState().datasetOrigin.kind !== 'built-in') return false;
  applyDataset(outcome.dataset, stored.origin, { resetFilters: false, persist: false });
  return true;
}

function reject(generation: number, source: string, found: DatasetProblem[], problemCount = found.length, network = false): LoadOutcome {
  // The messages may quote the file (values, keys) and the source is a file name or address: all shown as text.
  const problems = neutralizeBidiDeep(found);
  const rejection = { source: neutralizeBidi(source), problems, problemCount, ...(network ? { network } : {}) };
  const current = useImportStore.getState().finish(generation, rejection);
  return current ? { status: 'rejected', problems, problemCount, ...(network ? { network } : {}) } : { status: 'superseded' };
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
  const origin = fileOrigin(name, outcome.dataset);
  // The file itself is what gets stored: reading it back checks it again, as a restore always does.
  applyDataset(outcome.dataset, origin, { resetFilters: true, json: file });
  showLoadNotices(name, outcome.warnings);
  return { status: 'loaded', origin };
}

/** A `?data=` request that has not answered (headers and whole body) within this long is stopped. */
export const DATA_FETCH_TIMEOUT_MS = 30_000;

/** This computer: a researcher serving their own file (`python -m http.server`) needs no certificate. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Resolves a `?data=` value: an address on this site, an https:// address elsewhere (which must
 * allow CORS), or an http:// address on this computer.
 */
export function resolveDatasetUrl(raw: string): { ok: true; url: URL } | { ok: false; problem: DatasetProblem } {
  let url: URL;
  try {
    url = new URL(raw, window.location.href);
  } catch {
    return { ok: false, problem: { path: '', message: 'the data= address is not a valid URL' } };
  }
  const sameOrigin = url.origin === window.location.origin;
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (!sameOrigin && url.protocol !== 'https:' && !loopback) {
    return { ok: false, problem: { path: '', message: `only https:// addresses, files on this site and addresses on this computer (localhost) can be loaded; this address uses ${url.protocol}` } };
  }
  return { ok: true, url };
}

/**
 * The host a `?data=` value would load from when it is another origin than the app's: the user
 * is asked before anything is fetched. Null for a file on this site (and for an address that
 * will be refused anyway, whose problem is shown instead).
 */
export function foreignDataAddress(raw: string): { host: string; href: string } | null {
  const resolved = resolveDatasetUrl(raw);
  if (!resolved.ok || resolved.url.origin === window.location.origin) return null;
  return { host: resolved.url.host, href: resolved.url.href };
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

/** What went wrong on the way, in words about the network (the file itself was never seen). */
export const networkMessages = {
  timeout: (host: string) =>
    `${host} did not answer within ${DATA_FETCH_TIMEOUT_MS / 1000} seconds, so the request was stopped. The server may be down or very slow; try again later.`,
  unreachable: (host: string, reason: string) =>
    `${host} could not be reached, or it does not let other sites read this file (CORS). Check the address and the connection, or ask the site’s owner to allow cross-origin requests. The browser said: ${reason}`,
  status: (host: string, status: number, statusText: string) =>
    status === 404
      ? `${host} answered 404 Not Found: there is no file at this address. Check the link.`
      : `${host} answered ${`${status} ${statusText}`.trim()}, so it sent no dataset. ${status >= 500 ? 'The server had a problem; try again later.' : 'Check the link, or whether the file needs a login.'}`,
  brokeOff: (host: string, reason: string) => `the download from ${host} broke off before the end (${reason}); try again`,
};

/** What `?data=<url>` calls. Filters in the same link are kept: they were written for this dataset. */
export async function loadDatasetFromUrl(raw: string, signal?: AbortSignal, timeoutMs = DATA_FETCH_TIMEOUT_MS): Promise<LoadOutcome> {
  const resolved = resolveDatasetUrl(raw);
  const shown = resolved.ok ? resolved.url.href : raw.slice(0, 200);
  const generation = useImportStore.getState().begin(`Loading ${shown}…`);
  if (!resolved.ok) return reject(generation, shown, [resolved.problem], 1, true);
  const host = resolved.url.host;
  const network = (message: string) => reject(generation, shown, [{ path: '', message }], 1, true);

  // One controller for the caller (a newer load, the page closing) and the timeout, over the
  // headers and the whole body: a server that answers and then stalls is stopped too.
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let response: Response;
  let body: Blob | { tooLarge: number };
  try {
    try {
      response = await fetch(resolved.url, { signal: controller.signal, credentials: 'same-origin' });
    } catch (err) {
      if (signal?.aborted) return { status: 'superseded' };
      if (timedOut) return network(networkMessages.timeout(host));
      return network(networkMessages.unreachable(host, err instanceof Error ? err.message : String(err)));
    }
    if (!response.ok) return network(networkMessages.status(host, response.status, response.statusText));
    try {
      body = await readCapped(response);
    } catch (err) {
      if (signal?.aborted) return { status: 'superseded' };
      if (timedOut) return network(networkMessages.timeout(host));
      return network(networkMessages.brokeOff(host, err instanceof Error ? err.message : String(err)));
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) return { status: 'superseded' };
  if ('tooLarge' in body) return reject(generation, shown, [{ path: '', message: tooLargeMessage(body.tooLarge) }]);
  const outcome = await parseDatasetBlob(body);
  if (signal?.aborted) return { status: 'superseded' };
  if (!outcome.ok) return reject(generation, shown, outcome.problems, outcome.problemCount);
  if (!useImportStore.getState().finish(generation, null)) return { status: 'superseded' };
  // After redirects the response's URL is the server that really sent the data: that is the one named.
  const origin = urlOrigin(response.url || resolved.url.href, resolved.url.href);
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
