/**
 * A CSV import from bytes to a checked dataset, in two steps so the user can map columns in
 * between: `read` decodes and parses the file and proposes a mapping; `build` turns the mapped
 * rows into dataset rows and checks them with the same schema, and the same messages, as a
 * JSON file. It runs in a worker (csvImport.worker.ts) and, where workers are missing, in the page.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { DatasetSchema } from '../../data/datasetSchema';
import { yearOf, type Dataset, type Source, type Tracker } from '../../data/schema';
import { PROBLEM_LIST_LIMIT, problemsFromZod, validateDataset, type DatasetProblem } from '../../data/validation';
import { groupProblems, type ProblemGroup } from '../../data/problemGroups';
import { mergeDatasets } from '../merge';
import { decodeBytes, ENCODING_LABELS, type Encoding, type EncodingChoice } from './decode';
import { detectDateColumn, parseDate, type DateColumnInfo, type DateOrder } from './dates';
import { autoMatch, guessTable, TARGET_FIELDS, type ColumnMapping, type CsvTable, type TargetField } from './fields';

export const PREVIEW_ROWS = 5;

export interface CsvPreview {
  headers: string[];
  /** Data rows, not counting the header. */
  rowCount: number;
  preview: string[][];
  encoding: Encoding;
  encodingReason: string;
  /** Per column: how its values read as dates, for columns that mostly hold dates; else null. */
  dateColumns: (DateColumnInfo | null)[];
  table: CsvTable;
  mapping: ColumnMapping;
  /** Set when the file could not be read as CSV at all. */
  problem?: string;
}

export type ImportMode = 'add' | 'replace';

export interface BuildOptions {
  table: CsvTable;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  tracker: Tracker;
  idPrefix: string;
  mode: ImportMode;
  fileName: string;
  /** Today as YYYY-MM-DD (passed in, so a build is repeatable). */
  today: string;
}

export type BuildOutcome =
  | { ok: true; dataset: Dataset; loaded: number; failed: number; problems: DatasetProblem[]; problemCount: number; groups: ProblemGroup[]; notices: string[] }
  | { ok: false; problems: DatasetProblem[]; problemCount: number; groups: ProblemGroup[]; notices: string[] };

export const TRACKER_LABELS: Record<Tracker, string> = {
  tbij: 'TBIJ',
  pbc: 'Pakistan Body Count',
  'new-america': 'New America',
  lwj: 'Long War Journal',
  user: 'Your own tracker',
};

/** Guesses the tracker from the file name: "…PBC…" or "…body count…" is Pakistan Body Count, and so on. */
export function guessTracker(fileName: string): Tracker {
  const n = fileName.toLowerCase();
  if (/pbc|body.?count/.test(n)) return 'pbc';
  if (/tbij|bureau/.test(n)) return 'tbij';
  if (/new.?america/.test(n)) return 'new-america';
  if (/lwj|long.?war/.test(n)) return 'lwj';
  return 'user';
}

/** The field of each table whose blank cell (with a blank id) marks a summary row rather than a record. */
const KEY_DATE_FIELD: Record<CsvTable, string> = { strikes: 'date', events: 'date', incidents: 'dateStart', aid: 'fiscalYearStart' };

const isBlank = (row: readonly string[]) => row.every((c) => c.trim() === '');
const NUMBER = /^-?[\d,]*\.?\d+$/;
const TOTALS_WORD = /^(grand\s+)?totals?\b|^sum\b/i;

/** A totals row: it says "Total", or it has no id and no date but several numbers. */
export function isTotalsRow(row: readonly string[], idColumn: number, dateColumn: number): boolean {
  if (row.slice(0, 2).some((c) => TOTALS_WORD.test(c.trim()))) return true;
  const empty = (i: number) => i === -1 || (row[i] ?? '').trim() === '';
  if (idColumn === -1 && dateColumn === -1) return false;
  return empty(idColumn) && empty(dateColumn) && row.filter((c) => NUMBER.test(c.trim())).length >= 2;
}

function parseNumber(raw: string): number | string {
  const t = raw.trim().replace(/^\$/, '').replace(/,/g, '');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : raw.trim();
}

const BOOLEAN_WORDS: Record<string, boolean> = { yes: true, y: true, true: true, '1': true, no: false, n: false, false: false, '0': false };

/** One cell as its field's value; undefined leaves the field out. A value that does not convert stays as written, so the schema names it. */
function convertCell(field: TargetField, raw: string, options: BuildOptions): unknown {
  const t = raw.trim();
  if (t === '') return field.fallback;
  switch (field.kind) {
    case 'id':
      return `${options.idPrefix}${t}`;
    case 'text':
      return t;
    case 'count':
    case 'coordinate':
    case 'amount':
      return parseNumber(t);
    case 'year': {
      const m = /^(?:FY)?\s*(\d{4})$/i.exec(t);
      return m ? Number(m[1]) : t;
    }
    case 'day':
    case 'partialDate':
      return parseDate(t, options.dateOrder)?.iso ?? t;
    case 'enum':
      return t.toLowerCase().replace(/[\s_]+/g, '-');
    case 'boolean':
      return BOOLEAN_WORDS[t.toLowerCase()] ?? t;
    case 'list':
      return t
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
  }
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80) || 'file';

/** The source row every imported row cites (unless its own sources column names others). */
export function fileSource(options: Pick<BuildOptions, 'fileName' | 'table' | 'tracker' | 'today'>): Source {
  return {
    id: `csv-${slug(options.fileName)}`,
    title: `${options.fileName} (imported CSV)`.slice(0, 400),
    publisher: options.table === 'strikes' ? TRACKER_LABELS[options.tracker] : 'Your CSV file',
    date: options.today,
    url: null,
    measures: `${options.table} rows imported from a CSV file`,
    note: 'Added by the CSV import in this browser; not part of the built-in dataset.',
  };
}

const rowSchemaCache = new Map<CsvTable, z.ZodType>();
function rowSchema(table: CsvTable): z.ZodType {
  let schema = rowSchemaCache.get(table);
  if (!schema) {
    schema = (DatasetSchema.shape[table].unwrap() as z.ZodArray<z.ZodType>).element;
    rowSchemaCache.set(table, schema);
  }
  return schema;
}

function rowYears(table: CsvTable, row: Record<string, unknown>): number[] {
  const values = table === 'aid' ? [row.fiscalYearStart, row.fiscalYearEnd] : table === 'incidents' ? [row.dateStart, row.dateEnd] : [row.date];
  return values.flatMap((v) => (typeof v === 'number' ? [v] : typeof v === 'string' ? [yearOf(v)] : []));
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

function listRows(rows: number[]): string {
  const shown = rows.slice(0, 5).join(', ');
  return rows.length > 5 ? `${shown}, …` : shown;
}

export class CsvSession {
  private rows: string[][] = [];
  private headers: string[] = [];

  read(bytes: Uint8Array, encoding: EncodingChoice, fileName: string): CsvPreview {
    const decoded = decodeBytes(bytes, encoding);
    const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: false });
    const all = parsed.data.filter((r): r is string[] => Array.isArray(r));
    // Trailing blank lines (the file's final newline, mostly) are not rows anyone wrote.
    while (all.length > 0 && isBlank(all[all.length - 1]!)) all.pop();
    this.headers = (all[0] ?? []).map((h) => h.trim());
    this.rows = all.slice(1);
    const base = { headers: this.headers, rowCount: this.rows.length, preview: this.rows.slice(0, PREVIEW_ROWS), encoding: decoded.encoding, encodingReason: decoded.reason };
    if (this.headers.length === 0 || this.headers.every((h) => h === '')) {
      return { ...base, dateColumns: [], table: 'strikes', mapping: [], problem: `${fileName} has no header row: the first line must name the columns` };
    }
    const sample = this.rows.slice(0, 2000);
    const dateColumns = this.headers.map((_, i) => {
      const info = detectDateColumn(sample.map((r) => r[i] ?? ''));
      return info.total > 0 && info.parsed / info.total >= 0.5 ? info : null;
    });
    const table = guessTable(this.headers);
    return { ...base, dateColumns, table, mapping: autoMatch(this.headers, table) };
  }

  build(options: BuildOptions, current: Dataset | null): BuildOutcome {
    const { table, mapping } = options;
    const fields = TARGET_FIELDS[table];
    const columnOf = (name: string) => mapping.indexOf(name);
    const idColumn = columnOf('id');
    const dateColumn = columnOf(KEY_DATE_FIELD[table]);
    const source = fileSource(options);
    const knownSources = new Set([source.id, ...(options.mode === 'add' && current ? current.sources.map((s) => s.id) : [])]);
    const knownIncidents = new Set(options.mode === 'add' && current ? (current.incidents ?? []).map((i) => i.id) : []);
    const schema = rowSchema(table);

    const notices: string[] = [];
    const problems: DatasetProblem[] = [];
    const valid: Record<string, unknown>[] = [];
    /** The file row index of each valid row. */
    const validIndex: number[] = [];
    const blankRows: number[] = [];
    const totalsRows: number[] = [];
    const seenIds = new Set<string>();
    let failed = 0;

    this.rows.forEach((cells, index) => {
      // Row numbers as a spreadsheet shows them: the header is row 1.
      const fileRow = index + 2;
      if (isBlank(cells)) return void blankRows.push(fileRow);
      if (isTotalsRow(cells, idColumn, dateColumn)) return void totalsRows.push(fileRow);
      const row: Record<string, unknown> = {};
      for (const field of fields) {
        const column = columnOf(field.name);
        const value = column === -1 ? field.fallback : convertCell(field, cells[column] ?? '', options);
        if (value !== undefined) row[field.name] = value;
      }
      if (row.id === undefined && idColumn === -1) row.id = `${options.idPrefix}${fileRow - 1}`;
      if (!Array.isArray(row.sources) || row.sources.length === 0) row.sources = [source.id];
      if (table === 'strikes') row.tracker = options.tracker;
      if (table === 'events' && row.datePrecision === undefined && typeof row.date === 'string') {
        row.datePrecision = row.date.length === 10 ? 'day' : row.date.length === 7 ? 'month' : 'year';
      }
      if (table === 'aid' && row.fiscalYearEnd === undefined) row.fiscalYearEnd = row.fiscalYearStart;

      const at = `${table}[${index}]`;
      const rowId = typeof row.id === 'string' ? row.id : undefined;
      const rowProblems: DatasetProblem[] = [];
      const result = schema.safeParse(row);
      if (!result.success) {
        for (const p of problemsFromZod(result.error, row)) rowProblems.push({ ...p, path: p.path ? `${at}.${p.path}` : at });
      }
      if (rowId !== undefined) {
        if (seenIds.has(rowId)) rowProblems.push({ path: `${at}.id`, message: `duplicate id "${rowId}"`, got: JSON.stringify(rowId) });
        seenIds.add(rowId);
      }
      (Array.isArray(row.sources) ? row.sources : []).forEach((id, j) => {
        if (typeof id === 'string' && !knownSources.has(id)) rowProblems.push({ path: `${at}.sources[${j}]`, message: `names source "${id}", which is not in sources`, got: JSON.stringify(id) });
      });
      if (table === 'events' && typeof row.incidentId === 'string' && !knownIncidents.has(row.incidentId)) {
        rowProblems.push({ path: `${at}.incidentId`, message: `names incident "${row.incidentId}", which is not in incidents`, got: JSON.stringify(row.incidentId) });
      }
      if (rowProblems.length > 0) {
        failed++;
        for (const p of rowProblems) problems.push(rowId !== undefined ? { ...p, rowId } : p);
        return;
      }
      valid.push(result.success ? (result.data as Record<string, unknown>) : row);
      validIndex.push(index);
    });

    if (totalsRows.length > 0) notices.push(`Skipped ${totalsRows.length === 1 ? 'a totals row' : plural(totalsRows.length, 'totals row')} (row ${listRows(totalsRows)} of the file): it sums the rows above, it is not a record.`);
    if (blankRows.length > 0) notices.push(`Skipped ${plural(blankRows.length, 'blank row')} (row ${listRows(blankRows)}).`);

    const years = valid.flatMap((r) => rowYears(table, r));
    const coverage = years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : { from: Number(options.today.slice(0, 4)), to: Number(options.today.slice(0, 4)) };
    const incoming = { sources: [source], coverage, [table]: valid } as unknown as Pick<Dataset, 'sources' | 'coverage'>;
    let dataset: Dataset;
    let loaded = valid.length;
    if (options.mode === 'add' && current) {
      const merged = mergeDatasets(current, incoming);
      for (const clash of merged.clashes) {
        // A clash's path counts only the valid rows; point it at the row in the file instead.
        const path = clash.path.startsWith('sources') ? clash.path : clash.path.replace(/^(\w+)\[(\d+)\]/, (_, t: string, i: string) => `${t}[${validIndex[Number(i)] ?? i}]`);
        problems.push({ ...clash, path });
      }
      failed += merged.clashes.filter((c) => !c.path.startsWith('sources')).length;
      dataset = merged.dataset;
      loaded = merged.added[table] ?? 0;
    } else {
      dataset = { version: `csv-${options.today}`, generated: options.today, title: `Imported from ${options.fileName}`.slice(0, 200), ...incoming } as Dataset;
    }

    const groups = groupProblems(problems);
    const checked = validateDataset(dataset);
    if (!checked.ok) {
      return { ok: false, problems: checked.problems.slice(0, PROBLEM_LIST_LIMIT), problemCount: checked.problems.length, groups: groupProblems(checked.problems), notices };
    }
    return { ok: true, dataset: checked.dataset, loaded, failed, problems: problems.slice(0, PROBLEM_LIST_LIMIT * 10), problemCount: problems.length, groups, notices };
  }
}

export const encodingLabel = (e: Encoding) => ENCODING_LABELS[e];
