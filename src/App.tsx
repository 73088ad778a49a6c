import { useEffect } from 'react';
import { AppHeader } from './components/AppHeader';
import { FilterBar } from './components/FilterBar';
import { Notices } from './components/Notices';
import { useUrlSync } from './url/useUrlSync';
import { DashboardSkeleton, DatasetProblemsView, NetworkErrorView } from './components/LoadStates';
import { DatasetInvalidError, useDatasetQuery } from './data/datasetQuery';
import { PANELS } from './panels/registry';
import { BUILT_IN_ORIGIN } from './store/datasetSlice';
import { useDashboardStore } from './store/store';

function Dashboard() {
  const dataset = useDashboardStore((s) => s.dataset);
  useUrlSync(dataset);
  if (!dataset) return null;
  return (
    <>
      <Notices />
      <FilterBar dataset={dataset} />
      <div className="panel-grid">
        {PANELS.map(({ id, Component }) => (
          <Component key={id} />
        ))}
      </div>
    </>
  );
}

/** Loads the built-in dataset into the store, and shows the loading, failure and invalid states. */
export function App({ datasetUrl }: { datasetUrl?: string }) {
  const query = useDatasetQuery(datasetUrl);
  const dataset = useDashboardStore((s) => s.dataset);
  const datasetOrigin = useDashboardStore((s) => s.datasetOrigin);
  const setDataset = useDashboardStore((s) => s.setDataset);

  useEffect(() => {
    if (query.data) setDataset(query.data, BUILT_IN_ORIGIN);
  }, [query.data, setDataset]);

  let body;
  if (dataset) body = <Dashboard />;
  else if (query.error instanceof DatasetInvalidError) body = <DatasetProblemsView problems={query.error.problems} />;
  else if (query.error) body = <NetworkErrorView message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  else body = <DashboardSkeleton />;

  return (
    <div className="app">
      <AppHeader dataset={dataset} origin={datasetOrigin} />
      <main className="app-main">{body}</main>
    </div>
  );
}
