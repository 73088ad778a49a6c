import { decodeDataset } from '../data/columnTransfer';
import { adoptDatasetIndex } from '../crossfilter/datasetIndex';
import type { ParseOutcome, WireOutcome } from './parseOutcome';

async function parseOnMainThread(blob: Blob): Promise<ParseOutcome> {
  try {
    // Loaded here, not at start-up: the validator (zod) is needed only once a file is checked.
    const { parseToOutcome } = await import('./parseOutcome');
    return parseToOutcome(await blob.text());
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ path: '', message: `the file could not be read: ${reason}` }], problemCount: 1 };
  }
}

/**
 * Validates a dataset file in a Web Worker (one per file, ended when it answers). Where workers
 * are unavailable (jsdom, very old browsers) or the worker fails to start, the same function runs
 * on the main thread, so the result never depends on which path was taken. The worker's dataset
 * arrives as columns and is rebuilt here in slices (columnTransfer.ts), so no task holds the page.
 */
export function parseDatasetBlob(blob: Blob): Promise<ParseOutcome> {
  if (typeof Worker === 'undefined') return parseOnMainThread(blob);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parseDataset.worker.ts', import.meta.url), { type: 'module', name: 'parse-dataset' });
    } catch {
      resolve(parseOnMainThread(blob));
      return;
    }
    worker.onmessage = (event: MessageEvent<WireOutcome>) => {
      worker.terminate();
      const answer = event.data;
      if (!answer.ok) return resolve(answer);
      resolve(
        decodeDataset(answer.encoded).then((dataset) => {
          adoptDatasetIndex(dataset, answer.index);
          return { ok: true, dataset, warnings: answer.warnings };
        }),
      );
    };
    const fallBack = (event: Event) => {
      event.preventDefault();
      worker.terminate();
      resolve(parseOnMainThread(blob));
    };
    worker.onerror = fallBack;
    worker.onmessageerror = fallBack;
    worker.postMessage({ blob });
  });
}
