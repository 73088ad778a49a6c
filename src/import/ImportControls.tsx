import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { datasetQueryOptions } from '../data/datasetQuery';
import { useDashboardStore } from '../store/store';
import { useImportStore } from './importStore';
import { loadDatasetFile, restoreBuiltInDataset } from './loadDataset';
import './import.css';

/**
 * The header's "Load dataset…" (a button over a hidden file input) and "Restore the built-in
 * dataset". Both stay available whatever is on screen, including when the built-in data failed.
 */
export function ImportControls({ builtInUrl }: { builtInUrl?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const busy = useImportStore((s) => s.busy);
  const originKind = useDashboardStore((s) => s.datasetOrigin.kind);
  const hasDataset = useDashboardStore((s) => s.dataset !== null);
  const showingBuiltIn = hasDataset && originKind === 'built-in';

  return (
    <div className="import-controls">
      <button type="button" className="button" onClick={() => inputRef.current?.click()} aria-describedby="import-hint">
        Load dataset…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Dataset file"
        data-testid="dataset-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared so picking the same file again (after fixing it) fires a change.
          event.currentTarget.value = '';
          if (file) void loadDatasetFile(file);
        }}
      />
      <button
        type="button"
        className="button"
        disabled={showingBuiltIn}
        title={showingBuiltIn ? 'The built-in dataset is on screen' : undefined}
        onClick={() => void restoreBuiltInDataset(() => queryClient.fetchQuery(datasetQueryOptions(builtInUrl)))}
      >
        Restore the built-in dataset
      </button>
      <span id="import-hint" className="sr-only">
        A JSON file in the dashboard's dataset format, up to 50 MB. You can also drop it anywhere on the page.
      </span>
      <span className="import-controls__status" role="status">
        {busy ?? ''}
      </span>
    </div>
  );
}
