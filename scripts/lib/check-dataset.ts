/**
 * Checks a dataset document: the zod schema, source ids, coordinates and forbidden prose fields.
 * Problems are printed as `path: message`, e.g. `aid[12].amount: must be a number ≥ 0 (got "n/a")`.
 */
import { DatasetSchema, type Dataset } from '../../src/data/schema';
import type { RegionTester } from './region';

/** Field names that would mean TBIJ prose or the names of the dead were shipped. */
export const FORBIDDEN_FIELDS = ['summary', 'names', 'named_killed', 'bij_summary', 'bij_summary_short', 'narrative', 'target', 'comments'];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Walks any JSON value and reports keys that must never be shipped. */
function forbiddenKeys(value: unknown, path: PropertyKey[], out: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forbiddenKeys(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_FIELDS.includes(k.toLowerCase())) out.push(`${formatPath([...path, k])}: field "${k}" must not be shipped (prose or names of the dead)`);
      forbiddenKeys(v, [...path, k], out);
    }
  }
}

export interface CheckResult {
  problems: string[];
  summary: string[];
  dataset: Dataset | null;
}

function yearSpan(years: number[]): string {
  if (years.length === 0) return 'none';
  return `${Math.min(...years)}–${Math.max(...years)}`;
}

export function checkDataset(input: unknown, region?: RegionTester): CheckResult {
  const problems: string[] = [];
  const parsed = DatasetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const got = 'input' in issue ? ` (got ${describe(issue.input)})` : '';
      problems.push(`${formatPath(issue.path)}: ${issue.message}${got}`);
    }
  }
  forbiddenKeys(input, [], problems);
  const dataset = parsed.success ? parsed.data : null;
  const summary: string[] = [];
  if (!dataset) return { problems, summary, dataset };

  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  let unresolved = 0;
  const tables = ['aid', 'strikes', 'strikeYears', 'incidents', 'events', 'priceIndex'] as const;
  for (const t of tables) for (const row of dataset[t] ?? []) for (const id of row.sources) if (!sourceIds.has(id)) unresolved++;
  for (const sy of dataset.strikeYears ?? []) {
    if (!sourceIds.has(sy.series)) problems.push(`strikeYears: series "${sy.series}" is not a source id`);
  }

  if (region) {
    (dataset.strikes ?? []).forEach((s, i) => {
      if (s.lat !== null && s.lon !== null && !s.outsideRegion && !region.contains(s.lat, s.lon)) {
        problems.push(`strikes[${i}]: ${s.id} at ${s.lat}, ${s.lon} is outside Pakistan/Afghanistan but not flagged outsideRegion`);
      }
    });
    (dataset.incidents ?? []).forEach((s, i) => {
      if (!s.outsideRegion && !region.contains(s.lat, s.lon)) {
        problems.push(`incidents[${i}]: ${s.id} at ${s.lat}, ${s.lon} is outside Pakistan/Afghanistan but not flagged outsideRegion`);
      }
    });
  }

  const aid = dataset.aid ?? [];
  const strikes = dataset.strikes ?? [];
  const confirmed = strikes.filter((s) => s.status === 'confirmed').length;
  summary.push(`version ${dataset.version}, generated ${dataset.generated}, coverage ${dataset.coverage.from}–${dataset.coverage.to}`);
  summary.push(`sources: ${dataset.sources.length}`);
  for (const m of ['crs-appropriations', 'fa-obligations', 'fa-disbursements'] as const) {
    const rows = aid.filter((r) => r.measure === m);
    summary.push(`aid (${m}): ${rows.length} rows, fiscal years ${yearSpan(rows.flatMap((r) => [r.fiscalYearStart, r.fiscalYearEnd]))}`);
  }
  summary.push(`strikes: ${strikes.length} rows (${confirmed} confirmed, ${strikes.length - confirmed} possible), years ${yearSpan(strikes.map((s) => Number(s.date.slice(0, 4))))}`);
  const series = [...new Set((dataset.strikeYears ?? []).map((s) => s.series))].sort();
  for (const s of series) {
    const rows = (dataset.strikeYears ?? []).filter((r) => r.series === s);
    summary.push(`strikeYears (${s}): ${rows.length} rows, years ${yearSpan(rows.map((r) => r.year))}`);
  }
  const incidents = dataset.incidents ?? [];
  summary.push(`incidents: ${incidents.length} rows, years ${yearSpan(incidents.map((r) => Number(r.dateStart.slice(0, 4))))}`);
  const events = dataset.events ?? [];
  summary.push(`events: ${events.length} rows, years ${yearSpan(events.map((r) => Number(r.date.slice(0, 4))))}`);
  summary.push(`unresolved source ids: ${unresolved}`);
  return { problems, summary, dataset };
}
