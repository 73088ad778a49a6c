/**
 * Writes a panel's CSV off the main thread: 100,000 map rows take the builder (csv.ts) half a
 * second or more. The rows arrive as columns (data/columnTransfer.ts).
 */
import { decodeRows } from '../data/columnTransfer';
import { buildCsv, type TidyTable } from './csv';
import type { CsvBuildRequest } from './csvOffThread';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CsvBuildRequest>) => void) | null; postMessage: (message: { text: string } | { error: string }) => void };

scope.onmessage = (event) => void answer(event.data);

async function answer({ fields, rows }: CsvBuildRequest): Promise<void> {
  try {
    const decoded = (await decodeRows(rows, { sliceMs: Infinity })) as TidyTable['rows'];
    scope.postMessage({ text: buildCsv({ fields, rows: decoded }) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
