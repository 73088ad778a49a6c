import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildCsv, buildCsvMetadata, csvCell, guardFormula, metadataFileName, parseCsv, quoteField, type TidyTable } from '../../src/export/csv';
import { tableModelCsv } from '../../src/export/panelExport';
import { DEFAULT_FILTERS, type Filters } from '../../src/crossfilter/filters';
import type { Dataset } from '../../src/data/schema';
import { aidCsv } from '../../src/panels/aid/aidExport';
import { selectAidView } from '../../src/panels/aid/aidSelectors';
import { droneCsv } from '../../src/panels/drones/droneExport';
import { selectDroneView } from '../../src/panels/drones/droneSelectors';
import { mapCsv } from '../../src/panels/map/mapExport';
import { selectMapView } from '../../src/panels/map/mapSelectors';
import { timelineCsv } from '../../src/panels/timeline/timelineExport';
import { selectTimeline } from '../../src/panels/timeline/timelineSelectors';
import { checkCsvAgainstSchema } from '../support/tableSchemaCheck';

const table: TidyTable = {
  fields: [
    { name: 'year', title: 'Year', type: 'integer', required: true },
    { name: 'name', title: 'Name', type: 'string' },
    { name: 'killed_min', title: 'Killed (min)', type: 'integer', unit: 'people' },
    { name: 'confirmed', title: 'Confirmed', type: 'boolean' },
    { name: 'source_ids', title: 'Source ids', type: 'string' },
  ],
  rows: [
    { year: 2008, name: 'Plain', killed_min: 12, confirmed: true, source_ids: 'tbij' },
    { year: 2009, name: 'Has, comma and "quotes"', killed_min: null, confirmed: false, source_ids: 'a; b' },
    { year: 2010, name: '=HYPERLINK("http://x")', killed_min: 0, confirmed: null, source_ids: '@evil' },
    { year: 2011, name: 'Two\nlines', killed_min: 3, confirmed: true, source_ids: '-5' },
  ],
};

describe('CSV cells', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('a\nb')).toBe('"a\nb"');
    expect(quoteField('a\rb')).toBe('"a\rb"');
  });

  it('guards text against formula injection but leaves plain numbers alone', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-cmd|x', '@foo', '\t=1', '\r=1', '-', '+']) expect(guardFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['-5', '-12.5', '+3', '-1,234.5', '-1e5', 'plain', '', 'a=b', '2008–2011']) expect(guardFormula(ok)).toBe(ok);
  });

  it('writes unknown (null) as an empty cell, never 0, numbers plainly and booleans as true/false', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('buildCsv (tidy)', () => {
  const csv = buildCsv(table);

  it('puts the header on line 1: no byte-order mark, no comment lines, CRLF line ends', () => {
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe('year,name,killed_min,confirmed,source_ids');
    expect(csv.split('\n').some((line) => line.startsWith('#'))).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes exactly the rows, numbers as numbers and unknown as empty', () => {
    expect(parseCsv(csv)).toEqual([
      ['year', 'name', 'killed_min', 'confirmed', 'source_ids'],
      ['2008', 'Plain', '12', 'true', 'tbij'],
      ['2009', 'Has, comma and "quotes"', '', 'false', 'a; b'],
      ['2010', `'=HYPERLINK("http://x")`, '0', '', "'@evil"],
      ['2011', 'Two\nlines', '3', 'true', '-5'],
    ]);
    expect(checkCsvAgainstSchema(csv, { fields: table.fields.map((f) => ({ name: f.name, type: f.type, constraints: { required: f.required ?? false } })) })).toEqual([]);
  });

  it('the strict parser refuses a ragged row, a stray quote and an unclosed quote', () => {
    expect(() => parseCsv('a,b\r\n1\r\n')).toThrow(/record 2 has 1 fields/);
    expect(() => parseCsv('a,b\r\n1,x"y\r\n')).toThrow(/quote inside an unquoted field/);
    expect(() => parseCsv('a,b\r\n1,"xy\r\n')).toThrow(/unclosed quote/);
    expect(() => parseCsv('a,b\r\n1,"x"y\r\n')).toThrow(/text after a closing quote/);
  });

  it('the schema check catches a text value in a number column and an empty required cell', () => {
    const bad = 'year,killed_min\r\n2008,6–8\r\n,3\r\n';
    const problems = checkCsvAgainstSchema(bad, { fields: [{ name: 'year', type: 'integer', constraints: { required: true } }, { name: 'killed_min', type: 'integer' }] });
    expect(problems).toEqual(['CSV row 2, killed_min: "6–8" is not a integer', 'CSV row 3, year: required but empty']);
  });
});

describe('buildCsvMetadata (CSVW)', () => {
  const sources = [{ id: 'tbij', title: 'Drone war', publisher: 'TBIJ', date: '2016', url: 'https://example.org/t', measures: 'strikes', licence: 'Attribution' }];
  const meta = buildCsvMetadata(table, { fileName: 'drone-strikes_2008-2011.csv', title: 'Drone strikes', measure: 'Strikes per year', filters: '2008–2011 · friction', dataVersion: '2026.11.0', origin: 'Your file: mine.json', sources, generator: 'Dashboard' });

  it('points at the CSV and describes every column with its type and unit', () => {
    expect(metadataFileName('drone-strikes_2008-2011.csv')).toBe('drone-strikes_2008-2011.csv-metadata.json');
    expect(meta['@context']).toBe('http://www.w3.org/ns/csvw');
    expect(meta.url).toBe('drone-strikes_2008-2011.csv');
    const columns = (meta.tableSchema as { columns: { name: string; datatype: unknown; required: boolean; 'schema:unitText'?: string }[] }).columns;
    expect(columns.map((c) => c.name)).toEqual(table.fields.map((f) => f.name));
    expect(columns.map((c) => c.datatype)).toEqual(['integer', 'string', 'integer', 'boolean', 'string']);
    expect(columns[0]!.required).toBe(true);
    expect(columns[2]!['schema:unitText']).toBe('people');
  });

  it('carries the measure, filters, version, origin and the full sources with licences', () => {
    expect(meta['dc:description']).toBe('Strikes per year');
    expect(meta['dc:coverage']).toBe('2008–2011 · friction');
    expect(meta['dc:hasVersion']).toBe('2026.11.0');
    expect(meta['dc:provenance']).toBe('Your file: mine.json');
    expect(meta['dc:source']).toEqual([{ id: 'tbij', title: 'Drone war', publisher: 'TBIJ', date: '2016', url: 'https://example.org/t', measures: 'strikes', licence: 'Attribution' }]);
  });
});

const shipped = (): Dataset => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/dataset.json'), 'utf8')) as Dataset;
const filters = (change: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...change });
const typed = (t: TidyTable) => ({ fields: t.fields.map((f) => ({ name: f.name, type: f.type, constraints: { required: f.required ?? false, ...(f.pattern ? { pattern: f.pattern } : {}) } })) });

describe('panel CSVs on the shipped dataset', () => {
  const dataset = shipped();

  it('aid: long form, fiscal years as integers, FY2010 by category is 1,236 + 1,769 + 1,499', () => {
    const csv = aidCsv(selectAidView(dataset, filters()), dataset);
    expect(csv.fileLabel).toBe('by-category');
    const text = buildCsv(csv.table);
    expect(checkCsvAgainstSchema(text, typed(csv.table))).toEqual([]);
    const fy2010 = csv.table.rows.filter((r) => r.fiscal_year_start === 2010 && r.fiscal_year_end === 2010);
    expect(Object.fromEntries(fy2010.map((r) => [r.series, r.amount]))).toEqual({ security: 1236, economic: 1769, csf: 1499 });
    expect(fy2010.every((r) => r.unit === 'US$ millions (current)' && String(r.source_ids).length > 0 && String(r.source_titles).length > 0)).toBe(true);
    const aggregate = csv.table.rows.find((r) => r.fiscal_year_start === 2002);
    expect(aggregate?.fiscal_year_end).toBe(2007);
  });

  it('aid: the by-programme file differs from the by-category one, and says so in its name', () => {
    const byCategory = aidCsv(selectAidView(dataset, filters()), dataset);
    const byProgramme = aidCsv(selectAidView(dataset, filters({ aidView: 'programme' })), dataset);
    expect(byProgramme.fileLabel).toBe('by-programme');
    expect(buildCsv(byProgramme.table)).not.toBe(buildCsv(byCategory.table));
    const fy2010 = byProgramme.table.rows.filter((r) => r.fiscal_year_start === 2010 && r.fiscal_year_end === 2010);
    expect(fy2010.map((r) => r.series)).toContain('FMF');
    // The programmes add up to the same bar total.
    expect(fy2010.reduce((sum, r) => sum + (r.amount as number), 0)).toBeCloseTo(1236 + 1769 + 1499, 6);
  });

  it('drones: per year and tracker, counts are integers and an unknown is empty, never 0', () => {
    const csv = droneCsv(selectDroneView(dataset, filters()), dataset);
    expect(checkCsvAgainstSchema(buildCsv(csv.table), typed(csv.table))).toEqual([]);
    const y2010 = csv.table.rows.find((r) => r.year === 2010)!;
    expect(y2010).toMatchObject({ tracker_id: 'tbij', strikes: 128, possible_strikes: 1 });
    expect(typeof y2010.killed_min).toBe('number');
    const compare = droneCsv(selectDroneView(dataset, filters({ droneCompare: true, yearRange: { from: 2010, to: 2010 } })), dataset);
    expect(new Set(compare.table.rows.map((r) => r.tracker_id)).size).toBeGreaterThan(1);
  });

  it('map: ISO dates with their precision, numeric min and max, and who reports what for Salala', () => {
    const csv = mapCsv(selectMapView(dataset, filters({ yearRange: { from: 2011, to: 2011 } })), dataset);
    expect(checkCsvAgainstSchema(buildCsv(csv.table), typed(csv.table))).toEqual([]);
    const salala = csv.table.rows.find((r) => r.id === 'salala_2011')!;
    expect(salala).toMatchObject({ date_start: '2011-11-26', date_precision: 'day', killed_min: 24, killed_max: 28 });
    expect(String(salala.killed_by_source)).toMatch(/^24 \([^)]+\) · /);
    expect(String(salala.killed_by_source)).toContain('28 (');
  });

  it('timeline: one row per event shown, ISO dates and the date precision', () => {
    const view = selectTimeline(dataset, filters());
    const csv = timelineCsv(view, dataset);
    expect(csv.table.rows).toHaveLength(view.events.length);
    expect(checkCsvAgainstSchema(buildCsv(csv.table), typed(csv.table))).toEqual([]);
    expect(csv.table.rows.some((r) => r.date_precision === 'month' && /^\d{4}-\d{2}$/.test(String(r.date)))).toBe(true);
  });

  it('a panel without its own CSV writes its table with numeric columns as numbers', () => {
    const csv = tableModelCsv(
      { caption: 'c', measure: 'm', columns: [{ key: 'fiscalYear', header: 'FY' }, { key: 'amount', header: 'Amount', numeric: true }], rows: [{ fiscalYear: 'FY2010', amount: 3.5 }, { fiscalYear: 'FY2011', amount: 'n/a' }] },
      dataset,
      ['Congressional Research Service'],
    );
    expect(csv.table.fields.map((f) => [f.name, f.type])).toEqual([['fiscal_year_start', 'integer'], ['fiscal_year_end', 'integer'], ['amount', 'number'], ['source_titles', 'string']]);
    expect(csv.table.rows.map((r) => [r.fiscal_year_start, r.fiscal_year_end, r.amount])).toEqual([[2010, 2010, 3.5], [2011, 2011, null]]);
  });
});
