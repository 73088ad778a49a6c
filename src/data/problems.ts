/**
 * A dataset problem as people read it, and its wording: the load-failure view, the import report
 * and the deck import show these without loading the validator (zod), which runs only when a file
 * is actually checked (validation.ts). zod's types only: the deck import turns zod errors into
 * the same problems without loading the dataset schema.
 */
import type { z } from 'zod';

export interface DatasetProblem {
  /** JSON path in the familiar dotted form: `aid[12].amount`; empty for the whole document. */
  path: string;
  message: string;
  /** The offending value, shortened for display; absent when the value is missing. */
  got?: string;
  /** The `id` of the row the problem is in, when the row has one: people know rows by id, not position. */
  rowId?: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const GOT_LIMIT = 60;

export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else if (value !== null && typeof value === 'object') text = 'an object';
  else text = JSON.stringify(value) ?? String(value);
  return text.length > GOT_LIMIT ? `${text.slice(0, GOT_LIMIT - 1)}…` : text;
}

export function formatProblem(problem: DatasetProblem): string {
  const where = problem.path ? `${problem.path}: ` : '';
  const got = problem.got !== undefined ? ` (got ${problem.got})` : '';
  return `${where}${problem.message}${got}`;
}

/** Most problems a parse reports in full; a file with more is summarised by `problemCount`. */
export const PROBLEM_LIST_LIMIT = 1000;

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function messageFor(issue: z.core.$ZodIssue, found: boolean): string {
  if (issue.code === 'invalid_type') {
    if (!found) return 'is required but missing';
    // A message set on the schema (e.g. "must be a number ≥ 0") says more than the generic one.
    if (!issue.message.startsWith('Invalid input')) return issue.message;
    return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return issue.message;
}

/** The id of the table row a path points into (`strikes[367].civiliansMin` → that row's id). */
function rowIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path.length < 2 || typeof path[0] !== 'string' || typeof path[1] !== 'number') return undefined;
  const row = valueAt(input, path.slice(0, 2));
  const id = row.found && row.value !== null && typeof row.value === 'object' ? (row.value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * One problem per JSON path: zod keeps checking a value after its first failure, so "17/06/2004"
 * would also be "not a real calendar date" and "outside 1947–2030". The first check that fails
 * (the format) is the one worth reading; the others follow from it.
 */
export function problemsFromZod(error: z.ZodError, input: unknown): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    const { found, value } = valueAt(input, issue.path);
    const problem: DatasetProblem = { path, message: messageFor(issue, found) };
    if (found && issue.code !== 'unrecognized_keys') problem.got = describeValue(value);
    const rowId = rowIdAt(input, issue.path);
    if (rowId !== undefined) problem.rowId = rowId;
    problems.push(problem);
  }
  return problems;
}
