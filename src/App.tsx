import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { FilterBar } from './components/FilterBar';
import { DashboardExportMenu } from './export/DashboardExportMenu';
import { Notices } from './components/Notices';
import { useUrlSync } from './url/useUrlSync';
import { DashboardSkeleton, DatasetProblemsView, NetworkErrorView } from './components/LoadStates';
import { DatasetInvalidError, useDatasetQuery } from './data/datasetQuery';
import { PANEL_VIEWS } from './panels/panelViews';
import { BUILT_IN_ORIGIN } from './store/datasetSlice';
import { useDashboardStore } from './store/store';
import { ImportControls } from './import/ImportControls';
import { ImportProblems } from './import/ImportProblems';
import { DropOverlay } from './import/DropOverlay';
import { useDataParam } from './import/useDataParam';
import { usePersistedDataset } from './import/usePersistedDataset';
import { DataOriginBanner } from './import/DataOriginBanner';
import { DataOriginConfirm } from './import/DataOriginConfirm';
import { SeminarControls, SeminarRoot } from './seminar/SeminarEntry';
import { SkipLinks } from './components/SkipLinks';
import { DASHBOARD_ID, PanelAnchorsContext } from './components/focusTargets';
import { PANELS } from './panels/registry';

function Dashboard() {
  const dataset = useDashboardStore((s) => s.dataset);
  useUrlSync(dataset);
  if (!dataset) return null;
  return (
    <>
      <Notices />
      <FilterBar dataset={dataset} />
      <DashboardExportMenu />
      <div className="panel-grid">
        <PanelAnchorsContext value={true}>
          {PANEL_VIEWS.map(({ id, Component }) => (
            <Component key={id} />
          ))}
        </PanelAnchorsContext>
      </div>
    </>
  );
}

/**
 * Loads the built-in dataset into the store (or, with `?data=<url>`, the dataset at that
 * address, falling back to the built-in one if it fails), and shows the loading, failure and
 * invalid states. A user's own file comes in through the header's import controls.
 */
export function App({ datasetUrl }: { datasetUrl?: string }) {
  const query = useDatasetQuery(datasetUrl);
  const remote = useDataParam();
  const persisted = usePersistedDataset();
  const waiting = remote.pending || persisted.pending;
  const dataset = useDashboardStore((s) => s.dataset);
  const datasetOrigin = useDashboardStore((s) => s.datasetOrigin);
  const setDataset = useDashboardStore((s) => s.setDataset);

  useEffect(() => {
    // The built-in dataset fills an empty dashboard only: it never replaces a dataset the user
    // brought (a file loaded early, or a `?data=` address still loading or already loaded).
    if (query.data && !waiting && useDashboardStore.getState().dataset === null) setDataset(query.data, BUILT_IN_ORIGIN);
  }, [query.data, waiting, setDataset]);

  let body;
  if (dataset) body = <Dashboard />;
  else if (waiting) body = <DashboardSkeleton />;
  else if (query.error instanceof DatasetInvalidError) body = <DatasetProblemsView problems={query.error.problems} />;
  else if (query.error) body = <NetworkErrorView message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  else body = <DashboardSkeleton />;

  return (
    <div className="app">
      <SkipLinks panels={dataset ? PANELS : []} />
      <AppHeader dataset={dataset} origin={datasetOrigin} banner={<DataOriginBanner {...(datasetUrl !== undefined ? { builtInUrl: datasetUrl } : {})} />}>
        <SeminarControls />
        <ImportControls {...(datasetUrl !== undefined ? { builtInUrl: datasetUrl } : {})} />
      </AppHeader>
      <main className="app-main" id={DASHBOARD_ID} tabIndex={-1}>
        <ImportProblems />
        {body}
      </main>
      {remote.confirm && <DataOriginConfirm confirm={remote.confirm} />}
      <DropOverlay />
      <SeminarRoot />
    </div>
  );
}
