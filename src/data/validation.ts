/**
 * Turns a JSON text into a checked dataset, or into a list of plain-language problems.
 * The same function serves the shipped dataset, a researcher's file and the scripts, so a
 * message a user sees in the app is the message `npm run data:check` prints.
 */
// First: zod without `new Function` (the CSP has no 'unsafe-eval'), before any schema exists.
import './zodConfig';
import { DatasetSchema } from './datasetSchema';
import type { Dataset } from './schema';
import { locateJsonSyntaxError } from './jsonSyntax';
import { findUnknownFields, type UnknownField } from './unknownFields';
import { describeValue, problemsFromZod, type DatasetProblem } from './problems';

// The wording helpers live in problems.ts (no zod); re-exported so callers keep one import.
export { describeValue, formatPath, formatProblem, problemsFromZod, PROBLEM_LIST_LIMIT, type DatasetProblem } from './problems';

export type ParseResult = { ok: true; dataset: Dataset; unknownFields: UnknownField[] } | { ok: false; problems: DatasetProblem[] };

/** Validates an already-parsed value. */
export function validateDataset(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'the dataset must be a JSON object with a "sources" list and data tables', got: describeValue(input) }] };
  }
  const result = DatasetSchema.safeParse(input);
  if (result.success) return { ok: true, dataset: result.data, unknownFields: findUnknownFields(input) };
  return { ok: false, problems: problemsFromZod(result.error, input) };
}

/** Parses JSON text and validates it. A leading UTF-8 byte-order mark is tolerated. */
export function parseDatasetText(text: string): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  // A UTF-16 file read as UTF-8 starts with two replacement characters (its byte-order mark) or
  // holds NUL bytes between the letters; say so instead of reporting an "unexpected character".
  if (body.startsWith('\uFFFD\uFFFD') || body.slice(0, 64).includes('\u0000')) {
    return { ok: false, problems: [{ path: '', message: 'the file is not UTF-8 text (it looks like UTF-16); save it as UTF-8 and load it again' }] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    const located = locateJsonSyntaxError(body);
    const reason = located ?? (err instanceof Error ? err.message : String(err));
    return { ok: false, problems: [{ path: '', message: `the file is not valid JSON: ${reason}` }] };
  }
  return validateDataset(parsed);
}
