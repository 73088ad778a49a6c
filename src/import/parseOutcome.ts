import type { Dataset } from '../data/schema';
import { PROBLEM_LIST_LIMIT, parseDatasetText, type DatasetProblem } from '../data/validation';

/** A parse result as it crosses the worker boundary: a long problem list arrives capped, with its full count. */
export type ParseOutcome = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[]; problemCount: number };

/** Parses and validates, capping the problem list so a file with a million faults stays cheap to send and show. */
export function parseToOutcome(text: string): ParseOutcome {
  const result = parseDatasetText(text);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.slice(0, PROBLEM_LIST_LIMIT), problemCount: result.problems.length };
}
