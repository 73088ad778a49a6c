import type { ReactNode } from 'react';
import type { Dataset } from '../data/schema';
import type { DatasetOrigin } from '../store/datasetSlice';
import { DownloadDataButton } from './DownloadDataButton';

export const DASHBOARD_TITLE = 'Pakistan–United States relations, 2001–2024';

/**
 * The title, what the data on screen is (coverage, version and where it came from, so nobody
 * mistakes a custom file for the shipped one), the header controls passed as children, and a
 * full-width banner under them (the data-origin banner).
 */
export function AppHeader({ dataset, origin, children, banner }: { dataset: Dataset | null; origin?: DatasetOrigin; children?: ReactNode; banner?: ReactNode }) {
  const foreign = origin !== undefined && origin.kind !== 'built-in';
  return (
    <header className="app-header">
      <div>
        <h1 className="app-header__title">{DASHBOARD_TITLE}</h1>
        <p className="app-header__subtitle">Aid, drone strikes, border incidents and the cooperation–friction record, with Operation Enduring Freedom (2001–2014) at the centre.</p>
      </div>
      <div className="app-header__side">
        {dataset && (
          <dl className="app-header__meta">
            <div>
              <dt>Coverage</dt>
              <dd>
                {dataset.coverage.from}–{dataset.coverage.to}
              </dd>
            </div>
            <div>
              {/* Another file's version is that file's claim, not a version of the dashboard's data. */}
              <dt>{foreign ? 'Version (as the file says)' : 'Data version'}</dt>
              <dd className="app-header__clip">{dataset.version}</dd>
            </div>
            {origin && (
              <div>
                <dt>Dataset</dt>
                <dd className="app-header__clip app-header__origin" data-origin={origin.kind} title={origin.label}>
                  {origin.label}
                </dd>
              </div>
            )}
          </dl>
        )}
        {children}
        {dataset && <DownloadDataButton dataset={dataset} {...(origin ? { origin } : {})} />}
      </div>
      {banner}
    </header>
  );
}
