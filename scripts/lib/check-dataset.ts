/**
 * Checks a dataset document: the zod schema, source ids, coordinates and forbidden prose fields.
 * Problems are printed as `path: message`, e.g. `aid[12].amount: must be a number ≥ 0 (got "n/a")`.
 */
import { DatasetSchema } from '../../src/data/datasetSchema';
import { type Dataset } from '../../src/data/schema';
import { BORDER_SLACK_KM, type RegionTester } from './region';

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
  const tables = ['aid', 'aidTotals', 'aidGaps', 'strikes', 'strikeYears', 'incidents', 'events', 'priceIndex'] as const;
  for (const t of tables) for (const row of dataset[t] ?? []) for (const id of row.sources) if (!sourceIds.has(id)) unresolved++;
  for (const sy of dataset.strikeYears ?? []) {
    if (!sourceIds.has(sy.series)) problems.push(`strikeYears: series "${sy.series}" is not a source id`);
  }

  if (region) {
    // Checked against the outlines themselves: a point outside them must be flagged outsideRegion,
    // or be a border point drawn as approximate and lying within BORDER_SLACK_KM of them.
    const checkPoint = (table: string, i: number, id: string, lat: number, lon: number, precision: string, outsideRegion?: boolean) => {
      if (outsideRegion) return;
      const km = region.outsideKm(lat, lon);
      if (km === 0) return;
      if (km > BORDER_SLACK_KM) {
        problems.push(`${table}[${i}]: ${id} at ${lat}, ${lon} is ${km.toFixed(1)} km outside Pakistan/Afghanistan but not flagged outsideRegion`);
      } else if (precision === 'exact' || precision === 'village') {
        problems.push(`${table}[${i}]: ${id} at ${lat}, ${lon} is ${km.toFixed(1)} km outside the outlines but its precision is "${precision}", not approximate`);
      }
    };
    (dataset.strikes ?? []).forEach((s, i) => {
      if (s.lat !== null && s.lon !== null) checkPoint('strikes', i, s.id, s.lat, s.lon, s.precision, s.outsideRegion);
    });
    (dataset.incidents ?? []).forEach((s, i) => checkPoint('incidents', i, s.id, s.lat, s.lon, s.precision, s.outsideRegion));
  }

  // Coverage by year: every year of the dataset's coverage needs events and an aid figure.
  const coverageYears = Array.from({ length: dataset.coverage.to - dataset.coverage.from + 1 }, (_, i) => dataset.coverage.from + i);
  const eventsByYear = new Map<number, number>();
  for (const e of dataset.events ?? []) eventsByYear.set(Number(e.date.slice(0, 4)), (eventsByYear.get(Number(e.date.slice(0, 4))) ?? 0) + 1);
  const aidMeasuresFor = (y: number) =>
    [...new Set((dataset.aid ?? []).filter((r) => r.status === 'actual' && r.fiscalYearStart <= y && y <= r.fiscalYearEnd).map((r) => r.measure))].sort();
  const coverageLines: string[] = [];
  for (const y of coverageYears) {
    const nEvents = eventsByYear.get(y) ?? 0;
    const measures = aidMeasuresFor(y);
    const gap = (dataset.aidGaps ?? []).find((g) => g.fiscalYear === y);
    if (dataset.events && nEvents === 0) problems.push(`events: no event in ${y}`);
    if (dataset.aid && measures.length === 0 && !gap) problems.push(`aid: no figure for FY${y} and no aidGaps row saying why`);
    coverageLines.push(`  ${y}: ${nEvents} event(s); aid ${measures.length > 0 ? measures.join(', ') : gap ? `no figure (${gap.reason})` : 'none'}`);
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
  summary.push('coverage by year:', ...coverageLines);
  return { problems, summary, dataset };
}
