import { useState } from 'react';
import type { Dataset } from '../data/schema';
import { downloadBlob } from '../export/download';
import { originDetails } from '../import/dataOrigin';
import type { DatasetOrigin } from '../store/datasetSlice';

/**
 * "Download data": the whole dataset as a Frictionless Data Package (a ZIP of datapackage.json,
 * one CSV per table and the dataset JSON). The package code and the ZIP library load only when
 * the button is pressed.
 */
export function DownloadDataButton({ dataset, origin }: { dataset: Dataset; origin?: DatasetOrigin }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { dataPackageZip, dataPackageFileName } = await import('../export/dataPackage');
      const zip = dataPackageZip(dataset, origin ? { origin: originDetails(origin) ?? origin.label } : {});
      const name = dataPackageFileName(dataset);
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
      setMessage({ ok: true, text: `Downloaded ${name}: datapackage.json, one CSV per table and the dataset JSON.` });
    } catch (error) {
      setMessage({ ok: false, text: `The data package could not be made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="download-data">
      <button type="button" className="button" aria-busy={busy || undefined} onClick={() => void run()} title="The whole dataset as a Frictionless Data Package (ZIP): one CSV per table with its Table Schema, the sources with licences, and the JSON">
        Download data
      </button>
      {(busy || message) && (
        <p className="download-data__status" role="status">
          {busy ? 'Preparing the data package…' : message?.text}
          {message && (
            <button type="button" className="button button--link" onClick={() => setMessage(null)} aria-label="Dismiss download message">
              Dismiss
            </button>
          )}
        </p>
      )}
    </div>
  );
}
