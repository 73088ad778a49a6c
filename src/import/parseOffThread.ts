import { decodeDataset, nextTask } from '../data/columnTransfer';
import { adoptDatasetIndex } from '../crossfilter/datasetIndex';
import type { Dataset } from '../data/schema';
import { datasetForStrikeTracker, strikesOfTracker, strikeTrackers } from '../data/trackers';
import { adoptDerivedStrikeYears } from '../panels/drones/droneSelectors';
import { adoptStrikesPerFiscalYear } from '../panels/lens/lensSelectors';
import { prepareMapData } from '../panels/map/mapSelectors';
import { markNeutralized } from './neutralized';
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
 * What the first render of a large dataset would otherwise build in one go, built here in slices:
 * the map's points and table rows, for each tracker's view of the strikes (data/trackers.ts).
 */
async function readyForScreen(dataset: Dataset): Promise<void> {
  const trackers = strikeTrackers(dataset.strikes ?? []);
  for (const tracker of trackers.length > 1 ? trackers : [null]) await prepareMapData(datasetForStrikeTracker(dataset, tracker), nextTask);
}

/**
 * Validates a dataset file in a Web Worker (one per file, ended when it answers). Where workers
 * are unavailable (jsdom, very old browsers) or the worker fails to start, the same function runs
 * on the main thread, so the result never depends on which path was taken. The worker's dataset
 * arrives as columns and is rebuilt here in slices (columnTransfer.ts), and so is what its first
 * render needs (readyForScreen), so no task holds the page.
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
        decodeDataset(answer.encoded).then(async (dataset) => {
          // The worker removed the bidirectional controls before encoding (parseOutcome.ts).
          markNeutralized(dataset);
          adoptDatasetIndex(dataset, answer.index);
          if (dataset.strikes) {
            for (const { tracker, rows } of answer.derived.strikeYears) adoptDerivedStrikeYears(strikesOfTracker(dataset.strikes, tracker), rows);
            if (answer.derived.strikesPerFiscalYear) adoptStrikesPerFiscalYear(dataset.strikes, answer.derived.strikesPerFiscalYear);
          }
          await readyForScreen(dataset);
          return { ok: true, dataset, warnings: answer.warnings } as const;
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
