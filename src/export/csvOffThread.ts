import { encodeRows, transferables, type EncodedTable } from '../data/columnTransfer';
import { buildCsv, type TidyField, type TidyTable } from './csv';

export interface CsvBuildRequest {
  fields: TidyField[];
  rows: EncodedTable;
}

/**
 * `buildCsv` in a Web Worker (one per file), so a 100,000-row table downloads without freezing the
 * page; the rows are sent as columns (data/columnTransfer.ts), encoded in slices. Where workers
 * are unavailable (jsdom) or fail, the same builder runs here: the text never depends on where
 * it was written.
 */
export async function buildCsvOffThread(table: TidyTable): Promise<string> {
  const onMainThread = () => buildCsv(table);
  if (typeof Worker === 'undefined') return onMainThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./csvBuild.worker.ts', import.meta.url), { type: 'module', name: 'csv-export' });
  } catch {
    return onMainThread();
  }
  const rows = await encodeRows(table.rows, { sliceMs: 20 });
  return new Promise<string>((resolve) => {
    const fallBack = () => {
      worker.terminate();
      resolve(onMainThread());
    };
    worker.onmessage = (event: MessageEvent<{ text: string } | { error: string }>) => {
      if ('error' in event.data) return fallBack();
      worker.terminate();
      resolve(event.data.text);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessageerror = fallBack;
    worker.postMessage({ fields: table.fields, rows } satisfies CsvBuildRequest, transferables(rows));
  });
}
