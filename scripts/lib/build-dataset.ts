/**
 * Builds the shipped dataset (public/data/dataset.json) from data/ only.
 *
 * `buildDataset(files)` is pure and deterministic: it takes the contents of the committed files
 * under data/ (see `DATA_FILES`; `readDataFiles` in ./data-files reads them from disk), never
 * the clock or the network, and sorts every table, so a test can compare its output with the
 * committed JSON byte for byte (see `serializeDataset`). It has no Node dependency, so the
 * browser-typed test project can import it.
 */
import type {
  AidCategory,
  AidRow,
  AidTotal,
  Claim,
  CrsCumulativeRow,
  Dataset,
  Figure,
  Incident,
  IncidentType,
  PriceIndexRow,
  Source,
  Strike,
  StrikeYear,
  ThemeName,
  TimelineEvent,
  ToneName,
} from '../../src/data/schema';
import { parseCsvRecords, type CsvRecord } from './csv';
import { districtCentroids, type DistrictCentroid } from './geo';
import { BORDER_SLACK_KM, regionTester, type RegionTester } from './region';

/** Fixed build metadata: NOT the clock, so the build is reproducible. Bump on data changes. */
export const DATASET_VERSION = '2026.11.0';
export const DATASET_GENERATED = '2026-11-22';
export const DATASET_TITLE = 'Pakistan–United States relations, 2001–2024: aid, drone strikes, border incidents and a cooperation/friction timeline';

/** Source ids used by computed series. */
export const TBIJ = 'tbij';
export const PBC = 'pbc';
export const SEED = 'ali-2024-ijciss';
export const GEO = 'geoboundaries-pak-adm2';

/** Every file under data/ that the build reads, relative to data/. */
export const DATA_FILES = [
  'curated/sources.json',
  'curated/aid_programmes.json',
  'curated/aid_annotations.json',
  'curated/strikes_late_2016_2018.csv',
  'curated/strike_years_published.csv',
  'curated/incidents.json',
  'curated/events.json',
  'curated/price_index_cpi_u.csv',
  'curated/claims.json',
  'raw/crs_pakistan_aid_table_long.csv',
  'raw/foreignassistance_gov_country_summary_PAK.csv',
  'raw/foreignassistance_gov_country_summary_PAK_2025-11.csv',
  'raw/tbij_dronestream_pakistan_strikes_2004-2016.csv',
  'raw/pbc_pakistan_drone_attacks_2004-2017.csv',
  'raw/geoBoundaries-PAK-ADM2_simplified.topojson',
  'raw/geoBoundaries-AFG-ADM1_simplified.topojson',
] as const;

/** File contents keyed by their path relative to data/ (e.g. "raw/…csv"). */
export type DataFiles = Readonly<Record<string, string>>;

type CoordPrecision = Strike['precision'];

// ---------------------------------------------------------------------------------------------
// Small parsing helpers
// ---------------------------------------------------------------------------------------------

/** Whole non-negative number or null. Blank, text ("Unknown") and negatives are unknown (null). */
export function intOrNull(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (!/^\d+$/.test(v)) return null;
  return Number(v);
}

function floatOrNull(value: string | undefined): number | null {
  const v = (value ?? '').trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export interface Range {
  min: number | null;
  max: number | null;
  /** Set when the text was not a plain number or range and was interpreted. */
  remark?: string;
}

/**
 * Parses TBIJ's free-text counts ("3", "0-3", "At least 2", "Possibly", "4-Mar"). Unknown
 * wording gives null/null, never 0.
 */
export function parseCountText(text: string): Range {
  const t = text.trim();
  if (t === '') return { min: null, max: null };
  let m = /^(\d+)$/.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(\d+)\s*-\s*(\d+)$/.exec(t);
  if (m) return { min: Number(m[1]), max: Number(m[2]) };
  m = /^at least (\d+)$/i.exec(t);
  if (m) return { min: Number(m[1]), max: null, remark: `recorded as "at least ${m[1]}"` };
  // Spreadsheet damage: "3-4" turned into the date "4-Mar" in the TBIJ export.
  const months: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
  m = /^(\d+)-([A-Z][a-z]{2})$/.exec(t);
  if (m && m[2] && months[m[2]] !== undefined) {
    const a = months[m[2]] ?? 0;
    const b = Number(m[1]);
    return { min: Math.min(a, b), max: Math.max(a, b), remark: `source cell "${t}" read as the range ${Math.min(a, b)}-${Math.max(a, b)} (spreadsheet date damage)` };
  }
  if (/^unknown$/i.test(t)) return { min: null, max: null };
  if (/^yes$/i.test(t)) return { min: 1, max: null, remark: 'reported as "yes" without a number' };
  return { min: null, max: null, remark: `reported as "${t.replace(/'$/, '')}" (unknown number)` };
}

function readText(files: DataFiles, rel: string): string {
  const text = files[rel];
  if (text === undefined) throw new Error(`data/${rel} is missing`);
  return text;
}

function readJson<T>(files: DataFiles, rel: string): T {
  return JSON.parse(readText(files, rel)) as T;
}

function readCsv(files: DataFiles, rel: string): CsvRecord[] {
  return parseCsvRecords(readText(files, rel));
}

function splitIds(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const parts = notes.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Aid
// ---------------------------------------------------------------------------------------------

interface ProgrammeDef {
  printed: string[];
  code: string;
  name: string;
  category: AidCategory;
}
interface AidProgrammesFile {
  programmes: ProgrammeDef[];
  editionForPeriod: Record<string, string>;
}
interface AidAnnotationsFile {
  periodNotes: Record<string, string>;
  rows: Record<string, { footnotes?: string[]; note?: string; addSources?: string[] }>;
}

const CATEGORY_ORDER: Record<AidCategory, number> = { security: 0, economic: 1, csf: 2, unsplit: 3 };

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "FY2002-FY2007" → [2002, 2007]; "FY2010" → [2010, 2010]; "FY2020 (request)" → [2020, 2020]. */
function parsePeriod(period: string): { start: number; end: number; request: boolean } | null {
  const m = /^FY(\d{4})(?:-FY(\d{4}))?( \(request\))?$/.exec(period.trim());
  if (!m) return null;
  const start = Number(m[1]);
  return { start, end: m[2] ? Number(m[2]) : start, request: Boolean(m[3]) };
}

function buildCrsAid(files: DataFiles): AidRow[] {
  const raw = readCsv(files, 'raw/crs_pakistan_aid_table_long.csv');
  const { programmes, editionForPeriod } = readJson<AidProgrammesFile>(files, 'curated/aid_programmes.json');
  const annotations = readJson<AidAnnotationsFile>(files, 'curated/aid_annotations.json');
  const byPrinted = new Map<string, ProgrammeDef>();
  for (const p of programmes) for (const printed of p.printed) byPrinted.set(printed, p);

  // Requests printed by the Mar-2014 edition for FY2014/FY2015, kept as notes on the actual rows.
  const requestNotes = new Map<string, string>();
  for (const r of raw) {
    if (r.edition !== 'crs-2014-03' || !/\(request\)/.test(r.period ?? '')) continue;
    const def = byPrinted.get(r.program ?? '');
    const amount = intOrNull(r.usd_millions);
    const period = parsePeriod(r.period ?? '');
    if (!def || amount === null || !period) continue;
    requestNotes.set(`${period.start}|${def.code}`, `The Mar-2014 edition printed a FY${period.start} request of ${amount}.`);
  }

  const rows: AidRow[] = [];
  const used = new Set<string>();
  for (const r of raw) {
    const period = r.period ?? '';
    if (editionForPeriod[period] !== r.edition) continue;
    const def = byPrinted.get(r.program ?? '');
    if (!def) continue; // totals rows: used by the tests, not shipped as rows
    const amount = intOrNull(r.usd_millions);
    // Blank/"C"/"—" (nothing appropriated), "<1" and zero cells carry no amount: no row.
    if (amount === null || amount === 0) continue;
    const p = parsePeriod(period);
    if (!p) throw new Error(`aid: cannot read period "${period}"`);
    const yearKey = p.start === p.end ? `fy${p.start}` : `fy${p.start}-${p.end}`;
    const id = `crs-${yearKey}${p.request ? '-request' : ''}-${slug(def.code)}`;
    if (used.has(id)) throw new Error(`aid: duplicate row ${id}`);
    used.add(id);
    const ann = annotations.rows[id];
    const note = joinNotes(
      annotations.periodNotes[period],
      p.request ? undefined : requestNotes.get(`${p.start}|${def.code}`),
      ann?.note,
    );
    const row: AidRow = {
      id,
      measure: 'crs-appropriations',
      fiscalYearStart: p.start,
      fiscalYearEnd: p.end,
      programme: def.code,
      programmeName: def.name,
      category: def.category,
      status: p.request ? 'request' : 'actual',
      amount,
      ...(ann?.footnotes ? { footnotes: ann.footnotes } : {}),
      ...(note ? { note } : {}),
      sources: [r.edition ?? '', ...(ann?.addSources ?? [])],
    };
    rows.push(row);
  }
  for (const id of Object.keys(annotations.rows)) {
    if (!used.has(id)) throw new Error(`aid annotation for unknown row ${id}`);
  }
  return rows.sort(
    (a, b) =>
      cmp(a.fiscalYearStart, b.fiscalYearStart) ||
      cmp(a.fiscalYearEnd, b.fiscalYearEnd) ||
      cmp(CATEGORY_ORDER[a.category], CATEGORY_ORDER[b.category]) ||
      cmp(a.programme, b.programme) ||
      cmp(a.id, b.id),
  );
}

/**
 * Cumulative CRS totals: the shipped rows' sum beside the total CRS prints. The Mar-2019 edition
 * raised cumulative CSF FY2002–FY2013 by 1,085 without allocating it to a year, so its printed
 * cumulative totals exceed the sum of the single years by exactly that.
 */
function buildCrsTotals(files: DataFiles, rows: AidRow[]): AidTotal[] {
  const raw = readCsv(files, 'raw/crs_pakistan_aid_table_long.csv');
  const printed = (period: string) => {
    const hit = raw.find((r) => r.edition === 'crs-2019-03' && r.period === period && r.category === 'grand_total');
    return intOrNull(hit?.usd_millions);
  };
  const csfRevision = (() => {
    const pick = (edition: string) => intOrNull(raw.find((r) => r.edition === edition && r.period === 'FY2002-FY2013' && /CSF|Coalition Support/i.test(r.program ?? ''))?.usd_millions);
    const later = pick('crs-2019-03');
    const single = sumKnown(rows.filter((r) => r.programme === 'CSF' && r.fiscalYearEnd <= 2013 && r.status === 'actual').map((r) => r.amount));
    if (later === null || single === null) throw new Error('aid totals: cannot find the FY2002–FY2013 CSF figures');
    return { later, single, gap: later - single };
  })();
  const spans: [number, number, string][] = [
    [2002, 2013, 'FY2002-FY2013'],
    [2002, 2018, 'FY2002-FY2018 total'],
  ];
  return spans.map(([start, end, period]) => {
    const sumOfRows = rows
      .filter((r) => r.measure === 'crs-appropriations' && r.status === 'actual' && r.fiscalYearStart >= start && r.fiscalYearEnd <= end)
      .reduce((a, r) => a + r.amount, 0);
    const total = printed(period);
    const gap = total === null ? null : total - sumOfRows;
    const note = joinNotes(
      `The single-year CRS rows for FY${start}–FY${end} sum to ${sumOfRows.toLocaleString('en-US')}; the Mar-2019 CRS edition prints ${total?.toLocaleString('en-US') ?? 'no total'}.`,
      gap === csfRevision.gap
        ? `The gap of ${gap.toLocaleString('en-US')} is exactly that edition's upward revision of cumulative Coalition Support Funds FY2002–FY2013 (${csfRevision.single.toLocaleString('en-US')} in the single years, ${csfRevision.later.toLocaleString('en-US')} printed), which CRS does not allocate to any year. Show both figures with this reason wherever a cumulative total appears.`
        : `The gap is ${gap?.toLocaleString('en-US') ?? 'unknown'}.`,
      end === 2018 ? 'The FY2018 rows add up to 107 where CRS prints 108 (rounding); the printed FY2002–FY2018 total is consistent with 107.' : undefined,
    );
    return {
      id: `crs-total-fy${start}-${end}`,
      measure: 'crs-appropriations',
      fiscalYearStart: start,
      fiscalYearEnd: end,
      sumOfRows,
      printed: total,
      note: note ?? '',
      sources: ['crs-2019-03', 'crs-2014-03', 'crs-2013-10'],
    };
  });
}

/** The ForeignAssistance.gov copy the FA series comes from: one copy for the whole series. */
const FA_FILE = 'raw/foreignassistance_gov_country_summary_PAK_2025-11.csv';
/** An older (about 2022) copy, read only to say how its incomplete FY2021–FY2022 values differ. */
const FA_OLD_FILE = 'raw/foreignassistance_gov_country_summary_PAK.csv';
export const FA_FIRST_YEAR = 2001;
export const FA_LAST_YEAR = 2024;

function buildFaAid(files: DataFiles): AidRow[] {
  const raw = readCsv(files, FA_FILE);
  const old = readCsv(files, FA_OLD_FILE);
  const rows: AidRow[] = [];
  const measures = [
    { type: 'Obligations', measure: 'fa-obligations' as const, label: 'obligations' },
    { type: 'Disbursements', measure: 'fa-disbursements' as const, label: 'disbursements' },
  ];
  const millions = (dollars: number) => Math.round(dollars / 1000) / 1000;
  for (const m of measures) {
    for (let fy = FA_FIRST_YEAR; fy <= FA_LAST_YEAR; fy++) {
      const hits = raw.filter((r) => r['Transaction Type Name'] === m.type && Number(r['Fiscal Year']) === fy);
      if (hits.length !== 1) throw new Error(`ForeignAssistance.gov: expected one ${m.type} row for FY${fy}, found ${hits.length}`);
      const dollars = floatOrNull(hits[0]?.current_amount);
      if (dollars === null) throw new Error(`ForeignAssistance.gov: ${m.type} FY${fy} has no amount`);
      const oldDollars = floatOrNull(old.find((r) => r.transaction_type_name === m.type && Number(r.fiscal_year) === fy)?.current_amount);
      const note = joinNotes(
        `ForeignAssistance.gov ${m.label} in current dollars, from the late-2025 copy of the country file: economic and military assistance together (the file has no split, and none was found for FY2019 onwards), excluding Coalition Support Funds. A different measure from CRS appropriations.`,
        fy >= 2021 && fy <= 2022 && oldDollars !== null
          ? `The earlier (about 2022) copy, incomplete for this year, gave ${millions(oldDollars).toFixed(1)}; it is not used.`
          : undefined,
        fy === FA_LAST_YEAR ? 'Recent years keep being revised upward as reporting comes in.' : undefined,
      );
      rows.push({
        id: `${m.measure}-fy${fy}`,
        measure: m.measure,
        fiscalYearStart: fy,
        fiscalYearEnd: fy,
        programme: 'TOTAL',
        programmeName: 'All US foreign assistance reported to ForeignAssistance.gov (excludes Coalition Support Funds)',
        category: 'unsplit',
        status: 'actual',
        amount: millions(dollars),
        ...(note ? { note } : {}),
        sources: ['fa-gov-2025'],
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Strikes
// ---------------------------------------------------------------------------------------------

/** TBIJ agency names → geoBoundaries ADM2 district names (for rows without a coordinate). */
const AGENCY_TO_DISTRICT: Record<string, string> = {
  'Lower Kurram': 'Kurram',
  'Kurram Agency': 'Kurram',
  'Khyber Agency': 'Khyber',
  'Bajaur Agency': 'Bajaur',
  'Orakzai Agency': 'Orakzai',
  'North Waziristan': 'North Waziristan',
  'South Waziristan': 'South Waziristan',
};

/**
 * TBIJ geocodes that are plainly copied from another place (raw/SOURCES.md): the strike is moved
 * to its district centroid and the original point is kept in the note.
 */
const MISPLACED_GEOCODES: Record<string, { district: string; why: string }> = {
  Ob171: { district: 'Khyber', why: 'a Tirah Valley strike carrying a point near Miranshah, North Waziristan' },
  Ob277: { district: 'South Waziristan', why: 'a strike near Wana carrying a point near Mir Ali, North Waziristan' },
};

/**
 * TBIJ's shared "Datta Khel" point (33.151242, 70.434707) lies some 38 km east-north-east of
 * Miranshah, but Datta Khel is west of Miranshah, where TBIJ's other Datta Khel strikes sit. The
 * strikes carrying it are moved to the median of those other points and drawn as approximate.
 */
export const DATTA_KHEL_BAD_POINT = { lat: 33.151242, lon: 70.434707 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function isDattaKhelBadPoint(lat: number | null, lon: number | null): boolean {
  return lat === DATTA_KHEL_BAD_POINT.lat && lon === DATTA_KHEL_BAD_POINT.lon;
}

/** The median of TBIJ's Datta Khel points other than the misplaced one. */
export function dattaKhelPoint(raw: CsvRecord[]): { lat: number; lon: number; count: number } {
  const others = raw
    .filter((r) => /datta khel/i.test(r.town ?? ''))
    .map((r) => ({ lat: floatOrNull(r.lat), lon: floatOrNull(r.lon) }))
    .filter((p): p is { lat: number; lon: number } => p.lat !== null && p.lon !== null && !isDattaKhelBadPoint(p.lat, p.lon));
  return { lat: median(others.map((p) => p.lat)), lon: median(others.map((p) => p.lon)), count: others.length };
}

/** TBIJ's confirmed count uses codes B1…B51 and Ob1…Ob372; anything else is outside it. */
export const TBIJ_CODE = /^(B|Ob)\d+$/;

function rangeText({ min, max }: { min: number | null; max: number | null }): string {
  if (min === null && max === null) return 'unknown';
  if (min === max) return String(min);
  return `${min ?? '?'}–${max ?? '?'}`;
}

function centroidOf(centroids: Map<string, DistrictCentroid>, district: string, context: string): DistrictCentroid {
  const c = centroids.get(district);
  if (!c) throw new Error(`${context}: no geoBoundaries district named "${district}"`);
  return c;
}

/** TBIJ strikes, plus the killed range TBIJ's text field states where it differs from its numbers. */
function buildTbijStrikes(files: DataFiles, centroids: Map<string, DistrictCentroid>): { strikes: Strike[]; statedKilled: Map<string, Range> } {
  const statedKilled = new Map<string, Range>();
  const raw = readCsv(files, 'raw/tbij_dronestream_pakistan_strikes_2004-2016.csv');
  const dattaKhel = dattaKhelPoint(raw);
  const seen = new Set<string>();
  const ids = new Set<string>();
  const strikes = raw.map((r, i) => {
    const code = (r.bureau_id ?? '').trim();
    const notes: string[] = [];
    let id: string;
    let status: Strike['status'] = 'confirmed';
    if (code === '') {
      id = `tbij-nocode-${r.date}`;
      status = 'possible';
      notes.push('Listed without a TBIJ strike code (country "Pakistan-Afghanistan Border"), so it is outside TBIJ\'s confirmed count.');
    } else if (!TBIJ_CODE.test(code)) {
      id = `tbij-${code}`;
      status = 'possible';
      notes.push(`Letter-suffixed code ${code}: an additional or possible strike outside TBIJ's confirmed count.`);
    } else if (seen.has(code)) {
      id = `tbij-${code}-dup`;
      status = 'possible';
      notes.push(`Second row carrying code ${code} in the snapshot (same date, different village); kept but not counted.`);
    } else {
      id = `tbij-${code}`;
    }
    if (ids.has(id)) throw new Error(`strikes: id ${id} would repeat (code ${code} appears more than twice?)`);
    ids.add(id);
    if (code !== '') seen.add(code);

    // Killed: TBIJ's own min/max fields, except "Unknown" which the export stores as 0/0.
    const deathsText = (r.deaths_text ?? '').trim();
    let killedMin = intOrNull(r.deaths_min);
    let killedMax = intOrNull(r.deaths_max);
    if (/^unknown$/i.test(deathsText)) {
      killedMin = null;
      killedMax = null;
      notes.push('Deaths reported as "Unknown" (the export stores 0-0; recorded here as unknown).');
    }
    const stated = deathsText === '' || /^unknown$/i.test(deathsText) ? null : parseCountText(deathsText);
    if (stated && (stated.min !== killedMin || stated.max !== killedMax) && stated.remark === undefined) {
      statedKilled.set(id, stated);
      notes.push(
        `TBIJ disagrees with itself here: its text gives ${rangeText(stated)} killed, its number fields ${rangeText({ min: killedMin, max: killedMax })}. The numbers are used; the yearly TBIJ note gives the total by the text.`,
      );
    }
    const civ = parseCountText(r.civilians_text ?? '');
    if (civ.remark) notes.push(`Civilians ${civ.remark}.`);
    const children = parseCountText(r.children_text ?? '');
    if (children.remark) notes.push(`Children ${children.remark}.`);
    const inj = parseCountText(r.injuries_text ?? '');
    if (inj.remark) notes.push(`Injured ${inj.remark}.`);

    let lat = floatOrNull(r.lat);
    let lon = floatOrNull(r.lon);
    let precision: CoordPrecision = 'village';
    const sources = [TBIJ];
    const misplaced = MISPLACED_GEOCODES[code];
    if (isDattaKhelBadPoint(lat, lon)) {
      notes.push(
        `TBIJ's shared Datta Khel point (${lat}, ${lon}) lies east-north-east of Miranshah, but Datta Khel is west of it; placed at the median of TBIJ's ${dattaKhel.count} other Datta Khel points instead (approximate).`,
      );
      lat = Number(dattaKhel.lat.toFixed(6));
      lon = Number(dattaKhel.lon.toFixed(6));
      precision = 'approximate';
    } else if (misplaced && lat !== null && lon !== null) {
      const c = centroidOf(centroids, misplaced.district, `strike ${id}`);
      notes.push(`TBIJ's point (${lat}, ${lon}) belongs to another place (${misplaced.why}); placed at the ${misplaced.district} district centroid instead.`);
      lat = c.lat;
      lon = c.lon;
      precision = 'district-centroid';
      sources.push(GEO);
    } else if (lat === null || lon === null) {
      const district = AGENCY_TO_DISTRICT[(r.location ?? '').trim()];
      if (!district) throw new Error(`strikes row ${i + 2}: no coordinate and no district for "${r.location}"`);
      const c = centroidOf(centroids, district, `strike ${id}`);
      lat = c.lat;
      lon = c.lon;
      precision = 'district-centroid';
      sources.push(GEO);
      notes.push(`TBIJ gives no coordinate; placed at the ${district} district centroid.`);
    }
    if (code === 'B1') notes.push('TBIJ dates this strike 17 Jun 2004; PBC and Wikipedia give 18 Jun 2004 (local night of 17/18 June).');
    if (code === 'Ob372') notes.push('PBC dates this strike 22 Jan 2016.');

    const note = joinNotes(...notes);
    const strike: Strike = {
      id,
      date: (r.date ?? '').trim(),
      place: (r.town ?? '').trim(),
      agency: (r.location ?? '').trim(),
      lat,
      lon,
      precision,
      killedMin,
      killedMax,
      civiliansMin: civ.min,
      civiliansMax: civ.max,
      childrenMin: children.min,
      childrenMax: children.max,
      injuredMin: inj.min,
      injuredMax: inj.max,
      tbijId: code === '' ? null : code,
      status,
      ...(note ? { note } : {}),
      sources,
    };
    return strike;
  });
  return { strikes, statedKilled };
}

function buildLateStrikes(files: DataFiles, centroids: Map<string, DistrictCentroid>): Strike[] {
  const raw = readCsv(files, 'curated/strikes_late_2016_2018.csv');
  return raw.map((r) => {
    const id = r.id ?? '';
    let lat = floatOrNull(r.lat);
    let lon = floatOrNull(r.lon);
    const precision = (r.precision ?? '') as CoordPrecision;
    const sources = splitIds(r.sources ?? '');
    if (lat === null || lon === null) {
      const c = centroidOf(centroids, r.centroidOf ?? '', `strike ${id}`);
      lat = c.lat;
      lon = c.lon;
      sources.push(GEO);
    }
    const status = r.status === 'confirmed' ? 'confirmed' : 'possible';
    const note = (r.note ?? '').trim();
    const strike: Strike = {
      id,
      date: r.date ?? '',
      place: r.place ?? '',
      agency: r.agency ?? '',
      lat,
      lon,
      precision,
      killedMin: intOrNull(r.killedMin),
      killedMax: intOrNull(r.killedMax),
      civiliansMin: intOrNull(r.civiliansMin),
      civiliansMax: intOrNull(r.civiliansMax),
      childrenMin: null,
      childrenMax: null,
      injuredMin: intOrNull(r.injuredMin),
      injuredMax: intOrNull(r.injuredMax),
      tbijId: (r.tbijId ?? '').trim() === '' ? null : (r.tbijId ?? '').trim(),
      status,
      ...(note ? { note } : {}),
      sources,
    };
    return strike;
  });
}

// ---------------------------------------------------------------------------------------------
// Strike years
// ---------------------------------------------------------------------------------------------

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Notes on TBIJ years where the snapshot's rows differ from TBIJ's own numbering. */
const TBIJ_YEAR_NOTES: Record<number, string> = {
  2010: "Matches TBIJ's published figure of 128 strikes for 2010.",
  2011: 'Ob197 appears twice in the snapshot; the second row is not counted.',
  2012: 'TBIJ code Ob259 (between 23 Jan and 8 Feb 2012) is missing from the snapshot, so TBIJ\'s own count is probably one higher.',
  2015: 'TBIJ code Ob363 (between 28 Jan and 12 Apr 2015) is missing from the snapshot, and Ob357 may belong here.',
  2014: 'TBIJ code Ob357 (between 26 Dec 2014 and 4 Jan 2015) is missing from the snapshot; it belongs to 2014 or 2015. No 2014 strike has a civilian figure in the snapshot, so civilians are unknown rather than zero.',
  2016: "Two strikes from the snapshot (to 22 Feb) plus Ob373 (21 May); TBIJ and AFP report three strikes in 2016. TBIJ gives no civilian figure for any 2016 strike, so civilians are unknown; the 1 civilian on Ob373's row is Pakistan Body Count's (row 397, the driver).",
};

function buildTbijYears(strikes: Strike[], statedKilled: Map<string, Range>): StrikeYear[] {
  const confirmed = strikes.filter((s) => s.status === 'confirmed' && s.sources.some((id) => id === TBIJ || id === 'tbij-ob373') && s.tbijId !== null);
  const years = [...new Set(confirmed.map((s) => Number(s.date.slice(0, 4))))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = confirmed.filter((s) => Number(s.date.slice(0, 4)) === year);
    // Civilian figures count only where TBIJ itself gives them: Ob373's "1" is PBC's.
    const tbijCivilians = rows.filter((s) => s.sources.includes(TBIJ));
    const killedMin = sumKnown(rows.map((s) => s.killedMin));
    const killedMax = sumKnown(rows.map((s) => s.killedMax));
    const disagreeing = rows.filter((s) => statedKilled.has(s.id));
    const byText = (pick: (r: Range) => number | null, fallback: (s: Strike) => number | null) =>
      sumKnown(rows.map((s) => { const stated = statedKilled.get(s.id); return stated ? pick(stated) : fallback(s); }));
    const textMin = byText((r) => r.min, (s) => s.killedMin);
    const textMax = byText((r) => r.max, (s) => s.killedMax);
    const note = joinNotes(
      'Computed from the confirmed per-strike rows (TBIJ codes B1–B51, Ob1–Ob373). Ranges sum each strike\'s minimum and maximum; strikes with an unknown figure add nothing.',
      TBIJ_YEAR_NOTES[year],
      disagreeing.length > 0 && (textMin !== killedMin || textMax !== killedMax)
        ? `TBIJ disagrees with itself: for ${disagreeing.map((s) => s.tbijId).join(', ')} its text fields and number fields give different killed counts. By the number fields (used here) ${year} is ${rangeText({ min: killedMin, max: killedMax })} killed; by the text fields ${rangeText({ min: textMin, max: textMax })}.`
        : undefined,
    );
    return {
      year,
      series: TBIJ,
      strikes: rows.length,
      killedMin,
      killedMax,
      civiliansMin: sumKnown(tbijCivilians.map((s) => s.civiliansMin)),
      civiliansMax: sumKnown(tbijCivilians.map((s) => s.civiliansMax)),
      ...(note ? { note } : {}),
      sources: year === 2010 ? [TBIJ, 'dawn-2016-05-tbij'] : year === 2016 ? [TBIJ, 'tbij-ob373'] : [TBIJ],
    };
  });
}

/** Pakistan Body Count: one row per incident ("No of Strike" counts missiles and is not used). */
export function buildPbcYears(files: DataFiles): StrikeYear[] {
  const raw = readCsv(files, 'raw/pbc_pakistan_drone_attacks_2004-2017.csv');
  const incidents = raw.filter((r) => (r.Date ?? '').trim() !== ''); // drops the TOTALS row
  const byYear = new Map<number, CsvRecord[]>();
  for (const r of incidents) {
    const m = /(\d{4})\s*$/.exec(r.Date ?? '');
    if (!m) throw new Error(`PBC: cannot read the year of "${r.Date}"`);
    const y = Number(m[1]);
    byYear.set(y, [...(byYear.get(y) ?? []), r]);
  }
  return [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const rows = byYear.get(year) ?? [];
      const notes: string[] = [
        'Computed from the per-incident PBC file: strikes = incidents (not missiles). Blank cells add nothing, so the minimum is low where PBC gives only a maximum.',
      ];
      const negatives = rows.filter((r) => /^-\d+$/.test((r['Civilians Max'] ?? '').trim()));
      const below = rows.filter((r) => {
        const a = intOrNull(r['Civilians Min']);
        const b = intOrNull(r['Civilians Max']);
        return a !== null && b !== null && b < a;
      });
      if (negatives.length > 0) {
        notes.push(
          `PBC row(s) ${negatives.map((r) => `${r['S#']} (${r['Civilians Max']})`).join(', ')} carry a negative Civilians Max; those cells are treated as unknown.`,
        );
      }
      if (below.length > 0) {
        notes.push(
          `PBC row(s) ${below.map((r) => `${r['S#']} (min ${r['Civilians Min']}, max ${r['Civilians Max']})`).join(', ')} have Civilians Max below Min; summed as printed.`,
        );
      }
      const civiliansMin = sumKnown(rows.map((r) => intOrNull(r['Civilians Min'])));
      let civiliansMax = sumKnown(rows.map((r) => intOrNull(r['Civilians Max'])));
      if (civiliansMin !== null && civiliansMax !== null && civiliansMax < civiliansMin) {
        notes.push(`The civilian maxima sum to ${civiliansMax}, below the minima (${civiliansMin}), so the maximum is left unknown.`);
        civiliansMax = null;
      }
      if (year === 2016) notes.push('PBC dates the Lower Kurram strike 22 Jan 2016; TBIJ (Ob372) dates it 22 Feb.');
      if (year === 2017) notes.push('The file ends on 16 Oct 2017.');
      return {
        year,
        series: PBC,
        strikes: rows.length,
        killedMin: sumKnown(rows.map((r) => intOrNull(r['Total Died Min']))),
        killedMax: sumKnown(rows.map((r) => intOrNull(r['Total Died Mix']))),
        civiliansMin,
        civiliansMax,
        note: notes.join(' '),
        sources: [PBC],
      };
    });
}

function buildPublishedYears(files: DataFiles): StrikeYear[] {
  return readCsv(files, 'curated/strike_years_published.csv').map((r) => {
    const note = (r.note ?? '').trim();
    return {
      year: Number(r.year),
      series: r.series ?? '',
      strikes: intOrNull(r.strikes),
      killedMin: intOrNull(r.killedMin),
      killedMax: intOrNull(r.killedMax),
      civiliansMin: intOrNull(r.civiliansMin),
      civiliansMax: intOrNull(r.civiliansMax),
      ...(note ? { note } : {}),
      sources: [r.series ?? '', ...splitIds(r.sources ?? '')].filter((v, i, a) => a.indexOf(v) === i),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Incidents and events (hand-curated)
// ---------------------------------------------------------------------------------------------

interface CuratedIncident {
  id: string;
  type: IncidentType;
  name: string;
  dateStart: string;
  dateEnd: string | null;
  place: string;
  district: string;
  lat: number | null;
  lon: number | null;
  centroidOf?: string;
  precision: CoordPrecision;
  killedMin: number | null;
  killedMax: number | null;
  woundedMin: number | null;
  woundedMax: number | null;
  tone: ToneName;
  theme: ThemeName;
  description: string;
  discrepancies?: string;
  singleSource?: boolean;
  singleSourceFields?: Incident['singleSourceFields'];
  outsideRegion?: boolean;
  figures?: Figure[];
  sources: string[];
}

function buildIncidents(files: DataFiles, centroids: Map<string, DistrictCentroid>): Incident[] {
  const curated = readJson<CuratedIncident[]>(files, 'curated/incidents.json');
  return curated
    .map((c) => {
      let { lat, lon, precision } = c;
      const sources = [...c.sources];
      if (lat === null || lon === null) {
        if (!c.centroidOf) throw new Error(`incident ${c.id}: no coordinate and no centroidOf district`);
        const d = centroidOf(centroids, c.centroidOf, `incident ${c.id}`);
        lat = d.lat;
        lon = d.lon;
        precision = 'district-centroid';
        sources.push(GEO);
      }
      const row: Incident = {
        id: c.id,
        type: c.type,
        name: c.name,
        dateStart: c.dateStart,
        dateEnd: c.dateEnd,
        place: c.place,
        district: c.district,
        lat,
        lon,
        precision,
        killedMin: c.killedMin,
        killedMax: c.killedMax,
        woundedMin: c.woundedMin,
        woundedMax: c.woundedMax,
        tone: c.tone,
        theme: c.theme,
        description: c.description,
        ...(c.discrepancies ? { discrepancies: c.discrepancies } : {}),
        ...(c.outsideRegion ? { outsideRegion: true } : {}),
        ...(c.singleSource ? { singleSource: true } : {}),
        ...(c.singleSourceFields ? { singleSourceFields: c.singleSourceFields } : {}),
        ...(c.figures ? { figures: c.figures } : {}),
        sources,
      };
      return row;
    })
    .sort((a, b) => cmp(a.dateStart, b.dateStart) || cmp(a.id, b.id));
}

function buildEvents(files: DataFiles): TimelineEvent[] {
  const curated = readJson<TimelineEvent[]>(files, 'curated/events.json');
  return curated
    .map((e) => {
      const row: TimelineEvent = {
        id: e.id,
        date: e.date,
        datePrecision: e.datePrecision,
        tone: e.tone,
        theme: e.theme,
        title: e.title,
        description: e.description,
        ...(e.incidentId ? { incidentId: e.incidentId } : {}),
        ...(e.singleSource ? { singleSource: true } : {}),
        ...(e.doMore ? { doMore: true } : {}),
        ...(e.figures ? { figures: e.figures } : {}),
        sources: e.sources,
      };
      return row;
    })
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
}

// ---------------------------------------------------------------------------------------------
// Points outside the simplified outlines
// ---------------------------------------------------------------------------------------------

/** The sentence added to a point that lies outside the geoBoundaries outlines, or null if inside. */
export function borderRemark(lat: number, lon: number, region: RegionTester): string | null {
  const km = region.outsideKm(lat, lon);
  if (km === 0) return null;
  if (km > BORDER_SLACK_KM) throw new Error(`point ${lat}, ${lon} lies ${km.toFixed(1)} km outside Pakistan/Afghanistan: flag it outsideRegion or fix it`);
  return `The point lies ${km.toFixed(1)} km outside the simplified geoBoundaries outlines, near the border, so it is drawn as approximate.`;
}

function flagBorderStrike(s: Strike, region: RegionTester): Strike {
  if (s.lat === null || s.lon === null || s.outsideRegion) return s;
  const remark = borderRemark(s.lat, s.lon, region);
  if (!remark) return s;
  const { sources, ...rest } = s;
  return { ...rest, precision: 'approximate', note: joinNotes(s.note, remark), sources };
}

function flagBorderIncident(i: Incident, region: RegionTester): Incident {
  if (i.outsideRegion) return i;
  const remark = borderRemark(i.lat, i.lon, region);
  if (!remark) return i;
  const { sources, ...rest } = i;
  return { ...rest, precision: 'approximate', discrepancies: joinNotes(i.discrepancies, remark), sources };
}

// ---------------------------------------------------------------------------------------------
// Price index (constant dollars)
// ---------------------------------------------------------------------------------------------

export const CPI_U_SERIES = 'CUUR0000SA0';

function buildPriceIndex(files: DataFiles): PriceIndexRow[] {
  return readCsv(files, 'curated/price_index_cpi_u.csv').map((r) => {
    const year = Number(r.year);
    const value = floatOrNull(r.value);
    if (!Number.isInteger(year) || value === null) throw new Error(`price index: cannot read year "${r.year}" value "${r.value}"`);
    return { id: `cpi-u-${year}`, year, value, series: CPI_U_SERIES, sources: splitIds(r.sources ?? '') };
  });
}

// ---------------------------------------------------------------------------------------------
// Claims (the seed paper's headline figures; the dataset's own figures are computed in the app)
// ---------------------------------------------------------------------------------------------

function buildClaims(files: DataFiles): Claim[] {
  return readJson<Claim[]>(files, 'curated/claims.json');
}

const CUMULATIVE_CATEGORIES: Record<string, CrsCumulativeRow['category']> = { security_total: 'security', economic_total: 'economic', csf: 'csf' };

/** The category totals of CRS's printed multi-year columns (FY2002–FY2013, FY2002–FY2018 total). */
function buildCrsCumulative(files: DataFiles): CrsCumulativeRow[] {
  const rows: CrsCumulativeRow[] = [];
  for (const r of readCsv(files, 'raw/crs_pakistan_aid_table_long.csv')) {
    const m = /^FY(\d{4})-FY(\d{4})( total)?$/.exec(r.period ?? '');
    const category = CUMULATIVE_CATEGORIES[r.category ?? ''];
    const amount = floatOrNull(r.usd_millions);
    if (!m || !category || amount === null || r.edition !== 'crs-2019-03') continue;
    rows.push({ id: `${r.edition}-fy${m[1]}-fy${m[2]}-${category}`, fiscalYearStart: Number(m[1]), fiscalYearEnd: Number(m[2]), category, amount, sources: [r.edition] });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** Builds the whole dataset from the contents of the data/ files. */
export function buildDataset(files: DataFiles): Dataset {
  const centroids = districtCentroids(readText(files, 'raw/geoBoundaries-PAK-ADM2_simplified.topojson'));
  const sources = readJson<Source[]>(files, 'curated/sources.json');
  const crsAid = buildCrsAid(files);
  const aid = [...crsAid, ...buildFaAid(files)];
  const region = regionTester(files);
  const tbij = buildTbijStrikes(files, centroids);
  const strikes = [...tbij.strikes, ...buildLateStrikes(files, centroids)]
    .map((s) => flagBorderStrike(s, region))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  const strikeYears = [...buildTbijYears(strikes, tbij.statedKilled), ...buildPbcYears(files), ...buildPublishedYears(files)].sort(
    (a, b) => cmp(a.series, b.series) || cmp(a.year, b.year),
  );
  return {
    version: DATASET_VERSION,
    generated: DATASET_GENERATED,
    title: DATASET_TITLE,
    coverage: { from: 2001, to: 2024 },
    sources,
    aid,
    aidTotals: buildCrsTotals(files, crsAid),
    strikes,
    strikeYears,
    incidents: buildIncidents(files, centroids).map((i) => flagBorderIncident(i, region)),
    events: buildEvents(files),
    priceIndex: buildPriceIndex(files),
    claims: buildClaims(files),
    crsCumulative: buildCrsCumulative(files),
  };
}

/** The exact bytes written to public/data/dataset.json: 2-space JSON plus a trailing newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
