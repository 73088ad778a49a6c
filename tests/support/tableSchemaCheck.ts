/**
 * A small validator for Frictionless Data Packages and tidy CSVs, written for the tests (unit and
 * Playwright): the Table Schema rules this project's files must meet
 * (https://specs.frictionlessdata.io/table-schema/, /data-package/, /tabular-data-resource/):
 * - the descriptor has a name and resources with unique names and a path;
 * - every resource path exists in the ZIP;
 * - a tabular resource's CSV is strict RFC 4180, its header equals the schema's field names;
 * - every value matches its field type (integer, number, boolean, date, year, string) and
 *   constraints (required, enum, pattern, minimum, maximum); a missing value is one of missingValues.
 * It returns the problems as sentences; an empty list means valid.
 */
import { parseCsv } from '../../src/export/csv';

type Field = { name: string; type: string; constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number } };
type Schema = { fields: Field[]; missingValues?: string[] };

const TYPE_TESTS: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) && Number.isFinite(Number(v)),
  boolean: (v) => v === 'true' || v === 'false',
  year: (v) => /^-?\d{4}$/.test(v),
  date: (v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  },
};

/** Checks one CSV text against a Table Schema; returns the problems (at most `limit`). */
export function checkCsvAgainstSchema(text: string, schema: Schema, label = 'CSV', limit = 20): string[] {
  const problems: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push(`${label}: starts with a byte-order mark`);
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    return [...problems, `${label}: ${(error as Error).message}`];
  }
  const [header, ...rows] = records;
  const names = schema.fields.map((f) => f.name);
  if (!header || header.join(',') !== names.join(',')) problems.push(`${label}: header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(names)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  for (const field of schema.fields) {
    const known = TYPE_TESTS[field.type];
    if (!known) problems.push(`${label}: field ${field.name} has an unknown type "${field.type}"`);
  }
  rows.forEach((row, r) => {
    schema.fields.forEach((field, c) => {
      if (problems.length >= limit) return;
      const value = row[c] ?? '';
      const where = `${label} row ${r + 2}, ${field.name}`;
      if (missing.has(value)) {
        if (field.constraints?.required) problems.push(`${where}: required but empty`);
        return;
      }
      if (!(TYPE_TESTS[field.type] ?? (() => false))(value)) problems.push(`${where}: "${value}" is not a ${field.type}`);
      const k = field.constraints;
      if (k?.enum && !k.enum.includes(value)) problems.push(`${where}: "${value}" is not one of ${k.enum.join(', ')}`);
      if (k?.pattern && !new RegExp(`^(?:${k.pattern})$`).test(value)) problems.push(`${where}: "${value}" does not match ${k.pattern}`);
      if (k?.minimum !== undefined && Number(value) < k.minimum) problems.push(`${where}: ${value} is below ${k.minimum}`);
      if (k?.maximum !== undefined && Number(value) > k.maximum) problems.push(`${where}: ${value} is above ${k.maximum}`);
    });
  });
  return problems;
}

/** Checks a data package: the descriptor, every resource's file, and every tabular resource against its schema. */
export function checkDataPackage(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const raw = files['datapackage.json'];
  if (!raw) return ['datapackage.json is not in the ZIP'];
  const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let descriptor: { name?: string; resources?: { name?: string; path?: string; profile?: string; format?: string; schema?: Schema }[] };
  try {
    descriptor = JSON.parse(decode(raw));
  } catch (error) {
    return [`datapackage.json is not JSON: ${(error as Error).message}`];
  }
  if (!descriptor.name || !/^[a-z0-9._-]+$/.test(descriptor.name)) problems.push('the package has no valid name');
  const resources = descriptor.resources ?? [];
  if (resources.length === 0) problems.push('the package has no resources');
  const seen = new Set<string>();
  for (const r of resources) {
    const label = r.name ?? '(unnamed resource)';
    if (!r.name || !/^[a-z0-9._-]+$/.test(r.name)) problems.push(`${label}: the resource has no valid name`);
    else if (seen.has(r.name)) problems.push(`${label}: duplicate resource name`);
    seen.add(label);
    if (!r.path) {
      problems.push(`${label}: no path`);
      continue;
    }
    const bytes = files[r.path];
    if (!bytes) {
      problems.push(`${label}: ${r.path} is not in the ZIP`);
      continue;
    }
    let text: string;
    try {
      text = decode(bytes);
    } catch {
      problems.push(`${label}: ${r.path} is not UTF-8`);
      continue;
    }
    if (r.profile === 'tabular-data-resource') {
      if (!r.schema?.fields?.length) problems.push(`${label}: a tabular resource without a schema`);
      else problems.push(...checkCsvAgainstSchema(text, r.schema, r.path));
    } else if (r.format === 'json') {
      try {
        JSON.parse(text);
      } catch {
        problems.push(`${label}: ${r.path} is not JSON`);
      }
    }
  }
  return problems;
}
