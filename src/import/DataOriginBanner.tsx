import { useDashboardStore } from '../store/store';
import { downloadDataset } from './downloadDataset';
import { useRestoreBuiltIn } from './useRestoreBuiltIn';

/**
 * Says, for as long as it is on screen, that the data is not the dashboard's built-in dataset:
 * the host that served a `?data=` address (after redirects, in full: it wraps, never cut), or
 * the user's own file kept in this browser. It holds the way back, "Restore the built-in
 * dataset" (the header's own button steps aside meanwhile, so there is one button of that name).
 */
export function DataOriginBanner({ builtInUrl }: { builtInUrl?: string }) {
  const origin = useDashboardStore((s) => s.datasetOrigin);
  const dataset = useDashboardStore((s) => s.dataset);
  const restore = useRestoreBuiltIn(builtInUrl);
  if (!dataset || origin.kind === 'built-in') return null;
  const { remote, local } = origin;
  return (
    <div className="data-origin-banner" role="note" aria-label={local ? 'Your data' : 'Data origin'} data-origin={origin.kind}>
      {remote ? (
        <div className="data-origin-banner__text">
          <p>
            <strong>
              Data from <span className="data-origin__host">{remote.host}</span>
            </strong>
            , not the dashboard’s built-in dataset. Its figures are not checked against the dashboard’s sources.
          </p>
          <p className="data-origin-banner__address">
            Served from <span className="data-origin__host">{remote.url}</span>
            {remote.requested !== remote.url && (
              <>
                {' '}
                (the link asked for <span className="data-origin__host">{remote.requested}</span> and was redirected)
              </>
            )}
          </p>
        </div>
      ) : (
        <p className="data-origin-banner__text">
          <strong>{origin.label}.</strong> Kept in this browser until you choose “Restore the built-in dataset”. A copied link does not carry it.
        </p>
      )}
      <div className="data-origin-banner__actions">
        {local && (
          <button type="button" className="button" onClick={() => void downloadDataset(dataset, local.fileName)}>
            Download dataset
          </button>
        )}
        <button type="button" className="button button--primary" onClick={restore}>
          Restore the built-in dataset
        </button>
      </div>
    </div>
  );
}
