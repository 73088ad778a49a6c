/**
 * After a deployment, a tab still running the old version may ask for a chunk the server (and the
 * new service worker) no longer has. The import then fails for good in this document; only a
 * reload helps. These wrappers turn that failure into the reload offer (ReloadPrompt) and a
 * message that says what happened, instead of a raw "Failed to fetch dynamically imported module".
 */
import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { offerReloadForStaleChunk } from './reloadOffer';

/** Chromium, Firefox, Safari, and Vite's CSS preload. */
const CHUNK_FAILURE = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export const STALE_CHUNK_MESSAGE = 'A new version of the dashboard has been published, and this part of the old one is no longer available. Reload to continue: your view and your slides are kept.';

export class StaleChunkError extends Error {
  override name = 'StaleChunkError';
  constructor(cause: unknown) {
    super(STALE_CHUNK_MESSAGE, { cause });
  }
}

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof StaleChunkError || (error instanceof Error && CHUNK_FAILURE.test(error.message));
}

/** `import()` for code loaded on demand: a failed chunk offers the reload and throws StaleChunkError. */
export async function importWithReload<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isChunkLoadError(error)) throw error;
    offerReloadForStaleChunk();
    throw error instanceof StaleChunkError ? error : new StaleChunkError(error);
  }
}

/** Shown where a lazily loaded component could not load; the reload offer itself is ReloadPrompt. */
function StaleChunkNotice() {
  return createElement('p', { className: 'stale-chunk-notice', role: 'alert' }, STALE_CHUNK_MESSAGE);
}

/**
 * React.lazy whose chunk failure renders a short notice in place (and offers the reload) rather
 * than throwing: several lazy components sit outside any error boundary, where a throw would
 * take the whole dashboard down. Other errors still throw.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same constraint as React.lazy's
export function lazyWithReload<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): LazyExoticComponent<T> {
  return lazy(async () => {
    try {
      return await importWithReload(load);
    } catch (error) {
      if (!(error instanceof StaleChunkError)) throw error;
      return { default: StaleChunkNotice as unknown as T };
    }
  });
}

/**
 * Vite reports every failed dynamic import and CSS preload as `vite:preloadError`; an import
 * that is not wrapped still brings up the reload offer.
 */
export function listenForStaleChunks(target: Window = window): void {
  target.addEventListener('vite:preloadError', (event) => {
    if (isChunkLoadError((event as Event & { payload?: unknown }).payload)) offerReloadForStaleChunk();
  });
}
