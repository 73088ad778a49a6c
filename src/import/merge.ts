/**
 * "Add to current data": a user's rows joined to the dataset on screen. Nothing already there is
 * ever replaced: a row whose id is taken (or a source id taken by a different source) is left
 * out and reported. Strike rows keep their `tracker`, so TBIJ's and PBC's reports of the same
 * strike stay two rows of two trackers, which the panels never add up.
 */
import type { Dataset } from '../data/schema';
import type { DatasetProblem } from '../data/validation';

export interface MergeResult {
  dataset: Dataset;
  /** One problem per incoming row that was not added because its id is already taken. */
  clashes: DatasetProblem[];
  /** Rows added, per table. */
  added: Record<string, number>;
}

type Row = Record<string, unknown>;

/** What identifies a row: its id, or (for the yearly strike table) tracker series and year. */
function rowKey(row: Row): string | null {
  if (typeof row.id === 'string') return row.id;
  if (typeof row.series === 'string' && typeof row.year === 'number') return `${row.series}/${row.year}`;
  return null;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeDatasets(current: Dataset, incoming: Partial<Dataset> & Pick<Dataset, 'sources'>): MergeResult {
  const clashes: DatasetProblem[] = [];
  const added: Record<string, number> = {};
  const merged: Record<string, unknown> = { ...current };

  const currentSources = new Map(current.sources.map((s) => [s.id, s]));
  const sources = [...current.sources];
  incoming.sources.forEach((source, i) => {
    const existing = currentSources.get(source.id);
    if (!existing) {
      sources.push(source);
      currentSources.set(source.id, source);
    } else if (!sameJson(existing, source)) {
      clashes.push({ path: `sources[${i}].id`, rowId: source.id, message: `is already the id of a different source in the current data; the current source is kept`, got: JSON.stringify(source.id) });
    }
  });
  merged.sources = sources;
  added.sources = sources.length - current.sources.length;

  for (const [table, value] of Object.entries(incoming)) {
    if (table === 'sources' || !Array.isArray(value)) continue;
    const existing = ((current as unknown as Record<string, unknown>)[table] as Row[] | undefined) ?? [];
    const taken = new Set(existing.map(rowKey).filter((k): k is string => k !== null));
    const out = existing.slice();
    (value as Row[]).forEach((row, i) => {
      const key = rowKey(row);
      if (key !== null && taken.has(key)) {
        clashes.push({ path: `${table}[${i}].id`, rowId: key, message: 'is already in the current data; this row was not added, so nothing was overwritten', got: JSON.stringify(key) });
        return;
      }
      if (key !== null) taken.add(key);
      out.push(row);
    });
    merged[table] = out;
    added[table] = out.length - existing.length;
  }

  const from = Math.min(current.coverage.from, incoming.coverage?.from ?? current.coverage.from);
  const to = Math.max(current.coverage.to, incoming.coverage?.to ?? current.coverage.to);
  merged.coverage = { from, to };
  return { dataset: merged as unknown as Dataset, clashes, added };
}
