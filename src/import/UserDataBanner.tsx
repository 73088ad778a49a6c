import { useDashboardStore } from '../store/store';
import { downloadDataset } from './downloadDataset';

/**
 * "Your data: pbc.csv, 399 rows, loaded 2 Dec 2026, 01:10": says that the data on screen is the
 * user's own, kept in this browser, and how to share or leave it.
 */
export function UserDataBanner() {
  const origin = useDashboardStore((s) => s.datasetOrigin);
  const dataset = useDashboardStore((s) => s.dataset);
  if (!origin.local || !dataset) return null;
  return (
    <div className="user-data-banner" role="note" aria-label="Your data">
      <p>
        <strong>{origin.label}.</strong> Kept in this browser until you choose “Restore the built-in dataset”. A copied link does not carry it.
      </p>
      <button type="button" className="button" onClick={() => downloadDataset(dataset, origin.local?.fileName)}>
        Download dataset
      </button>
    </div>
  );
}
