// @vitest-environment node
/**
 * Guards for issue 16's additions and audit fixes, checked on the committed dataset against the
 * raw and curated files in data/ (never against the build's own output alone).
 */
import committedText from '../../public/data/dataset.json?raw';
import { DatasetSchema, type Dataset } from '../../src/data/schema';
import { DATTA_KHEL_BAD_POINT } from '../../scripts/lib/build-dataset';
import { checkDataset } from '../../scripts/lib/check-dataset';
import { parseCsvRecords } from '../../scripts/lib/csv';
import { regionTester } from '../../scripts/lib/region';

const globbed = import.meta.glob<string>('../../data/{raw,curated}/*.{csv,json,topojson}', { query: '?raw', import: 'default', eager: true });
const files = Object.fromEntries(Object.entries(globbed).map(([path, text]) => [path.replace(/^\.\.\/\.\.\/data\//, ''), text]));
const committed = JSON.parse(committedText) as Dataset;

describe('price index (CPI-U) for constant dollars', () => {
  const index = committed.priceIndex ?? [];

  it('has one CPI-U value per year 2000–2024, series CUUR0000SA0, each with a BLS source', () => {
    expect(index.map((r) => r.year)).toEqual(Array.from({ length: 25 }, (_, i) => 2000 + i));
    expect(index.every((r) => r.series === 'CUUR0000SA0')).toBe(true);
    const publishers = new Map(committed.sources.map((s) => [s.id, s.publisher]));
    for (const r of index) expect(r.sources.some((id) => /Bureau of Labor Statistics/.test(publishers.get(id) ?? '')), String(r.year)).toBe(true);
  });

  it('carries the BLS annual averages (2000 = 172.2, 2011 = 224.939, 2024 = 313.689)', () => {
    const value = (y: number) => index.find((r) => r.year === y)?.value;
    expect(value(2000)).toBe(172.2);
    expect(value(2011)).toBe(224.939);
    expect(value(2024)).toBe(313.689);
    // FY2010 aid in 2024 dollars: factor CPI(2024)/CPI(2010) ≈ 1.4386, as the research computed.
    expect((value(2024) ?? 0) / (value(2010) ?? 1)).toBeCloseTo(1.4386, 4);
  });

  it('the 2024 value says it rests on reproductions', () => {
    const row = index.find((r) => r.year === 2024);
    expect(row?.sources).toContain('cpi-u-2024-reproductions');
    expect(committed.sources.find((s) => s.id === 'cpi-u-2024-reproductions')?.note).toMatch(/unconfirmed/);
  });

  it('a dataset with a non-positive index value is rejected with a message', () => {
    const broken = structuredClone(committed);
    const first = broken.priceIndex?.[0];
    if (!first) throw new Error('no price index rows');
    first.value = 0;
    const result = DatasetSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be a number > 0');
  });
});

describe('per-source figures', () => {
  const salala = committed.incidents?.find((i) => i.id === 'salala_2011');
  const killed = salala?.figures?.find((f) => f.field === 'killed')?.values ?? [];
  const wounded = salala?.figures?.find((f) => f.field === 'wounded')?.values ?? [];

  it('Salala keeps 24 (Pakistani official statement, US investigation) beside 28 (Xinhua, later Wikipedia)', () => {
    const bySource = (id: string) => killed.find((v) => v.sources.includes(id));
    expect(bySource('cnn-2011-11-salala')).toMatchObject({ min: 24, max: 24 });
    expect(bySource('afmag-2011-12-salala')).toMatchObject({ min: 24, max: 24 });
    expect(bySource('xinhua-2011-11-28-salala')).toMatchObject({ min: 28, max: 28 });
    expect(bySource('wiki-salala-later')).toMatchObject({ min: 28, max: 28 });
  });

  it('Salala wounded run 12–15 outside the first reports, matching the row range', () => {
    const later = wounded.filter((v) => !v.sources.includes('reuters-2011-11-salala-first'));
    expect(Math.min(...later.map((v) => v.min ?? Infinity))).toBe(salala?.woundedMin);
    expect(Math.max(...later.map((v) => v.max ?? v.min ?? 0))).toBe(salala?.woundedMax);
  });

  it('a figure naming an unknown source is rejected', () => {
    const broken = structuredClone(committed);
    const target = broken.incidents?.find((i) => i.id === 'salala_2011');
    const value = target?.figures?.[0]?.values[0];
    if (!value) throw new Error('no Salala figure');
    value.sources = ['no-such-source'];
    const result = DatasetSchema.safeParse(broken);
    expect(result.success ? [] : result.error.issues.map((i) => i.message)).toContain('names source "no-such-source", which is not in sources');
  });
});

describe('the data files behind the dataset', () => {
  it('the CPI-U file in data/curated has the 25 years', () => {
    expect(parseCsvRecords(files['curated/price_index_cpi_u.csv'] ?? '')).toHaveLength(25);
  });
});

describe('audit fixes', () => {
  const strikes = committed.strikes ?? [];
  const region = regionTester(files);
  const tbijRaw = parseCsvRecords(files['raw/tbij_dronestream_pakistan_strikes_2004-2016.csv'] ?? '');
  const tbijYear = (y: number) => committed.strikeYears?.find((r) => r.series === 'tbij' && r.year === y);

  it('Datta Khel: the 26 strikes on the misplaced point move west of Miranshah, drawn approximate', () => {
    const onBadPoint = tbijRaw.filter((r) => Number(r.lat) === DATTA_KHEL_BAD_POINT.lat && Number(r.lon) === DATTA_KHEL_BAD_POINT.lon);
    expect(onBadPoint).toHaveLength(26);
    const moved = onBadPoint.map((r) => strikes.find((s) => s.tbijId === r.bureau_id && s.date === r.date));
    const miranshahLon = 70.07;
    for (const s of moved) {
      expect(s?.precision).toBe('approximate');
      expect(s?.lon ?? Infinity).toBeLessThan(miranshahLon);
      expect(region.districtAt(s?.lat ?? 0, s?.lon ?? 0)).toBe('North Waziristan');
      expect(s?.note).toMatch(/33\.151242, 70\.434707/);
    }
    expect(strikes.some((s) => s.lat === DATTA_KHEL_BAD_POINT.lat && s.lon === DATTA_KHEL_BAD_POINT.lon)).toBe(false);
    const jirga = committed.incidents?.find((i) => i.id === 'drone_datta_khel_jirga_2011');
    const jirgaStrike = strikes.find((s) => s.date === '2011-03-17' && s.place === 'Datta Khel');
    expect([jirga?.lat, jirga?.lon, jirga?.precision]).toEqual([jirgaStrike?.lat, jirgaStrike?.lon, 'approximate']);
  });

  it('TBIJ 2016 civilians are unknown (the 1 on Ob373 is Pakistan Body Count\'s)', () => {
    expect([tbijYear(2016)?.civiliansMin, tbijYear(2016)?.civiliansMax]).toEqual([null, null]);
    expect(tbijYear(2016)?.note).toMatch(/Pakistan Body Count/);
  });

  it('TBIJ self-disagreements: numbers kept, text totals in the note (2009 min 518 vs 523, 2013 max 203 vs 204)', () => {
    expect(tbijYear(2009)?.killedMin).toBe(518);
    expect(tbijYear(2009)?.note).toMatch(/Ob28.*518–737.*523–737/);
    expect(tbijYear(2013)?.killedMax).toBe(203);
    expect(tbijYear(2013)?.note).toMatch(/Ob312.*112–203.*112–204/);
    expect(strikes.find((s) => s.id === 'tbij-Ob28')?.note).toMatch(/text gives 5 killed, its number fields 0–5/);
    expect(strikes.find((s) => s.id === 'tbij-Ob312')?.note).toMatch(/text gives 3–6 killed, its number fields 3–5/);
  });

  it('seed-only values inside multi-source rows are flagged one by one', () => {
    const incident = (id: string) => committed.incidents?.find((i) => i.id === id);
    expect(incident('op_rah_e_rast')?.killedMin).toBe(2088);
    expect(incident('op_rah_e_rast')?.singleSourceFields).toEqual(['killed']);
    expect(incident('op_zarb_e_azb')?.killedMin).toBe(3600);
    expect(incident('op_zarb_e_azb')?.singleSourceFields).toEqual(['killed']);
    expect(incident('op_sher_dil')?.dateEnd).toBe('2009-02-28');
    expect(incident('op_sher_dil')?.singleSourceFields).toContain('dateEnd');
    for (const id of ['op_rah_e_rast', 'op_zarb_e_azb', 'op_sher_dil']) expect(incident(id)?.sources.length).toBeGreaterThan(1);
  });

  it('cumulative CRS aid carries both the rows\' sum and the printed total, with the CSF reason', () => {
    const crs = (committed.aid ?? []).filter((r) => r.measure === 'crs-appropriations' && r.status === 'actual');
    const sum = (end: number) => crs.filter((r) => r.fiscalYearEnd <= end).reduce((a, r) => a + r.amount, 0);
    const total = (id: string) => committed.aidTotals?.find((t) => t.id === id);
    expect(sum(2013)).toBe(27417);
    expect(sum(2018)).toBe(33098);
    expect(total('crs-total-fy2002-2013')).toMatchObject({ sumOfRows: 27417, printed: 28502 });
    expect(total('crs-total-fy2002-2018')).toMatchObject({ sumOfRows: 33098, printed: 34183 });
    for (const t of committed.aidTotals ?? []) expect(t.note).toMatch(/1,085.*Coalition Support Funds/);
    expect(committed.sources.find((s) => s.id === 'ali-2024-ijciss')?.note).toMatch(/28,502m.*27,417m.*1,085m CSF/);
  });

  it('Rah-e-Nijat (South Waziristan) is placed inside South Waziristan\'s outline', () => {
    const nijat = committed.incidents?.find((i) => i.id === 'op_rah_e_nijat');
    expect(nijat?.district).toBe('South Waziristan');
    expect(region.districtAt(nijat?.lat ?? 0, nijat?.lon ?? 0)).toBe('South Waziristan');
  });

  it('the 2012 reopening no longer claims >100 trucks within days; the AFP report is its own dated event', () => {
    const events = committed.events ?? [];
    expect(events.find((e) => e.id === '2012-gloc-reopen')?.description).not.toMatch(/truck/i);
    const trucks = events.find((e) => e.id === '2012-torkham-trucks');
    expect(trucks?.date).toBe('2012-07-25');
    expect(trucks?.sources).toEqual(['afp-2012-07']);
  });

  it('points outside the outlines are checked without tolerance: 18 strikes and the Angoor Adda raid, all approximate', () => {
    const outside = [...strikes, ...(committed.incidents ?? [])].filter((p) => p.lat !== null && p.lon !== null && !p.outsideRegion && !region.contains(p.lat, p.lon));
    expect(outside.filter((p) => 'tbijId' in p)).toHaveLength(18);
    expect(outside.map((p) => p.id)).toContain('angoor_adda_raid_2008');
    expect(outside.every((p) => p.precision === 'approximate')).toBe(true);
    expect(Math.max(...outside.map((p) => region.outsideKm(p.lat ?? 0, p.lon ?? 0)))).toBeLessThan(10);
  });

  it('data:check rejects a village-precision point outside the outlines and one far outside', () => {
    const broken = structuredClone(committed);
    const near = broken.strikes?.find((s) => s.id === 'tbij-Ob103');
    const far = broken.strikes?.find((s) => s.id === 'tbij-B2');
    if (!near || !far) throw new Error('missing strikes');
    near.precision = 'village';
    far.lat = 28.6;
    far.lon = 77.2; // Delhi
    const { problems } = checkDataset(broken, region);
    expect(problems.some((p) => p.includes('tbij-Ob103') && p.includes('not approximate'))).toBe(true);
    expect(problems.some((p) => p.includes('tbij-B2') && p.includes('not flagged outsideRegion'))).toBe(true);
  });
});
