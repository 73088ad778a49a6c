import { encodeRows, transferables, type EncodedTable } from '../data/columnTransfer';
import type { TableModel } from '../crossfilter/tableModel';
import { buildCsv, type CsvMeta } from './csv';
import { csvBlob } from './csvBlob';

export interface CsvBuildRequest {
  table: Omit<TableModel, 'rows'>;
  rows: EncodedTable;
  meta: CsvMeta;
}

/**
 * `buildCsv` in a Web Worker (one per file), so a 100,000-row table downloads without freezing the
 * page; the rows are sent as columns, encoded in slices. Where workers are unavailable (jsdom) or
 * fail, the same builder runs here: the file's content never depends on where it was written.
 */
export async function buildCsvBlob(table: TableModel, meta: CsvMeta): Promise<Blob> {
  const onMainThread = () => csvBlob(buildCsv(table, meta));
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./csvBuild.worker.ts', import.meta.url), { type: 'module', name: 'csv-export' });
  } catch {
    return onMainThread();
  }
  const { rows, ...rest } = table;
  const encoded = await encodeRows(rows, { sliceMs: 20 });
  return new Promise<Blob>((resolve) => {
    const fallBack = () => {
      worker.terminate();
      resolve(onMainThread());
    };
    worker.onmessage = (event: MessageEvent<{ blob: Blob } | { error: string }>) => {
      if ('error' in event.data) return fallBack();
      worker.terminate();
      resolve(event.data.blob);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessageerror = fallBack;
    worker.postMessage({ table: rest, rows: encoded, meta } satisfies CsvBuildRequest, transferables(encoded));
  });
}
