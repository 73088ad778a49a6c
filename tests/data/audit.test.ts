// @vitest-environment node
/**
 * Guards for issue 16's additions and audit fixes, checked on the committed dataset against the
 * raw and curated files in data/ (never against the build's own output alone).
 */
import committedText from '../../public/data/dataset.json?raw';
import { DatasetSchema } from '../../src/data/datasetSchema';
import { type Dataset } from '../../src/data/schema';
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

describe('2015–2024 filled in', () => {
  const events = committed.events ?? [];
  const aid = committed.aid ?? [];
  const eventIn = (id: string) => events.find((e) => e.id === id);

  it('has at least 110 events and at least 2 in every year 2001–2024, each with a resolvable source', () => {
    expect(events.length).toBeGreaterThanOrEqual(110);
    const sourceIds = new Set(committed.sources.map((s) => s.id));
    for (let y = 2001; y <= 2024; y++) {
      expect(events.filter((e) => Number(e.date.slice(0, 4)) === y).length, String(y)).toBeGreaterThanOrEqual(2);
    }
    for (const e of events) expect(e.sources.every((id) => sourceIds.has(id)), e.id).toBe(true);
  });

  it('includes the events the issue names, on their dates', () => {
    const expected: [string, string][] = [
      ['2015-ofs-begins', '2015-01-01'],
      ['2014-strategic-dialogue', '2014-01-27'],
      ['2015-strategic-dialogue', '2015-01-13'],
      ['2016-f16-subsidy-hold', '2016-03-10'],
      ['2016-mansour', '2016-05-21'],
      ['2016-csf-withheld', '2016-08-03'],
      ['2017-south-asia-speech', '2017-08-21'],
      ['2017-fmf-withheld', '2017-08'],
      ['2018-security-aid-suspended', '2018-01-04'],
      ['2018-fatf-grey-list', '2018-06-27'],
      ['2018-csf-cancelled', '2018-09-01'],
      ['2019-imran-khan-visit', '2019-07-22'],
      ['2019-imet-restored', '2019-12-19'],
      ['2020-doha-agreement', '2020-02-29'],
      ['2021-fall-of-kabul', '2021-08-15'],
      ['2021-ofs-ends', '2021-08-30'],
      ['2022-flood-aid-power', '2022-09-09'],
      ['2022-fatf-removal', '2022-10-21'],
      ['2009-afpak-strategy', '2009-03-27'],
      ['2011-aid-held-back', '2011-07-10'],
      ['2011-mullen-veritable-arm', '2011-09-22'],
      ['2011-bonn-boycott', '2011-11-29'],
      ['2012-afridi', '2012-05-23'],
      ['2013-abbottabad-commission', '2013-07-08'],
      ['2002-zubaydah-captured', '2002-03-28'],
      ['2002-binalshibh-captured', '2002-09-11'],
      ['2003-ksm-captured', '2003-03-01'],
      ['2003-attash-captured', '2003-04-29'],
    ];
    for (const [id, date] of expected) expect(eventIn(id)?.date, id).toBe(date);
  });

  it('flags the notable US "do more" demands with their dates', () => {
    const doMore = events.filter((e) => e.doMore).map((e) => e.date);
    expect(doMore).toEqual(expect.arrayContaining(['2011-10-21', '2015-10-22', '2016-03-10', '2017-08-21', '2017-10-24', '2017-12-04', '2017-12-27', '2018-03-17']));
  });

  it('the January 2018 suspension carries every reported amount and its sources', () => {
    const e = eventIn('2018-security-aid-suspended');
    expect(e?.description).toMatch(/\$1\.15bn.*\$1\.2bn.*\$2bn/);
    expect(e?.sources).toEqual(expect.arrayContaining(['ht-2018-01-freeze', 'ap-2018-01-92news', 'thehill-2018-01-freeze']));
  });

  it('keeps the Afridi sentence (two sources) apart from the seed-only $33m cut', () => {
    expect(eventIn('2012-afridi')?.singleSource).toBeUndefined();
    expect(eventIn('2012-afridi')?.sources).toContain('tribune-2012-05-afridi');
    expect(eventIn('2012-afridi-aid-cut')).toMatchObject({ singleSource: true, sources: ['ali-2024-ijciss'] });
  });

  it('keeps every event id the example deck uses', () => {
    const deckSource = Object.values(import.meta.glob<string>('../../src/seminar/exampleDeck.ts', { query: '?raw', import: 'default', eager: true }))[0] ?? '';
    const ids = new Set(events.map((e) => e.id));
    const incidentIds = new Set((committed.incidents ?? []).map((i) => i.id));
    const referenced = [...deckSource.matchAll(/sel=(?:event|incident)%3A([^&'"]+)/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    expect(referenced.length).toBeGreaterThan(0);
    for (const id of referenced) expect(ids.has(id) || incidentIds.has(id), id).toBe(true);
  });

  it('every fiscal year 2001–2024 has an aid figure in at least one measure', () => {
    for (let y = 2001; y <= 2024; y++) {
      const covered = aid.some((r) => r.status === 'actual' && r.fiscalYearStart <= y && y <= r.fiscalYearEnd);
      const gap = (committed.aidGaps ?? []).some((g) => g.fiscalYear === y);
      expect(covered || gap, `FY${y}`).toBe(true);
    }
  });

  it('FY2019–FY2024 come from the late-2025 ForeignAssistance.gov copy, matching its raw rows; the old FY2021–22 values are named as incomplete', () => {
    const raw = parseCsvRecords(files['raw/foreignassistance_gov_country_summary_PAK_2025-11.csv'] ?? '');
    for (let fy = 2019; fy <= 2024; fy++) {
      for (const [measure, type] of [['fa-obligations', 'Obligations'], ['fa-disbursements', 'Disbursements']] as const) {
        const row = raw.find((r) => r['Transaction Type Name'] === type && Number(r['Fiscal Year']) === fy);
        expect(aid.find((r) => r.id === `${measure}-fy${fy}`)?.amount, `${measure} FY${fy}`).toBeCloseTo(Number(row?.current_amount) / 1e6, 3);
      }
    }
    expect(aid.find((r) => r.id === 'fa-obligations-fy2022')?.note).toMatch(/incomplete.*27\.8/);
    expect(aid.find((r) => r.id === 'fa-obligations-fy2019')?.note).toMatch(/no split, and none was found for FY2019 onwards/);
  });

  it('drone years: New America 2013 added, and the years not found are said to be missing, not invented', () => {
    const na = (committed.strikeYears ?? []).filter((r) => r.series === 'new-america');
    expect(na.find((r) => r.year === 2013)?.strikes).toBe(26);
    for (const y of [2009, 2012, 2014, 2015, 2016, 2017, 2018]) expect(na.some((r) => r.year === y), String(y)).toBe(false);
    expect(committed.sources.find((s) => s.id === 'new-america')?.note).toMatch(/2009, 2012 and 2014–2018 were not found/);
    const tbij = (committed.strikeYears ?? []).filter((r) => r.series === 'tbij');
    for (const y of [2017, 2018]) expect(tbij.find((r) => r.year === y)?.note, String(y)).toMatch(/killed and civilian ranges .* not found/);
  });

  it('incidents whose sources disagree on a toll carry per-source figures', () => {
    const withFigures = (committed.incidents ?? []).filter((i) => i.figures && i.figures.length > 0).map((i) => i.id);
    expect(withFigures).toEqual(
      expect.arrayContaining(['salala_2011', 'gora_prai_2008', 'angoor_adda_raid_2008', 'kurram_2010', 'op_rah_e_nijat', 'drone_first_2004', 'drone_damadola_2006', 'drone_chenagai_2006', 'drone_datta_khel_jirga_2011']),
    );
    const kurram = committed.incidents?.find((i) => i.id === 'kurram_2010')?.figures?.find((f) => f.field === 'killed')?.values ?? [];
    expect(kurram.map((v) => v.min).sort()).toEqual([2, 3, 3]);
    // Each figure's range lies within its incident's range, so the row's min–max stays the envelope.
    for (const i of committed.incidents ?? []) {
      for (const f of i.figures ?? []) {
        if (f.field !== 'killed') continue;
        for (const v of f.values) if (v.min !== null && i.killedMin !== null && i.id !== 'salala_2011' && i.id !== 'op_rah_e_nijat') expect(v.min, i.id).toBeGreaterThanOrEqual(i.killedMin);
      }
    }
  });
});

describe('data:check coverage by year', () => {
  it('reports every year and fails on a year with no events or no aid figure', () => {
    const region = regionTester(files);
    const { summary, problems } = checkDataset(committed, region);
    expect(problems).toEqual([]);
    for (let y = 2001; y <= 2024; y++) expect(summary.some((l) => l.trim().startsWith(`${y}: `)), String(y)).toBe(true);
    const broken = structuredClone(committed);
    broken.events = (broken.events ?? []).filter((e) => !e.date.startsWith('2019'));
    broken.aid = (broken.aid ?? []).filter((r) => !(r.fiscalYearStart <= 2023 && 2023 <= r.fiscalYearEnd));
    const result = checkDataset(broken, region);
    expect(result.problems).toContain('events: no event in 2019');
    expect(result.problems).toContain('aid: no figure for FY2023 and no aidGaps row saying why');
    broken.aidGaps = [{ id: 'gap-fy2023', fiscalYear: 2023, reason: 'test: no copy covers it', sources: ['fa-gov-2025'] }];
    expect(checkDataset(broken, region).problems).not.toContain('aid: no figure for FY2023 and no aidGaps row saying why');
  }, 60_000);
});
