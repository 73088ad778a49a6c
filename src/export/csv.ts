/**
 * Tidy CSV: what each panel's "Download CSV" writes, and what the data package's tables are made
 * of. Tools read these files as they are (csv.DictReader, sqlite .import, pandas, numpy, R):
 * - the header is line 1, UTF-8 without a byte-order mark, no comment lines;
 * - every column has one type (a number column holds numbers only; empty means unknown);
 * - RFC 4180 quoting (CRLF line ends, quotes doubled), and a guard against formula injection on
 *   text cells only (a spreadsheet would run "=…" as a formula).
 * What a number means (the measure, the unit, the filters, the data version, the full sources)
 * goes into a companion CSVW metadata file (<name>.csv-metadata.json), built here too.
 */
import type { Source } from '../data/schema';

/** Table Schema field types used here (https://specs.frictionlessdata.io/table-schema/#types-and-formats). */
export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'year' | 'boolean';

export interface TidyField {
  /** The column name in the header: lower_snake_case, stable. */
  name: string;
  /** A human title (the on-screen table's header where there is one). */
  title: string;
  type: FieldType;
  description?: string;
  /** The unit of a number column, e.g. "US$ millions (current)" or "people". */
  unit?: string;
  /** A value is required in every row (otherwise an empty cell means unknown). */
  required?: boolean;
  /** A regular expression every non-empty value matches (e.g. an ISO 8601 date of day, month or year precision). */
  pattern?: string;
}

export type TidyValue = string | number | boolean | null;

export interface TidyTable {
  fields: TidyField[];
  rows: Record<string, TidyValue>[];
}

/** An ISO 8601 calendar date at day, month or year precision (2011-11-26, 2011-11, 2011). */
export const ISO_PARTIAL_DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/** How sources and other lists are joined inside one cell. */
export const LIST_SEPARATOR = '; ';

const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d+)*|\d*\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell starting with = + - @ (or a tab / carriage return, which some spreadsheets strip first)
 * would be run as a formula: prefix it with "'". Plain numbers ("-12", "+3.5") are left alone.
 */
export function guardFormula(text: string): string {
  if (text === '') return text;
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as CSV text. Unknown (null) is an empty cell, never 0; numbers are written plainly. */
export function csvCell(value: TidyValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteField(guardFormula(value));
}

/** The CSV text: the header (field names) on line 1, then one line per row. */
export function buildCsv(table: TidyTable): string {
  const lines = [table.fields.map((f) => quoteField(f.name)).join(',')];
  for (const row of table.rows) lines.push(table.fields.map((f) => csvCell(row[f.name])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Splits CSV text into records (RFC 4180). Strict: a stray quote or a ragged row throws. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`CSV: a quote inside an unquoted field (record ${records.length + 1})`);
      quoted = true;
      wasQuoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
    } else {
      if (wasQuoted) throw new Error(`CSV: text after a closing quote (record ${records.length + 1})`);
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV: an unclosed quote');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const width = records[0]?.length ?? 0;
  records.forEach((r, i) => {
    if (r.length !== width) throw new Error(`CSV: record ${i + 1} has ${r.length} fields, the header ${width}`);
  });
  return records;
}

/** The CSVW datatype of a field (https://www.w3.org/TR/tabular-data-primer/#datatypes). */
function csvwDatatype(field: TidyField): string | Record<string, string> {
  switch (field.type) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'year':
      return 'gYear';
    case 'string':
      return field.pattern ? { base: 'string', format: field.pattern } : 'string';
  }
}

export interface CsvMetadataInput {
  /** The CSV file's name: the metadata's "url" points at it. */
  fileName: string;
  title: string;
  /** The measure and units in words. */
  measure: string;
  /** The active filters in words; empty when none. */
  filters: string;
  dataVersion: string;
  /** Where the dataset came from (the built-in file, a user's file…), when known. */
  origin?: string;
  /** Every source behind the rows, in full. */
  sources: readonly Source[];
  /** Who made the file: the dashboard's name. */
  generator: string;
  /** When the file was made (ISO 8601). */
  created?: string;
}

/** A source as the metadata lists it: everything the sources table holds. */
export function sourceRecord(s: Source): Record<string, string> {
  const record: Record<string, string> = { id: s.id, title: s.title, publisher: s.publisher, date: s.date, measures: s.measures };
  if (s.url) record.url = s.url;
  if (s.licence) record.licence = s.licence;
  if (s.note) record.note = s.note;
  return record;
}

/**
 * The CSV on the Web metadata for one tidy CSV (https://www.w3.org/TR/tabular-metadata/): the
 * columns with their types and units, plus the measure, filters, data version, origin and the
 * full sources as Dublin Core annotations.
 */
export function buildCsvMetadata(table: TidyTable, meta: CsvMetadataInput): Record<string, unknown> {
  const notes = [`Filters: ${meta.filters || 'none'}`, 'Empty cells are unknown, never zero.'];
  if (meta.origin) notes.push(`Dataset: ${meta.origin}`);
  return {
    '@context': 'http://www.w3.org/ns/csvw',
    url: meta.fileName,
    'dc:title': meta.title,
    'dc:description': meta.measure,
    'dc:hasVersion': meta.dataVersion,
    'dc:publisher': meta.generator,
    ...(meta.created ? { 'dc:created': meta.created } : {}),
    ...(meta.origin ? { 'dc:provenance': meta.origin } : {}),
    'dc:coverage': meta.filters || 'none',
    'rdfs:comment': notes,
    'dc:source': meta.sources.map(sourceRecord),
    dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'], doubleQuote: true },
    tableSchema: {
      columns: table.fields.map((f) => ({
        name: f.name,
        titles: f.title,
        datatype: csvwDatatype(f),
        required: f.required ?? false,
        null: '',
        ...(f.description || f.unit ? { 'dc:description': [f.description, f.unit ? `Unit: ${f.unit}` : ''].filter(Boolean).join(' ') } : {}),
        ...(f.unit ? { 'schema:unitText': f.unit } : {}),
      })),
    },
  };
}

/** The companion metadata's file name, as CSVW locates it: <name>.csv-metadata.json. */
export function metadataFileName(csvFileName: string): string {
  return `${csvFileName}-metadata.json`;
}

/** Source ids as one cell, and their titles as another. */
export function sourceCells(ids: readonly string[], byId: ReadonlyMap<string, Source>): { source_ids: string; source_titles: string } {
  return {
    source_ids: ids.join(LIST_SEPARATOR),
    source_titles: ids.map((id) => byId.get(id)?.title ?? id).join(LIST_SEPARATOR),
  };
}

/** The two source columns every panel CSV ends with. */
export const SOURCE_FIELDS: TidyField[] = [
  { name: 'source_ids', title: 'Source ids', type: 'string', description: `Ids of the rows of the dataset's sources table, joined by "${LIST_SEPARATOR}".` },
  { name: 'source_titles', title: 'Source titles', type: 'string', description: `The same sources' titles, joined by "${LIST_SEPARATOR}"; the metadata file lists them in full.` },
];
