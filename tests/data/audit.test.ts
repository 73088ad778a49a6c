// @vitest-environment node
/**
 * Guards for issue 16's additions and audit fixes, checked on the committed dataset against the
 * raw and curated files in data/ (never against the build's own output alone).
 */
import committedText from '../../public/data/dataset.json?raw';
import { DatasetSchema, type Dataset } from '../../src/data/schema';
import { parseCsvRecords } from '../../scripts/lib/csv';

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
