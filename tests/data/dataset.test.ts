// @vitest-environment node
/**
 * Guards for the shipped dataset (public/data/dataset.json): it is exactly what the build
 * produces, it validates, its sums match the printed sources, and it ships no prose or names.
 */
import committedText from '../../public/data/dataset.json?raw';
import { DatasetSchema } from '../../src/data/datasetSchema';
import { type AidRow, type Dataset } from '../../src/data/schema';
import { buildDataset, DATA_FILES, serializeDataset, TBIJ_CODE, type DataFiles } from '../../scripts/lib/build-dataset';
import { checkDataset } from '../../scripts/lib/check-dataset';
import { parseCsvRecords } from '../../scripts/lib/csv';
import { regionTester } from '../../scripts/lib/region';

// The committed data/ files, loaded by Vite (no Node fs needed), keyed relative to data/.
const globbed = import.meta.glob<string>('../../data/{raw,curated}/*.{csv,json,topojson}', { query: '?raw', import: 'default', eager: true });
const files: DataFiles = Object.fromEntries(Object.entries(globbed).map(([path, text]) => [path.replace(/^\.\.\/\.\.\/data\//, ''), text]));
const committed = JSON.parse(committedText) as Dataset;
const built = buildDataset(files);

describe('dataset build', () => {
  it('the committed public/data/dataset.json equals buildDataset() output byte for byte', () => {
    expect(committedText).toBe(serializeDataset(built));
  });

  it('is deterministic', () => {
    expect(serializeDataset(buildDataset(files))).toBe(serializeDataset(built));
  });

  it('finds every data file the build needs', () => {
    for (const rel of DATA_FILES) expect(files[rel], rel).toBeTypeOf('string');
  });
});

describe('validation', () => {
  it('validates against DatasetSchema', () => {
    const result = DatasetSchema.safeParse(committed);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('passes the data:check checks (sources resolve, coordinates in region, no forbidden fields)', () => {
    const { problems, summary } = checkDataset(committed, regionTester(files));
    expect(problems).toEqual([]);
    expect(summary).toContain('unresolved source ids: 0');
  });

  it('reports bad input as path: message', () => {
    const broken = structuredClone(committed) as unknown as { aid: { amount: unknown }[] };
    const first = broken.aid[0];
    if (!first) throw new Error('no aid rows');
    first.amount = 'n/a';
    const { problems } = checkDataset(broken);
    expect(problems.some((p) => p.startsWith('aid[0].amount: ') && p.includes('"n/a"'))).toBe(true);
  });
});

describe('aid (CRS appropriations)', () => {
  const crs = committed.aid?.filter((r) => r.measure === 'crs-appropriations') ?? [];
  const sum = (rows: AidRow[]) => rows.reduce((a, r) => a + r.amount, 0);
  const year = (start: number, end = start) =>
    crs.filter((r) => r.fiscalYearStart === start && r.fiscalYearEnd === end && r.status === 'actual');

  /** Printed grand totals and category totals, from the CRS transcription in data/raw. */
  const printed = parseCsvRecords(files['raw/crs_pakistan_aid_table_long.csv'] ?? '');
  const editionFor: Record<string, string> = { 'FY2002-FY2007': 'crs-2013-10', FY2008: 'crs-2013-10' };
  for (let y = 2009; y <= 2013; y++) editionFor[`FY${y}`] = 'crs-2014-03';
  for (let y = 2014; y <= 2018; y++) editionFor[`FY${y}`] = 'crs-2019-03';
  const printedTotal = (period: string, category: string): number => {
    const row = printed.find((r) => r.period === period && r.category === category && r.edition === editionFor[period]);
    if (!row) throw new Error(`no printed ${category} for ${period}`);
    return Number(row.usd_millions);
  };

  it('FY2010 adds up to the printed total of 4,504', () => {
    expect(sum(year(2010))).toBe(4504);
  });

  it('FY2008 = 2,043 and FY2009 = 3,040 (A_us_aid_by_year_best.csv totals)', () => {
    expect(sum(year(2008))).toBe(2043);
    expect(sum(year(2009))).toBe(3040);
  });

  it('every year matches the printed grand and category totals (FY2018: within CRS rounding)', () => {
    const periods: [string, number, number][] = [['FY2002-FY2007', 2002, 2007]];
    for (let y = 2008; y <= 2018; y++) periods.push([`FY${y}`, y, y]);
    for (const [period, start, end] of periods) {
      const rows = year(start, end);
      const tolerance = period === 'FY2018' ? 1 : 0;
      expect(Math.abs(sum(rows) - printedTotal(period, 'grand_total')), period).toBeLessThanOrEqual(tolerance);
      expect(sum(rows.filter((r) => r.category === 'security')), `${period} security`).toBe(printedTotal(period, 'security_total'));
      expect(sum(rows.filter((r) => r.category === 'economic')), `${period} economic`).toBe(printedTotal(period, 'economic_total'));
    }
  });

  it('keeps FY2002–FY2007 as one six-year aggregate and labels requests', () => {
    expect(crs.filter((r) => r.fiscalYearStart === 2002).every((r) => r.fiscalYearEnd === 2007)).toBe(true);
    expect(crs.some((r) => r.fiscalYearStart > 2002 && r.fiscalYearStart < 2008)).toBe(false);
    const fy2020 = crs.filter((r) => r.fiscalYearStart === 2020);
    expect(fy2020.length).toBeGreaterThan(0);
    expect(fy2020.every((r) => r.status === 'request')).toBe(true);
    expect(sum(fy2020)).toBe(70);
  });

  it('records the CSF revisions and the FY2013 estimate in notes', () => {
    const csf13 = crs.find((r) => r.id === 'crs-fy2013-csf');
    expect(csf13?.note).toMatch(/10,705.*11,040.*12,125/);
    expect(year(2013).every((r) => /estimate/.test(r.note ?? ''))).toBe(true);
  });

  it('has ForeignAssistance.gov obligations and disbursements for FY2001–FY2024 from one copy, unsplit', () => {
    for (const m of ['fa-obligations', 'fa-disbursements'] as const) {
      const rows = committed.aid?.filter((r) => r.measure === m) ?? [];
      expect(rows.map((r) => r.fiscalYearStart)).toEqual(Array.from({ length: 24 }, (_, i) => 2001 + i));
      expect(rows.every((r) => r.category === 'unsplit' && r.programme === 'TOTAL' && /Coalition Support Funds/.test(r.note ?? ''))).toBe(true);
      expect(rows.every((r) => r.sources.length === 1 && r.sources[0] === 'fa-gov-2025')).toBe(true);
    }
    // The late-2025 copy's values (E_aid_after_fy2018: 2,669.3 for FY2010; 684.7 for FY2019).
    expect(committed.aid?.find((r) => r.id === 'fa-obligations-fy2010')?.amount).toBeCloseTo(2669.29, 2);
    expect(committed.aid?.find((r) => r.id === 'fa-obligations-fy2019')?.amount).toBeCloseTo(684.684, 3);
  });
});

describe('drone strikes', () => {
  const strikes = committed.strikes ?? [];
  const snapshot = strikes.filter((s) => s.id.startsWith('tbij-'));
  const tbijYears = (committed.strikeYears ?? []).filter((r) => r.series === 'tbij');

  it('keeps all 429 TBIJ snapshot rows with unique ids', () => {
    expect(snapshot).toHaveLength(429);
    expect(new Set(strikes.map((s) => s.id)).size).toBe(strikes.length);
    expect(strikes.some((s) => s.id === 'tbij-Ob197-dup' && s.status === 'possible')).toBe(true);
  });

  it('confirmed snapshot rows plus the three codes missing from the snapshot make TBIJ\'s 423', () => {
    const confirmedCodes = snapshot.filter((s) => s.status === 'confirmed').map((s) => s.tbijId ?? '');
    expect(confirmedCodes.every((c) => TBIJ_CODE.test(c))).toBe(true);
    expect(new Set(confirmedCodes).size).toBe(confirmedCodes.length);
    const missing = ['Ob259', 'Ob357', 'Ob363'];
    const expected = [...Array.from({ length: 51 }, (_, i) => `B${i + 1}`), ...Array.from({ length: 372 }, (_, i) => `Ob${i + 1}`)];
    expect(expected).toHaveLength(423);
    expect([...confirmedCodes, ...missing].sort()).toEqual(expected.sort());
    // The 8 rows outside the count: 7 letter-suffixed codes, the row without a code, and the Ob197 duplicate.
    expect(snapshot.filter((s) => s.status === 'possible')).toHaveLength(9);
  });

  it('strike counts per year from confirmed TBIJ-coded rows equal the TBIJ series, and 2010 = 128', () => {
    const counts = new Map<number, number>();
    for (const s of strikes) {
      if (s.status !== 'confirmed' || s.tbijId === null) continue;
      const y = Number(s.date.slice(0, 4));
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    expect(counts.get(2010)).toBe(128);
    for (const [y, n] of counts) {
      expect(tbijYears.find((r) => r.year === y)?.strikes, String(y)).toBe(n);
    }
    expect(tbijYears.find((r) => r.year === 2010)?.strikes).toBe(128);
  });

  it('PBC yearly series counts incidents (404) and records the civilian quirks', () => {
    const pbc = (committed.strikeYears ?? []).filter((r) => r.series === 'pbc');
    expect(pbc.reduce((a, r) => a + (r.strikes ?? 0), 0)).toBe(404);
    expect(pbc.reduce((a, r) => a + (r.killedMax ?? 0), 0)).toBe(3658);
    const y2014 = pbc.find((r) => r.year === 2014);
    // Rows 368–370 and 375 print a negative Civilians Max: treated as unknown, not summed.
    expect(y2014?.civiliansMin).toBe(13);
    expect(y2014?.civiliansMax).toBe(16);
    expect(y2014?.note).toMatch(/negative/);
    expect(pbc.find((r) => r.year === 2010)?.note).toMatch(/173/);
  });

  it('uses null, never 0, for unknown TBIJ counts', () => {
    const b11 = strikes.find((s) => s.id === 'tbij-B11');
    expect(b11?.killedMin).toBeNull();
    expect(b11?.killedMax).toBeNull();
    const b2 = strikes.find((s) => s.id === 'tbij-B2');
    expect(b2?.childrenMin).toBeNull();
  });

  it('places the Ob372 strike (no TBIJ coordinate) at its district centroid', () => {
    const ob372 = strikes.find((s) => s.id === 'tbij-Ob372');
    expect(ob372?.precision).toBe('district-centroid');
    expect(ob372?.lat).not.toBeNull();
  });
});

describe('coordinates', () => {
  const region = regionTester(files);
  it('lie inside the outlines themselves, or are approximate border points within 10 km of them', () => {
    const bad: string[] = [];
    const points = [
      ...(committed.strikes ?? []).map((s) => ({ ...s, text: s.note ?? '' })),
      ...(committed.incidents ?? []).map((s) => ({ ...s, text: s.discrepancies ?? '' })),
    ];
    for (const p of points) {
      if (p.lat === null || p.lon === null || p.outsideRegion) continue;
      const km = region.outsideKm(p.lat, p.lon);
      if (km > 0 && (km > 10 || p.precision !== 'approximate' || !/outside the simplified geoBoundaries outlines/.test(p.text))) bad.push(p.id);
    }
    expect(bad).toEqual([]);
  });

  it('the region test rejects points outside the two countries', () => {
    expect(region.contains(28.6, 77.2)).toBe(false); // Delhi
    expect(region.contains(35.7, 51.4)).toBe(false); // Tehran
    expect(region.contains(33.72, 73.04)).toBe(true); // Islamabad
  });

  it('incidents without a sourced coordinate are district centroids', () => {
    const gora = committed.incidents?.find((i) => i.id === 'gora_prai_2008');
    expect(gora?.precision).toBe('district-centroid');
    expect(gora?.sources).toContain('geoboundaries-pak-adm2');
  });
});

describe('no prose or names of the dead', () => {
  it('has no field named summary, names or the like', () => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, val] of Object.entries(v)) {
          keys.add(k);
          walk(val);
        }
      }
    };
    walk(committed);
    for (const k of ['summary', 'names', 'named_killed', 'bij_summary_short', 'target', 'narrative']) expect(keys.has(k), k).toBe(false);
  });

  it('ships no TBIJ summary text or named targets', () => {
    // TBIJ's B1 summary opens "First known drone strike in Pakistan kills at least six, including infamous".
    expect(committedText).not.toMatch(/kills at least six, including infamous/i);
    expect(committedText).not.toMatch(/Nek Mo?ha?mm?[ae]d/i); // the B1 target, in any spelling
    expect(committedText).not.toMatch(/Haitham al-Yemeni|Abu Khabab|Maulvi Nazir/);
    expect(committedText).not.toMatch(/Muhammad Azam|Jamiuddin|Abdullah Kashmiri/);
  });
});

describe('timeline events', () => {
  const events = committed.events ?? [];
  it('has at least 110 events with unique ids spanning 2001–2024', () => {
    expect(events.length).toBeGreaterThanOrEqual(110);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const years = events.map((e) => Number(e.date.slice(0, 4)));
    expect(Math.min(...years)).toBe(2001);
    expect(Math.max(...years)).toBe(2024);
  });

  it('links Salala to its incident and flags seed-only claims', () => {
    expect(events.find((e) => e.id === '2011-salala')?.incidentId).toBe('salala_2011');
    const ziarat = committed.incidents?.find((i) => i.id === 'ziarat_post_2011');
    expect(ziarat?.singleSource).toBe(true);
    expect(ziarat?.sources).toEqual(expect.arrayContaining(['ali-2024-ijciss']));
    const salala = committed.incidents?.find((i) => i.id === 'salala_2011');
    expect([salala?.killedMin, salala?.killedMax]).toEqual([24, 28]);
  });
});
