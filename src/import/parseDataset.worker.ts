/**
 * Reads and validates a dataset off the main thread, so a 50 MB file does not freeze the page.
 * Receives a Blob (a File or a fetched body), answers with a ParseOutcome whose dataset travels
 * as columns (columnTransfer.ts), its typed arrays transferred rather than copied, with the parts
 * of the cross-filter index that cost a pass over every strike (crossfilter/datasetIndex.ts).
 */
import { encodeDataset, transferables } from '../data/columnTransfer';
import { buildDatasetIndex, datasetIndexTransferables } from '../crossfilter/datasetIndex';
import { deriveStrikeYears } from '../panels/drones/droneSelectors';
import { strikesPerFiscalYear } from '../panels/lens/lensSelectors';
import type { Dataset } from '../data/schema';
import { strikesOfTracker, strikeTrackers } from '../data/trackers';
import { parseToOutcome, type DerivedViews, type WireOutcome } from './parseOutcome';

/** The drone panel's per-year rows, for each tracker's view of the strikes (one view when there is one tracker), and the lens panel's counts. */
function derivedViews(dataset: Dataset): DerivedViews {
  const strikes = dataset.strikes;
  if (!strikes) return { strikeYears: [], strikesPerFiscalYear: null };
  const trackers = strikeTrackers(strikes);
  // null: all the strikes (the derived series over every tracker), then each tracker on its own.
  const views = trackers.length > 1 ? [null, ...trackers] : [null];
  return { strikeYears: views.map((tracker) => ({ tracker, rows: deriveStrikeYears(strikesOfTracker(strikes, tracker)) })), strikesPerFiscalYear: strikesPerFiscalYear(strikes) };
}

export interface ParseRequest {
  blob: Blob;
}

// Typed by hand: the project compiles with the DOM library, whose `self` is a Window.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage: (message: WireOutcome, transfer: Transferable[]) => void;
};

scope.onmessage = (event) => void answer(event.data);

async function answer(request: ParseRequest): Promise<void> {
  let outcome: WireOutcome;
  try {
    const parsed = parseToOutcome(await request.blob.text());
    outcome = parsed.ok
      ? { ok: true, encoded: await encodeDataset(parsed.dataset), index: buildDatasetIndex(parsed.dataset), derived: derivedViews(parsed.dataset), warnings: parsed.warnings }
      : parsed;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    outcome = { ok: false, problems: [{ path: '', message: `the file could not be read: ${reason}` }], problemCount: 1 };
  }
  scope.postMessage(outcome, outcome.ok ? [...transferables(outcome.encoded), ...datasetIndexTransferables(outcome.index)] : []);
}
