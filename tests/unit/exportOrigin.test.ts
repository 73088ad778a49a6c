/**
 * Exports name the data's origin when it is not the built-in dataset: the credit and origin
 * line every image carries, the SVG's text and metadata, and the CSV metadata.
 */
import { buildCsvMetadata } from '../../src/export/csv';
import { exportProvenance } from '../../src/export/provenance';
import { composeSvgDocument, serializeSvg, SVG_NS, wrapWhole } from '../../src/export/svgCompose';
import { urlOrigin, fileOrigin } from '../../src/import/loadDataset';
import { BUILT_IN_ORIGIN } from '../../src/store/datasetSlice';
import { smallDataset } from '../fixtures/loadFixture';

/** 10 px per character: easy to reason about. */
const measure = (text: string) => text.length * 10;
const LONG_HOST = 'a-very-long-host-name-that-would-never-fit.data-mirror.example.net';
const origin = urlOrigin(`https://${LONG_HOST}/pk.json`, 'https://short.example.org/pk.json');

describe('export provenance', () => {
  it('gives the built-in dataset its data version and no origin line', () => {
    const dataset = smallDataset();
    expect(exportProvenance(dataset, BUILT_IN_ORIGIN)).toEqual({
      credit: 'Pakistan–United States relations, 2001–2024 · dashboard export · data version test-1',
      origin: null,
      details: null,
    });
  });

  it('names the host of other data and never passes the file’s own version off as the dashboard’s', () => {
    const dataset = smallDataset();
    dataset.version = '2024-06-01-official';
    const provenance = exportProvenance(dataset, origin);
    expect(provenance.credit).toBe('Pakistan–United States relations, 2001–2024 · dashboard export');
    expect(provenance.origin).toBe(`Data from ${LONG_HOST}, not the dashboard’s built-in dataset`);
    expect(provenance.details).toBe(`Data from ${LONG_HOST}, not the dashboard’s built-in dataset (address: https://${LONG_HOST}/pk.json)`);
    expect(JSON.stringify(provenance)).not.toContain('2024-06-01-official');
    expect(exportProvenance(dataset, fileOrigin('pbc.csv', dataset)).origin).toBe('Data from the file pbc.csv, not the dashboard’s built-in dataset');
  });
});

describe('the origin line of an exported image', () => {
  it('wraps a host longer than the line across lines, keeping every character', () => {
    const lines = wrapWhole(`Data from ${LONG_HOST}, not built-in`, 200, 11, measure);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe(`Datafrom${LONG_HOST},notbuilt-in`);
  });

  it('is drawn in the SVG in full, with the full address as metadata and bidi controls removed', () => {
    const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    const provenance = exportProvenance(smallDataset(), origin);
    const { svg } = composeSvgDocument(
      doc,
      {
        title: 'Drone strikes \u202Eevil',
        filterLine: 'Filters: all years',
        chart: null,
        width: 400,
        legend: [],
        sources: ['TBIJ'],
        credit: provenance.credit,
        origin: provenance.origin,
        originDetails: provenance.details,
      },
      measure,
    );
    const parsed = new DOMParser().parseFromString(serializeSvg(svg), 'image/svg+xml');
    const originText = [...parsed.querySelectorAll('.export-origin')].map((t) => t.textContent).join('');
    expect(originText.replace(/\s/g, '')).toBe(provenance.origin!.replace(/\s/g, ''));
    expect([...parsed.querySelectorAll('.export-origin')].length).toBeGreaterThan(1);
    expect(parsed.querySelector('metadata.export-data-origin')?.textContent).toBe(provenance.details);
    expect(parsed.querySelector('.export-title')?.textContent).toBe('Drone strikes evil');
    expect([...parsed.querySelectorAll('.export-credit')].map((t) => t.textContent).join(' ')).toBe(provenance.credit);
  });

  it('is absent for the built-in dataset', () => {
    const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    const { svg } = composeSvgDocument(doc, { title: 'T', filterLine: '', chart: null, width: 300, legend: [], sources: null, credit: 'c', origin: null }, measure);
    expect(svg.querySelector('.export-origin')).toBeNull();
    expect(svg.querySelector('metadata')).toBeNull();
  });
});

describe('the CSV metadata', () => {
  const table = { fields: [{ name: 'year', title: 'Year', type: 'integer' as const }], rows: [{ year: 2008 }] };
  const meta = { fileName: 't.csv', title: 'T', measure: 'Strikes', filters: '', dataVersion: 'v9', sources: [], generator: 'G' };

  it('states where other data came from, with its full address', () => {
    const metadata = buildCsvMetadata(table, { ...meta, origin: exportProvenance(smallDataset(), origin).details ?? '' });
    expect(metadata['dc:provenance']).toBe(`Data from ${LONG_HOST}, not the dashboard’s built-in dataset (address: https://${LONG_HOST}/pk.json)`);
  });
});
