/**
 * The CSV import off the main thread: decoding, parsing and checking 100,000 rows would freeze
 * the page. Keeps the parsed rows between "read" and "build", so mapping columns never sends
 * the file back and forth.
 */
import { CsvSession } from './csvSession';
import type { CsvRequest, CsvResponse } from './csvImporter';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CsvRequest>) => void) | null; postMessage: (message: CsvResponse) => void };
const session = new CsvSession();

scope.onmessage = (event) => void answer(event.data);

async function answer(request: CsvRequest): Promise<void> {
  try {
    if (request.kind === 'read') {
      const bytes = new Uint8Array(await request.blob.arrayBuffer());
      scope.postMessage({ kind: 'preview', preview: session.read(bytes, request.encoding, request.fileName) });
    } else {
      scope.postMessage({ kind: 'built', outcome: session.build(request.options, request.current) });
    }
  } catch (err) {
    scope.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}
