import { buildCsv, csvCell, csvColumns, guardFormula, parseCsv, quoteField } from '../../src/export/csv';
import type { TableModel } from '../../src/crossfilter/tableModel';

const table: TableModel = {
  caption: 'Drone strikes by year',
  measure: 'Strikes per year; people killed (min–max)',
  columns: [
    { key: 'year', header: 'Year' },
    { key: 'name', header: 'Name' },
    { key: 'killed', header: 'Killed', numeric: true },
    { key: 'source', header: 'Sources' },
  ],
  rows: [
    { year: '2008', name: 'Plain', killed: 12, source: 'TBIJ' },
    { year: '2009', name: 'Has, comma and "quotes"', killed: null, source: 'A; B' },
    { year: '2010', name: '=HYPERLINK("http://x")', killed: -3, source: '@evil' },
    { year: '2011', name: 'Two\nlines', killed: 0, source: '-5' },
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

  it('guards against formula injection but leaves plain numbers alone', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-cmd|x', '@foo', '\t=1', '\r=1', '-', '+']) expect(guardFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['-5', '-12.5', '+3', '-1,234.5', '-1e5', 'plain', '', 'a=b', '2008–2011']) expect(guardFormula(ok)).toBe(ok);
  });

  it('writes unknown (null) as an empty cell, never 0, and numbers plainly', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(1234.5)).toBe('1234.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('buildCsv', () => {
  const csv = buildCsv(table, { title: 'Drone strikes', filters: '2008–2011 · friction', dataVersion: '2026.11.0', generator: 'Dashboard' });
  const lines = csv.split('\r\n');

  it('starts with a # header comment: title, measure and units, filters, data version, unknown note', () => {
    expect(lines.slice(0, 6)).toEqual([
      '# Drone strikes',
      '# Measure and units: Strikes per year; people killed (min–max)',
      '# Filters: 2008–2011 · friction',
      '# Data version: 2026.11.0',
      '# Empty cells are unknown (not zero).',
      '# Exported from: Dashboard',
    ]);
  });

  it('has the header row, then exactly the table rows, with CRLF line ends', () => {
    expect(lines[6]).toBe('Year,Name,Killed,Sources');
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv);
    expect(records).toEqual([
      ['Year', 'Name', 'Killed', 'Sources'],
      ['2008', 'Plain', '12', 'TBIJ'],
      ['2009', 'Has, comma and "quotes"', '', 'A; B'],
      ['2010', `'=HYPERLINK("http://x")`, '-3', "'@evil"],
      ['2011', 'Two\nlines', '0', '-5'],
    ]);
  });

  it('says "none" when no filter is active and keeps comment lines on one line', () => {
    const text = buildCsv({ ...table, rows: [], measure: 'a\nb' }, { title: 'T\r\nX', filters: '', dataVersion: 'v1' });
    expect(text.split('\r\n').slice(0, 4)).toEqual(['# T X', '# Measure and units: a b', '# Filters: none', '# Data version: v1']);
    expect(parseCsv(text)).toEqual([['Year', 'Name', 'Killed', 'Sources']]);
  });

  it('adds a source column from the panel sources when the table has none', () => {
    const noSource: TableModel = { ...table, columns: table.columns.filter((c) => c.key !== 'source') };
    expect(csvColumns(noSource).map((c) => c.header)).toEqual(['Year', 'Name', 'Killed', 'Source']);
    const records = parseCsv(buildCsv(noSource, { title: 't', filters: '', dataVersion: 'v', sources: ['CRS', 'TBIJ, "quoted"'] }));
    expect(records[1]).toEqual(['2008', 'Plain', '12', 'CRS; TBIJ, "quoted"']);
  });
});
