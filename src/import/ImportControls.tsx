import { lazy, Suspense, useRef, useState } from 'react';
import { JsonFileButton } from '../components/JsonFileButton';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';
import { loadDatasetFile } from './loadDataset';
import { useRestoreBuiltIn } from './useRestoreBuiltIn';
import './import.css';

// The CSV import (its dialog, papaparse and the worker) loads the first time it is used.
const CsvImportDialog = lazy(() => import('./csv/CsvImportDialog'));

/**
 * The header's "Load dataset…" (a button over a hidden file input) and "Restore the built-in
 * dataset". Both stay available whatever is on screen, including when the built-in data failed;
 * while other data is on screen, "Restore the built-in dataset" is the data-origin banner's.
 */
export function ImportControls({ builtInUrl }: { builtInUrl?: string }) {
  const restore = useRestoreBuiltIn(builtInUrl);
  const busy = useImportStore((s) => s.busy);
  const originKind = useDashboardStore((s) => s.datasetOrigin.kind);
  const hasDataset = useDashboardStore((s) => s.dataset !== null);
  const showingBuiltIn = hasDataset && originKind === 'built-in';
  const bannerShowsRestore = hasDataset && originKind !== 'built-in';
  const csvInput = useRef<HTMLInputElement>(null);
  const [csvFile, setCsvFile] = useState<File | null>(null);

  return (
    <div className="import-controls">
      <JsonFileButton aria-describedby="import-hint" inputLabel="Dataset file" inputTestId="dataset-file-input" onFile={(file) => void loadDatasetFile(file)}>
        Load dataset…
      </JsonFileButton>
      <button type="button" className="button" onClick={() => csvInput.current?.click()}>
        Import CSV…
      </button>
      <input
        ref={csvInput}
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        hidden
        aria-label="CSV file"
        data-testid="csv-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) setCsvFile(file);
        }}
      />
      {!bannerShowsRestore && (
        <button type="button" className="button" disabled={showingBuiltIn} title={showingBuiltIn ? 'The built-in dataset is on screen' : undefined} onClick={restore}>
          Restore the built-in dataset
        </button>
      )}
      <span id="import-hint" className="sr-only">
        A JSON file in the dashboard's dataset format, up to 50 MB. You can also drop it anywhere on the page.
      </span>
      <span className="import-controls__status" role="status">
        {busy ?? ''}
      </span>
      {csvFile && (
        <Suspense fallback={<span role="status">Opening the CSV import…</span>}>
          <CsvImportDialog key={`${csvFile.name}-${csvFile.lastModified}-${csvFile.size}`} file={csvFile} onClose={() => setCsvFile(null)} />
        </Suspense>
      )}
    </div>
  );
}
