import type { Dataset } from '../data/schema';
import { downloadBlob } from '../export/download';
import { slugify } from '../export/fileName';

/** "Download dataset": the data on screen as a file the dashboard loads again (and a link's recipient can load). */
export function downloadDataset(dataset: Dataset, fileName?: string): void {
  const base = fileName ? slugify(fileName.replace(/\.[a-z0-9]+$/i, '')) : slugify(dataset.title);
  downloadBlob(new Blob([`${JSON.stringify(dataset, null, 1)}\n`], { type: 'application/json' }), `${base || 'dataset'}.dataset.json`);
}
