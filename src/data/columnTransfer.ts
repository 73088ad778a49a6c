/**
 * How a dataset (or any large table: a panel's CSV rows) crosses a worker boundary cheaply. Posting 100,000 strike objects makes the
 * receiving thread rebuild them inside one message event (≈ 200 ms of main thread, then as much
 * again in garbage collection); a rejected or busy frame follows. Instead every table travels as
 * columns:
 *
 * - a column holding only numbers (and nulls) as a Float64Array, with a state byte per row only
 *   when some rows are null or lack the field;
 * - any other column of primitives (ids, dates, places, enums, booleans), or of lists of them
 *   (source ids), as a dictionary of its distinct values plus an Int32Array of codes;
 * - a column with nested objects (an incident's figures) as it is;
 * - which fields each row has, in which order, as a short list of row shapes plus a code per row.
 *
 * The typed arrays are transferred, not copied. The receiver rebuilds the row objects in slices
 * of a few milliseconds (`decodeDataset`), so no single task holds the page. The rebuilt dataset
 * equals the one encoded: same tables, same fields in the same order, absent fields still absent.
 */
import type { Dataset } from './schema';

type Row = Record<string, unknown>;
type Primitive = string | number | boolean | null | undefined;

export type EncodedColumn =
  /** `isNull` is set only when some rows hold null. */
  | { key: string; kind: 'number'; values: Float64Array; isNull: Uint8Array | null }
  | { key: string; kind: 'dict'; dict: (Primitive | Primitive[])[]; codes: Int32Array }
  | { key: string; kind: 'raw'; values: unknown[] };

export interface EncodedTable {
  length: number;
  columns: EncodedColumn[];
  /** Each distinct field list met, as column numbers in the row's own order. */
  shapes: number[][];
  /** Per row: its shape. */
  shapeOf: Int32Array;
}

export interface EncodedDataset {
  /** The dataset's own fields in their order, each either a table (by name in `tables`) or a plain value. */
  fields: { key: string; table: boolean }[];
  tables: Record<string, EncodedTable>;
  values: Record<string, unknown>;
}

const has = (row: Row, key: string) => Object.prototype.hasOwnProperty.call(row, key);
const isPrimitive = (v: unknown): v is Primitive => v === null || (typeof v !== 'object' && typeof v !== 'function');
const isPlainRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTable = (v: unknown): v is Row[] => Array.isArray(v) && v.every(isPlainRow);

/** Gives the thread back between slices: a message-channel task (a 0 ms timeout is clamped to 4 ms). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `work(from, to)` over [0, length) in slices of at most about `sliceMs`, yielding between them (never when Infinity). */
async function sliced(length: number, sliceMs: number, work: (from: number, to: number) => void): Promise<void> {
  const STEP = 512;
  let start = performance.now();
  for (let i = 0; i < length; i += STEP) {
    work(i, Math.min(length, i + STEP));
    if (sliceMs !== Infinity && performance.now() - start > sliceMs && i + STEP < length) {
      await nextTask();
      start = performance.now();
    }
  }
}

/** The table's field names (in the order first met) and each row's shape. */
function shapesOf(rows: readonly Row[]): { keys: string[]; shapes: number[][]; shapeOf: Int32Array } {
  const column = new Map<string, number>();
  const shapeCodes = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeOf = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const names = Object.keys(rows[i]!);
    const id = names.join('\u0000');
    let code = shapeCodes.get(id);
    if (code === undefined) {
      const shape = names.map((name) => {
        let c = column.get(name);
        if (c === undefined) column.set(name, (c = column.size));
        return c;
      });
      shapeCodes.set(id, (code = shapes.push(shape) - 1));
    }
    shapeOf[i] = code;
  }
  return { keys: [...column.keys()], shapes, shapeOf };
}

function encodeColumn(rows: readonly Row[], key: string): EncodedColumn {
  let numeric = true;
  let nulls = false;
  let nested = false;
  for (const row of rows) {
    if (!has(row, key)) continue;
    const v = row[key];
    if (v === null) nulls = true;
    else if (typeof v !== 'number') numeric = false;
    if (!isPrimitive(v) && !(Array.isArray(v) && v.every(isPrimitive))) nested = true;
  }
  const n = rows.length;
  if (nested) return { key, kind: 'raw', values: rows.map((row) => row[key]) };
  if (numeric) {
    const values = new Float64Array(n);
    const isNull = nulls ? new Uint8Array(n) : null;
    for (let i = 0; i < n; i++) {
      const v = rows[i]![key];
      if (typeof v === 'number') values[i] = v;
      else if (isNull && v === null) isNull[i] = 1;
    }
    return { key, kind: 'number', values, isNull };
  }
  const dict: (Primitive | Primitive[])[] = [];
  const primitiveCodes = new Map<Primitive, number>();
  const listCodes = new Map<string, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (!has(row, key)) continue;
    const v = row[key];
    let code: number | undefined;
    if (Array.isArray(v)) {
      // undefined inside a list is not JSON; mapped apart from null so the two lists stay two entries.
      const id = JSON.stringify(v.map((x) => (x === undefined ? { undefined: true } : x)));
      code = listCodes.get(id);
      if (code === undefined) listCodes.set(id, (code = dict.push(v as Primitive[]) - 1));
    } else {
      code = primitiveCodes.get(v as Primitive);
      if (code === undefined) primitiveCodes.set(v as Primitive, (code = dict.push(v as Primitive) - 1));
    }
    codes[i] = code;
  }
  return { key, kind: 'dict', dict, codes };
}

/** One table as columns: `sliceMs` is how long the encoder may hold the thread between columns (a worker: Infinity). */
export async function encodeRows(rows: readonly Row[], { sliceMs = Infinity }: { sliceMs?: number } = {}): Promise<EncodedTable> {
  const { keys, shapes, shapeOf } = shapesOf(rows);
  const columns: EncodedColumn[] = [];
  let start = performance.now();
  // A column over 100k rows takes a few milliseconds: the slices end between columns.
  for (const key of keys) {
    columns.push(encodeColumn(rows, key));
    if (sliceMs !== Infinity && performance.now() - start > sliceMs) {
      await nextTask();
      start = performance.now();
    }
  }
  return { length: rows.length, columns, shapes, shapeOf };
}

/** The dataset as columns. A worker encodes at once (the default); the page passes a finite `sliceMs`. */
export async function encodeDataset(dataset: Dataset, options: { sliceMs?: number } = {}): Promise<EncodedDataset> {
  const fields: EncodedDataset['fields'] = [];
  const tables: EncodedDataset['tables'] = {};
  const values: EncodedDataset['values'] = {};
  for (const [key, value] of Object.entries(dataset)) {
    const table = isTable(value);
    fields.push({ key, table });
    if (table) tables[key] = await encodeRows(value, options);
    else values[key] = value;
  }
  return { fields, tables, values };
}

/** The buffers to hand to postMessage's transfer list (each typed array owns its buffer). */
export function transferables(encoded: EncodedDataset | EncodedTable): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const table of 'columns' in encoded ? [encoded] : Object.values(encoded.tables)) {
    buffers.push(table.shapeOf.buffer as ArrayBuffer);
    for (const c of table.columns) {
      if (c.kind === 'number') {
        buffers.push(c.values.buffer as ArrayBuffer);
        if (c.isNull) buffers.push(c.isNull.buffer as ArrayBuffer);
      } else if (c.kind === 'dict') buffers.push(c.codes.buffer as ArrayBuffer);
    }
  }
  return buffers;
}

function valueAt(c: EncodedColumn, i: number): unknown {
  if (c.kind === 'number') return c.isNull?.[i] ? null : c.values[i];
  if (c.kind === 'raw') return c.values[i];
  const v = c.dict[c.codes[i]!];
  // Lists are copied: rows never share an array, as they did not before the trip.
  return Array.isArray(v) ? v.slice() : v;
}

/** Appends rows [from, to) to `rows` (called in order, so the array stays packed). */
function appendRows(table: EncodedTable, rows: Row[], from: number, to: number): void {
  const { columns, shapes, shapeOf } = table;
  for (let i = from; i < to; i++) {
    const row: Row = {};
    for (const c of shapes[shapeOf[i]!]!) row[columns[c]!.key] = valueAt(columns[c]!, i);
    rows.push(row);
  }
}

/** One table back from its columns, rebuilt in slices of about `sliceMs` (a worker: Infinity, at once). */
export async function decodeRows(table: EncodedTable, { sliceMs = 20 }: { sliceMs?: number } = {}): Promise<Row[]> {
  const rows: Row[] = [];
  await sliced(table.length, sliceMs, (from, to) => appendRows(table, rows, from, to));
  return rows;
}

/**
 * The dataset back from its columns. The page rebuilds the rows in slices of about `sliceMs`, with
 * a task boundary between them; a worker passes Infinity and rebuilds them in one go.
 */
export async function decodeDataset(encoded: EncodedDataset, options: { sliceMs?: number } = {}): Promise<Dataset> {
  const out: Row = {};
  for (const { key, table } of encoded.fields) out[key] = table ? await decodeRows(encoded.tables[key]!, options) : encoded.values[key];
  return out as unknown as Dataset;
}
