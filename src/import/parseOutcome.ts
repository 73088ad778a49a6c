import type { Dataset } from '../data/schema';
import { PROBLEM_LIST_LIMIT, parseDatasetText, type DatasetProblem } from '../data/validation';
import { unknownFieldsWarning } from '../data/unknownFields';
import type { EncodedDataset } from '../data/columnTransfer';
import type { DatasetIndex } from '../crossfilter/datasetIndex';

type Rejected = { ok: false; problems: DatasetProblem[]; problemCount: number };

/** A parse result: a long problem list arrives capped, with its full count. */
export type ParseOutcome = { ok: true; dataset: Dataset; warnings: string[] } | Rejected;

/** The same as it crosses the worker boundary: the dataset as columns (columnTransfer.ts), with the index the worker built. */
export type WireOutcome = { ok: true; encoded: EncodedDataset; index: DatasetIndex; warnings: string[] } | Rejected;

/** Parses and validates, capping the problem list so a file with a million faults stays cheap to send and show. */
export function parseToOutcome(text: string): ParseOutcome {
  const result = parseDatasetText(text);
  if (result.ok) {
    const warning = unknownFieldsWarning(result.unknownFields);
    return { ok: true, dataset: result.dataset, warnings: warning ? [warning] : [] };
  }
  return { ok: false, problems: result.problems.slice(0, PROBLEM_LIST_LIMIT), problemCount: result.problems.length };
}
