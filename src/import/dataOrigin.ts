/**
 * Where the data on screen came from, in words: one source of truth for the banner, the header,
 * present mode and every export, so none of them can show foreign figures without saying so.
 */
import type { DatasetOrigin } from '../store/datasetSlice';

/** "data.example.org", "the file pbc.csv"; null for the built-in dataset. */
export function originSource(origin: DatasetOrigin): string | null {
  if (origin.kind === 'built-in') return null;
  if (origin.remote) return origin.remote.host;
  if (origin.local) return origin.local.merged ? `the built-in dataset plus the file ${origin.local.fileName}` : `the file ${origin.local.fileName}`;
  return origin.label;
}

/**
 * "Data from data.example.org, not the dashboard’s built-in dataset": the line every export and
 * slide carries when the data is not the shipped dataset; null when it is.
 */
export function originStatement(origin: DatasetOrigin): string | null {
  const source = originSource(origin);
  return source === null ? null : `Data from ${source}, not the dashboard’s built-in dataset`;
}

/** The statement with the full address (for metadata, where length does not matter); null for the built-in dataset. */
export function originDetails(origin: DatasetOrigin): string | null {
  const statement = originStatement(origin);
  if (statement === null) return null;
  return origin.remote ? `${statement} (address: ${origin.remote.url})` : statement;
}
