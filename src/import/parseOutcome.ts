import type { Dataset, StrikeYear, Tracker } from '../data/schema';
import { PROBLEM_LIST_LIMIT, parseDatasetText, type DatasetProblem } from '../data/validation';
import { unknownFieldsWarning } from '../data/unknownFields';
import { neutralizedDataset } from './neutralized';
import type { EncodedDataset } from '../data/columnTransfer';
import type { DatasetIndex } from '../crossfilter/datasetIndex';

type Rejected = { ok: false; problems: DatasetProblem[]; problemCount: number };

/** A parse result: a long problem list arrives capped, with its full count. */
export type ParseOutcome = { ok: true; dataset: Dataset; warnings: string[] } | Rejected;

/** The same as it crosses the worker boundary: the dataset as columns (columnTransfer.ts), with the index the worker built. */
export type WireOutcome = { ok: true; encoded: EncodedDataset; index: DatasetIndex; derived: DerivedViews; warnings: string[] } | Rejected;

/**
 * Panel aggregates over every strike that the worker computes with the panels' own functions, so
 * the first render finds them cached: the drone panel's per-year rows of each tracker (24 rows
 * from 100,000 strikes, otherwise a tenth of a second inside that render), the lens panel's counts.
 */
export interface DerivedViews {
  strikeYears: { tracker: Tracker | null; rows: StrikeYear[] }[];
  /** The lens panel's strikes per US fiscal year. */
  strikesPerFiscalYear: Map<number, number> | null;
}

/**
 * Parses and validates, capping the problem list so a file with a million faults stays cheap to
 * send and show. A dataset that passes comes back with its bidirectional controls removed (done
 * here, in the worker, rather than on the page: see neutralized.ts).
 */
export function parseToOutcome(text: string): ParseOutcome {
  const result = parseDatasetText(text);
  if (result.ok) {
    const warning = unknownFieldsWarning(result.unknownFields);
    return { ok: true, dataset: neutralizedDataset(result.dataset), warnings: warning ? [warning] : [] };
  }
  return { ok: false, problems: result.problems.slice(0, PROBLEM_LIST_LIMIT), problemCount: result.problems.length };
}
