/**
 * Writes a panel's CSV off the main thread: 100,000 map rows take the page's builder (csv.ts)
 * half a second or more. The rows arrive as columns (data/columnTransfer.ts); the file goes back
 * as a Blob, which crosses the boundary by reference.
 */
import { decodeRows } from '../data/columnTransfer';
import type { CellValue } from '../crossfilter/tableModel';
import { buildCsv } from './csv';
import { csvBlob } from './csvBlob';
import type { CsvBuildRequest } from './csvOffThread';

const scope = self as unknown as { onmessage: ((event: MessageEvent<CsvBuildRequest>) => void) | null; postMessage: (message: { blob: Blob } | { error: string }) => void };

scope.onmessage = (event) => void answer(event.data);

async function answer({ table, rows, meta }: CsvBuildRequest): Promise<void> {
  try {
    const decoded = (await decodeRows(rows, { sliceMs: Infinity })) as Record<string, CellValue>[];
    scope.postMessage({ blob: csvBlob(buildCsv({ ...table, rows: decoded }, meta)) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}
