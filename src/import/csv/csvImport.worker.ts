/**
 * The CSV import off the main thread: decoding, parsing and checking 100,000 rows would freeze
 * the page. Keeps the parsed rows between "read" and "build", so mapping columns never sends
 * the file back and forth. The built dataset goes back as columns with its JSON already written,
 * so the page neither rebuilds 100k objects in one task nor serialises them to store them.
 */
import { CsvSession } from './csvSession';
import { decodeDataset, encodeDataset, transferables } from '../../data/columnTransfer';
import type { CsvRequest, CsvResponse } from './csvImporter';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CsvRequest>) => void) | null; postMessage: (message: CsvResponse, transfer?: Transferable[]) => void };
const session = new CsvSession();

scope.onmessage = (event) => void answer(event.data);

async function answer(request: CsvRequest): Promise<void> {
  try {
    if (request.kind === 'read') {
      const bytes = new Uint8Array(await request.blob.arrayBuffer());
      scope.postMessage({ kind: 'preview', preview: session.read(bytes, request.encoding, request.fileName) });
      return;
    }
    const current = request.current ? await decodeDataset(request.current, { sliceMs: Infinity }) : null;
    const outcome = session.build(request.options, current);
    if (!outcome.ok) {
      scope.postMessage({ kind: 'built', outcome });
      return;
    }
    const { dataset, ...rest } = outcome;
    const encoded = await encodeDataset(dataset);
    const json = new Blob([JSON.stringify(dataset)], { type: 'application/json' });
    scope.postMessage({ kind: 'built', outcome: { ...rest, encoded, json } }, transferables(encoded));
  } catch (err) {
    scope.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}
