import type { Dataset } from '../data/schema';
import type { DatasetOrigin } from '../store/datasetSlice';

export const DASHBOARD_TITLE = 'Pakistan–United States relations, 2001–2024';

export function AppHeader({ dataset, origin }: { dataset: Dataset | null; origin?: DatasetOrigin }) {
  return (
    <header className="app-header">
      <div>
        <h1 className="app-header__title">{DASHBOARD_TITLE}</h1>
        <p className="app-header__subtitle">Aid, drone strikes, border incidents and the cooperation–friction record, with Operation Enduring Freedom (2001–2014) at the centre.</p>
      </div>
      {dataset && (
        <dl className="app-header__meta">
          <div>
            <dt>Coverage</dt>
            <dd>
              {dataset.coverage.from}–{dataset.coverage.to}
            </dd>
          </div>
          <div>
            <dt>Data version</dt>
            <dd>{dataset.version}</dd>
          </div>
          {origin && (
            <div>
              <dt>Dataset</dt>
              <dd>{origin.label}</dd>
            </div>
          )}
        </dl>
      )}
    </header>
  );
}
