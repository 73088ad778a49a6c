/**
 * What every export says about its data: a credit line, and, when the data is not the
 * dashboard's built-in dataset, where it came from. A foreign file's own "version" is not
 * given as a data version of the dashboard's: the credit names it only for the built-in data.
 */
import { DASHBOARD_TITLE } from '../components/AppHeader';
import type { Dataset } from '../data/schema';
import { originDetails, originStatement } from '../import/dataOrigin';
import type { DatasetOrigin } from '../store/datasetSlice';

export interface ExportProvenance {
  /** "Pakistan–United States relations, 2001–2024 · dashboard export · data version 2024-06-01" */
  credit: string;
  /** "Data from data.example.org, not the dashboard’s built-in dataset"; null for the built-in dataset. */
  origin: string | null;
  /** The origin with the full address, for metadata (CSV, SVG, document properties); null for the built-in dataset. */
  details: string | null;
}

export function exportProvenance(dataset: Dataset, origin: DatasetOrigin): ExportProvenance {
  const statement = originStatement(origin);
  return {
    credit: statement === null ? `${DASHBOARD_TITLE} · dashboard export · data version ${dataset.version}` : `${DASHBOARD_TITLE} · dashboard export`,
    origin: statement,
    details: originDetails(origin),
  };
}
