/**
 * CSV download of a panel's TableModel: exactly the rows "Show table" shows, with a header
 * comment (lines starting with "#") stating the measure and units, the filters and the data
 * version. RFC 4180 quoting (CRLF line ends, quotes doubled) and a guard against formula
 * injection (cells a spreadsheet would run as a formula get a leading apostrophe).
 */
import type { CellValue, TableModel } from '../crossfilter/tableModel';

export interface CsvMeta {
  title: string;
  /** The active filters in words ("FY2008–FY2011 · friction"); empty when none. */
  filters: string;
  dataVersion: string;
  /** Where the data came from when it is not the built-in dataset (then `dataVersion` is only that file's claim). */
  origin?: string | null;
  /** Source titles shown with the panel: used for the source column when the table has none. */
  sources?: readonly string[];
  /** Who made the file: the dashboard's name. */
  generator?: string;
}

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
export function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteField(guardFormula(value));
}

/** A comment line: one line only, whatever the text holds. */
const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ').trim()}`;

/** The columns of the CSV: the table's, plus a source column when the table has none. */
export function csvColumns(table: TableModel): { key: string; header: string }[] {
  const hasSource = table.columns.some((c) => c.key === 'source' || /^sources?$/i.test(c.header));
  return hasSource ? table.columns : [...table.columns, { key: '__source', header: 'Source' }];
}

export function buildCsv(table: TableModel, meta: CsvMeta): string {
  const columns = csvColumns(table);
  const panelSources = (meta.sources ?? []).join('; ');
  const lines = [
    comment(meta.title),
    comment(`Measure and units: ${table.measure}`),
    comment(`Filters: ${meta.filters || 'none'}`),
    ...(meta.origin ? [comment(`Data: ${meta.origin}`), comment(`Version given in that data: ${meta.dataVersion}`)] : [comment(`Data version: ${meta.dataVersion}`)]),
    comment('Empty cells are unknown (not zero).'),
  ];
  if (meta.generator) lines.push(comment(`Exported from: ${meta.generator}`));
  lines.push(columns.map((c) => quoteField(guardFormula(c.header))).join(','));
  for (const row of table.rows) {
    lines.push(columns.map((c) => (c.key === '__source' ? csvCell(panelSources) : csvCell(row[c.key]))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** Splits CSV text into records (RFC 4180), skipping "#" comment lines: used by the tests. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let atLineStart = true;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (atLineStart && !quoted && ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    atLineStart = false;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r') continue;
    else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atLineStart = true;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
