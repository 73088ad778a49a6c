/**
 * Fields the dataset format does not have. The schema drops them when it parses, so without
 * this a file with `notes` instead of `note` would load and quietly lose every note: the user
 * is told which fields were not loaded, on how many rows, and the likely intended name.
 */
import { z } from 'zod';
import { DatasetSchema } from './datasetSchema';

export interface UnknownField {
  /** "strikes", or "" for a top-level field. */
  table: string;
  field: string;
  count: number;
  /** A known field of the same table with a close name ("note" for "notes"). */
  suggestion: string | null;
}

function objectKeys(schema: z.ZodType): string[] | null {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodArray) inner = inner.element as z.ZodType;
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : null;
}

/** Known fields per table, read from the schema itself so a table added there is covered here. */
const KNOWN: Map<string, string[]> = new Map(
  Object.entries(DatasetSchema.shape).flatMap(([table, schema]) => {
    const keys = objectKeys(schema as z.ZodType);
    return keys ? [[table, keys] as [string, string[]]] : [];
  }),
);
const TOP_LEVEL = Object.keys(DatasetSchema.shape);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known name closest to `name` (case-insensitive, at most 2 edits), if any. */
export function closestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

export function findUnknownFields(input: unknown): UnknownField[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const found: UnknownField[] = [];
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!TOP_LEVEL.includes(key)) found.push({ table: '', field: key, count: 1, suggestion: closestName(key, TOP_LEVEL) });
  }
  for (const [table, known] of KNOWN) {
    const rows = record[table];
    const list = Array.isArray(rows) ? rows : rows !== null && typeof rows === 'object' ? [rows] : [];
    const counts = new Map<string, number>();
    for (const row of list) {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) continue;
      for (const key of Object.keys(row)) if (!known.includes(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [field, count] of counts) found.push({ table, field, count, suggestion: closestName(field, known) });
  }
  return found;
}

/** "strikes.notes (12 rows; did you mean note?)" */
export function formatUnknownField(u: UnknownField): string {
  const where = u.table ? `${u.table}.${u.field}` : u.field;
  const rows = u.table ? `${u.count.toLocaleString('en-US')} row${u.count === 1 ? '' : 's'}` : '';
  const hint = u.suggestion ? `did you mean ${u.suggestion}?` : '';
  const detail = [rows, hint].filter(Boolean).join('; ');
  return detail ? `${where} (${detail})` : where;
}

export function unknownFieldsWarning(fields: readonly UnknownField[]): string | null {
  if (fields.length === 0) return null;
  return `Fields the dataset format does not have were not loaded: ${fields.map(formatUnknownField).join(', ')}. See docs/DATA_FORMAT.md for the field names.`;
}
