/**
 * "Download data": the whole dataset as a Frictionless Data Package (https://specs.frictionlessdata.io/):
 * a ZIP of datapackage.json, one tidy CSV per table (data/<table>.csv) and the dataset JSON itself.
 * Every CSV resource has a Table Schema — field types, units, required fields and the missing
 * value ("" = unknown, never zero) — derived from the dataset's own zod schema through its JSON
 * Schema, so the package cannot drift from the format the app validates. The sources, with their
 * licences, are both a table and the package's `sources`.
 *
 * Loaded on demand (the header button imports this module when clicked).
 */
import { strToU8, zipSync } from 'fflate';
import { datasetJsonSchema } from '../data/jsonSchema';
import type { Dataset, Figure, Source } from '../data/schema';
import { buildCsv, ISO_PARTIAL_DATE_PATTERN, LIST_SEPARATOR, type FieldType, type TidyTable, type TidyValue } from './csv';

export const DATA_PACKAGE_FILE = 'datapackage.json';
export const DATASET_JSON_PATH = 'dataset.json';

/** A Table Schema field (the subset this package writes). */
export interface TableSchemaField {
  name: string;
  title?: string;
  type: FieldType;
  format?: string;
  description?: string;
  /** Not in Table Schema v1 itself: a plain-language unit, as several Frictionless profiles add. */
  unit?: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey?: string[];
}

export interface DataResource {
  name: string;
  path: string;
  title: string;
  description?: string;
  profile: 'tabular-data-resource' | 'data-resource';
  format: 'csv' | 'json';
  mediatype: string;
  encoding: 'utf-8';
  dialect?: { delimiter: ','; lineTerminator: '\r\n'; header: true; doubleQuote: true };
  schema?: TableSchema;
}

export interface DataPackageDescriptor {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  version: string;
  created: string;
  description: string;
  homepage?: string;
  keywords: string[];
  sources: { id: string; title: string; path?: string; publisher: string; date: string; measures: string; licenses?: { title: string }[] }[];
  resources: DataResource[];
  /** Where the dataset came from (the built-in file or a user's own), when known. */
  origin?: string;
}

/** The tables of the dataset, as they appear in the package, with what each one holds. */
const TABLES: { key: keyof Dataset & string; title: string; description: string }[] = [
  { key: 'sources', title: 'Sources', description: 'Every source any row cites: title, publisher, date, URL, what it measures, licence.' },
  { key: 'aid', title: 'US aid to Pakistan', description: 'Aid figures by US fiscal year, programme and measure, as the sources print them (revisions, requests and printed totals kept).' },
  { key: 'aidTotals', title: 'Aid multi-year totals', description: 'Sums of the aid rows beside the totals the sources print, with why they differ.' },
  { key: 'aidGaps', title: 'Aid gaps', description: 'Fiscal years with no aid figure, and why.' },
  { key: 'strikes', title: 'Drone strikes', description: 'One row per strike, per tracker; killed, civilians, children and injured as min–max.' },
  { key: 'strikeYears', title: 'Drone strikes by year', description: 'Yearly counts as each tracker publishes them.' },
  { key: 'incidents', title: 'Located incidents', description: 'Border incidents, raids, bases, crossings, military operations and notable strikes, with coordinates.' },
  { key: 'events', title: 'Timeline events', description: 'Cooperation, context and friction events.' },
  { key: 'priceIndex', title: 'Price index', description: 'Consumer price index values per calendar year, for constant-dollar conversion.' },
  { key: 'claims', title: 'Claims', description: 'Headline figures printed by a source, kept to compare with what the rows say.' },
  { key: 'crsCumulative', title: 'CRS cumulative columns', description: 'Multi-year columns as a CRS edition prints them (not added to the yearly rows).' },
];

/** Units by field name (the dataset's conventions: amounts in US$ millions, counts of people). */
function unitFor(table: string, field: string): string | undefined {
  if (/^(amount|sumOfRows|printed)$/.test(field)) return 'US$ millions (current)';
  if (table === 'claims' && field === 'figure') return 'US$ millions for aid claims; a count for strikes and deaths (see measure)';
  if (/^(killed|wounded|civilians|children|injured)(Min|Max)$/.test(field) || (table === 'figures' && /^(min|max)$/.test(field))) return 'people';
  if (field === 'strikes') return 'strikes';
  if (field === 'lat' || field === 'lon') return 'degrees (WGS 84)';
  if (table === 'priceIndex' && field === 'value') return 'index points (CPI-U: 1982–84 = 100)';
  if (/^(fiscalYear|fiscalYearStart|fiscalYearEnd)$/.test(field)) return 'US fiscal year (1 Oct–30 Sep, named by the year it ends in)';
  return undefined;
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; enum?: string[]; pattern?: string; minLength?: number; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[]; minimum?: number; maximum?: number };

/** Unwraps "X or null": returns X and whether null is allowed. */
function unwrapNullable(s: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (s.anyOf) {
    const nonNull = s.anyOf.filter((a) => a.type !== 'null');
    if (nonNull.length === 1 && nonNull.length < s.anyOf.length) return { schema: nonNull[0]!, nullable: true };
  }
  if (Array.isArray(s.type) && s.type.includes('null')) {
    const rest = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: rest.length === 1 ? rest[0]! : rest }, nullable: true };
  }
  return { schema: s, nullable: false };
}

interface Column {
  field: TableSchemaField;
  get: (row: Record<string, unknown>) => TidyValue;
}

const DATE_FIELDS = new Set(['date', 'dateStart', 'dateEnd']);

/** The columns of one table, from the JSON Schema of its rows. Arrays of text become "; "-joined text; nested objects (figures) get their own table. */
function columnsFor(table: string, item: JsonSchema): Column[] {
  const columns: Column[] = [];
  const required = new Set(item.required ?? []);
  for (const [name, raw] of Object.entries(item.properties ?? {})) {
    const { schema, nullable } = unwrapNullable(raw);
    const field: TableSchemaField = { name, type: 'string' };
    const constraints: NonNullable<TableSchemaField['constraints']> = {};
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    // An empty cell is the missing value, so text that may be empty ("place": "") is not required.
    if (required.has(name) && !nullable && (type !== 'string' || schema.enum || DATE_FIELDS.has(name) || (schema.minLength ?? 0) >= 1)) constraints.required = true;
    let get: Column['get'] = (row) => {
      const v = row[name];
      return v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as TidyValue);
    };
    if (type === 'integer') field.type = 'integer';
    else if (type === 'number') field.type = 'number';
    else if (type === 'boolean') field.type = 'boolean';
    else if (type === 'array') {
      if (schema.items?.type === 'object') continue;
      field.description = `A list, joined by "${LIST_SEPARATOR}".`;
      get = (row) => {
        const v = row[name];
        return Array.isArray(v) && v.length > 0 ? v.join(LIST_SEPARATOR) : null;
      };
    } else if (type === 'object') continue;
    else if (schema.enum) constraints.enum = [...schema.enum];
    else if (DATE_FIELDS.has(name) || name === 'generated') {
      if (schema.pattern === '^(\\d{4})-(\\d{2})-(\\d{2})$') field.type = 'date';
      else {
        constraints.pattern = ISO_PARTIAL_DATE_PATTERN;
        field.description = 'ISO 8601 at day, month or year precision.';
      }
    }
    if (field.type === 'integer' || field.type === 'number') {
      if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER) constraints.minimum = schema.minimum;
      if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) constraints.maximum = schema.maximum;
    }
    const unit = unitFor(table, name);
    if (unit) field.unit = unit;
    if (Object.keys(constraints).length > 0) field.constraints = constraints;
    columns.push({ field, get });
    // Incidents are dated to a day, a month or a year: say which, as the events table does.
    if (table === 'incidents' && name === 'dateStart') {
      columns.push({
        field: { name: 'datePrecision', type: 'string', description: 'Precision of dateStart: day, month or year (derived from its length).', constraints: { required: true, enum: ['day', 'month', 'year'] } },
        get: (row) => {
          const d = String(row.dateStart ?? '');
          return d.length === 10 ? 'day' : d.length === 7 ? 'month' : 'year';
        },
      });
    }
  }
  return columns;
}

/** The per-source values of disputed figures, one row per value: the `figures` of incidents and events, flattened. */
const FIGURE_COLUMNS: Column[] = [
  { field: { name: 'table', type: 'string', constraints: { required: true, enum: ['incidents', 'events'] } }, get: (r) => r.table as string },
  { field: { name: 'rowId', type: 'string', description: 'The id of the incident or event.', constraints: { required: true } }, get: (r) => r.rowId as string },
  { field: { name: 'field', type: 'string', constraints: { required: true, enum: ['killed', 'wounded', 'civiliansKilled'] } }, get: (r) => r.field as string },
  { field: { name: 'min', type: 'integer', unit: 'people', description: 'Lowest value this source gives; empty: it gives only a maximum ("up to").' }, get: (r) => r.min as number | null },
  { field: { name: 'max', type: 'integer', unit: 'people', description: 'Highest value this source gives; empty: it gives only a minimum ("at least").' }, get: (r) => r.max as number | null },
  { field: { name: 'sources', type: 'string', description: `Source ids, joined by "${LIST_SEPARATOR}".`, constraints: { required: true } }, get: (r) => (r.sources as string[]).join(LIST_SEPARATOR) },
  { field: { name: 'note', type: 'string' }, get: (r) => (r.note as string | undefined) ?? null },
];

function figureRows(dataset: Dataset): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const add = (table: 'incidents' | 'events', rowId: string, figures: readonly Figure[] | undefined) => {
    for (const f of figures ?? []) for (const v of f.values) rows.push({ table, rowId, field: f.field, ...v });
  };
  for (const i of dataset.incidents ?? []) add('incidents', i.id, i.figures);
  for (const e of dataset.events ?? []) add('events', e.id, e.figures);
  return rows;
}

function tidy(columns: readonly Column[], rows: readonly Record<string, unknown>[]): TidyTable {
  return {
    fields: columns.map((c) => ({ name: c.field.name, title: c.field.name, type: c.field.type })),
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.field.name, c.get(row)]))),
  };
}

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', header: true, doubleQuote: true } as const;

function csvResource(name: string, title: string, description: string, columns: readonly Column[]): DataResource {
  const hasId = columns.some((c) => c.field.name === 'id');
  return {
    name: name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
    path: `data/${name}.csv`,
    title,
    description,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: CSV_DIALECT,
    schema: { fields: columns.map((c) => c.field), missingValues: [''], ...(hasId ? { primaryKey: ['id'] } : {}) },
  };
}

function packageSource(s: Source): DataPackageDescriptor['sources'][number] {
  return {
    id: s.id,
    title: s.title,
    ...(s.url ? { path: s.url } : {}),
    publisher: s.publisher,
    date: s.date,
    measures: s.measures,
    ...(s.licence ? { licenses: [{ title: s.licence }] } : {}),
  };
}

export interface DataPackageFiles {
  descriptor: DataPackageDescriptor;
  /** Path in the ZIP → file bytes. */
  files: Record<string, Uint8Array>;
}

/** The package's files: datapackage.json, data/<table>.csv for every table the dataset holds, and dataset.json. */
export function buildDataPackage(dataset: Dataset, options: { origin?: string; created?: string } = {}): DataPackageFiles {
  const jsonSchema = datasetJsonSchema() as { properties: Record<string, JsonSchema> };
  const files: Record<string, Uint8Array> = {};
  const resources: DataResource[] = [];
  for (const t of TABLES) {
    const rows = dataset[t.key];
    if (!Array.isArray(rows)) continue;
    const item = jsonSchema.properties[t.key]?.items;
    if (!item) continue;
    const columns = columnsFor(t.key, item);
    const resource = csvResource(t.key, t.title, t.description, columns);
    files[resource.path] = strToU8(buildCsv(tidy(columns, rows as unknown as Record<string, unknown>[])));
    resources.push(resource);
  }
  const figures = figureRows(dataset);
  if (figures.length > 0) {
    const resource = csvResource('figures', 'Per-source figures', 'Where sources disagree about a toll, each source’s value (incidents and events).', FIGURE_COLUMNS);
    files[resource.path] = strToU8(buildCsv(tidy(FIGURE_COLUMNS, figures)));
    resources.push(resource);
  }
  files[DATASET_JSON_PATH] = strToU8(JSON.stringify(dataset, null, 2) + '\n');
  resources.push({
    name: 'dataset',
    path: DATASET_JSON_PATH,
    title: 'The dataset as one JSON document',
    description: 'The same data in the format the dashboard loads ("Load dataset…"), including nested per-source figures.',
    profile: 'data-resource',
    format: 'json',
    mediatype: 'application/json',
    encoding: 'utf-8',
  });
  const descriptor: DataPackageDescriptor = {
    profile: 'tabular-data-package',
    name: 'pakistan-us-relations',
    title: dataset.title,
    version: dataset.version,
    created: options.created ?? new Date().toISOString(),
    description: `${dataset.title}, ${dataset.coverage.from}–${dataset.coverage.to}. Amounts are US$ millions (current dollars); counts are people; an empty cell is unknown, never zero. Every row names its sources (ids of the sources table); each source carries its own licence where known.`,
    keywords: ['Pakistan', 'United States', 'foreign aid', 'drone strikes', 'Operation Enduring Freedom'],
    sources: dataset.sources.map(packageSource),
    resources,
    ...(options.origin ? { origin: options.origin } : {}),
  };
  files[DATA_PACKAGE_FILE] = strToU8(JSON.stringify(descriptor, null, 2) + '\n');
  return { descriptor, files };
}

/** The package as one ZIP (the data package file first). */
export function dataPackageZip(dataset: Dataset, options: { origin?: string; created?: string } = {}): Uint8Array {
  const { files } = buildDataPackage(dataset, options);
  const ordered: Record<string, Uint8Array> = { [DATA_PACKAGE_FILE]: files[DATA_PACKAGE_FILE]! };
  for (const [path, bytes] of Object.entries(files)) if (path !== DATA_PACKAGE_FILE) ordered[path] = bytes;
  return zipSync(ordered);
}

/** "pakistan-us-relations_data-package_2024-06-01.zip" */
export function dataPackageFileName(dataset: Pick<Dataset, 'version'>): string {
  return `pakistan-us-relations_data-package_${dataset.version.replace(/[^A-Za-z0-9.-]+/g, '-')}.zip`;
}
