import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import type { Dataset } from '../../src/data/schema';
import { DatasetSchema } from '../../src/data/datasetSchema';
import { buildDataPackage, dataPackageFileName, dataPackageZip, type DataPackageDescriptor } from '../../src/export/dataPackage';
import { parseCsv } from '../../src/export/csv';
import { checkDataPackage } from '../support/tableSchemaCheck';

const shipped = (): Dataset => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/dataset.json'), 'utf8')) as Dataset;

describe('the data package ("Download data")', () => {
  const dataset = shipped();
  const files = unzipSync(dataPackageZip(dataset, { origin: 'Built-in dataset', created: '2026-12-02T05:00:00Z' }));
  const descriptor = JSON.parse(new TextDecoder().decode(files['datapackage.json'])) as DataPackageDescriptor;

  it('is a valid Tabular Data Package: every resource exists in the ZIP and every value matches its field type', () => {
    expect(checkDataPackage(files)).toEqual([]);
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.version).toBe(dataset.version);
    expect(descriptor.origin).toBe('Built-in dataset');
  });

  it('holds one CSV per table of the dataset, the per-source figures and the dataset JSON', () => {
    const tables = ['sources', 'aid', 'aidTotals', 'aidGaps', 'strikes', 'strikeYears', 'incidents', 'events', 'priceIndex', 'claims', 'crsCumulative'].filter((t) => Array.isArray(dataset[t as keyof Dataset]));
    expect(descriptor.resources.filter((r) => r.format === 'csv').map((r) => r.path)).toEqual([...tables.map((t) => `data/${t}.csv`), 'data/figures.csv']);
    for (const t of tables) {
      const rows = parseCsv(new TextDecoder().decode(files[`data/${t}.csv`]));
      expect(rows.length - 1).toBe((dataset[t as keyof Dataset] as unknown[]).length);
    }
    // The JSON is the dataset itself, and loads back as a valid dataset.
    const json = JSON.parse(new TextDecoder().decode(files['dataset.json']));
    expect(DatasetSchema.safeParse(json).success).toBe(true);
    expect(json).toEqual(dataset);
  });

  it('types every field from the dataset schema, with units and the missing value', () => {
    const aid = descriptor.resources.find((r) => r.name === 'aid')!;
    const field = (name: string) => aid.schema!.fields.find((f) => f.name === name)!;
    expect(field('fiscalYearStart')).toMatchObject({ type: 'integer', constraints: { required: true } });
    expect(field('amount')).toMatchObject({ type: 'number', unit: 'US$ millions (current)' });
    expect(field('category').constraints?.enum).toEqual(['security', 'economic', 'csf', 'unsplit']);
    expect(aid.schema!.missingValues).toEqual(['']);
    const strikes = descriptor.resources.find((r) => r.name === 'strikes')!;
    expect(strikes.schema!.fields.find((f) => f.name === 'date')!.type).toBe('date');
    expect(strikes.schema!.fields.find((f) => f.name === 'killedMin')).toMatchObject({ type: 'integer', unit: 'people' });
    const incidents = descriptor.resources.find((r) => r.name === 'incidents')!;
    expect(incidents.schema!.fields.map((f) => f.name)).toContain('datePrecision');
  });

  it('lists the sources with their licences, and keeps Salala’s per-source tolls', () => {
    expect(descriptor.sources).toHaveLength(dataset.sources.length);
    const withLicence = dataset.sources.filter((s) => s.licence);
    expect(withLicence.length).toBeGreaterThan(0);
    for (const s of withLicence) expect(descriptor.sources.find((p) => p.id === s.id)!.licenses).toEqual([{ title: s.licence }]);
    const figures = parseCsv(new TextDecoder().decode(files['data/figures.csv']));
    const [header, ...rows] = figures;
    const salala = rows.filter((r) => r[header!.indexOf('rowId')] === 'salala_2011' && r[header!.indexOf('field')] === 'killed');
    expect(salala.map((r) => r[header!.indexOf('max')])).toContain('28');
    expect(salala.map((r) => r[header!.indexOf('max')])).toContain('24');
  });

  it('the check catches a missing file, a wrong type and a header that is not the schema', () => {
    const { files: good } = buildDataPackage(dataset);
    const missing = { ...good };
    delete missing['data/aid.csv'];
    expect(checkDataPackage(missing)).toContain('aid: data/aid.csv is not in the ZIP');
    const aidText = new TextDecoder().decode(good['data/aid.csv']);
    const lines = aidText.split('\r\n');
    const header = lines[0]!.split(',');
    const cells = parseCsv(lines.slice(0, 2).join('\r\n') + '\r\n')[1]!;
    cells[header.indexOf('amount')] = 'about 10';
    const broken = { ...good, 'data/aid.csv': strToU8([lines[0], cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','), ''].join('\r\n')) };
    expect(checkDataPackage(broken).some((p) => p.includes('amount: "about 10" is not a number'))).toBe(true);
    const renamed = { ...good, 'data/aid.csv': strToU8(aidText.replace(/^id,/, 'row_id,')) };
    expect(checkDataPackage(renamed).some((p) => p.startsWith('data/aid.csv: header'))).toBe(true);
  });

  it('is named by the data version', () => {
    expect(dataPackageFileName({ version: '2026.11.0' })).toBe('pakistan-us-relations_data-package_2026.11.0.zip');
  });
});
