/**
 * Datasets and CSV rows cross worker boundaries as columns (src/data/columnTransfer.ts). What
 * arrives must be exactly what a plain postMessage (a structured clone) delivered before: the
 * same tables, fields, field order, nulls and absent fields, on the small fixture and on a
 * seeded synthetic dataset.
 */
import { decodeDataset, decodeRows, encodeDataset, encodeRows, transferables, type EncodedDataset } from '../../src/data/columnTransfer';
import { parseToOutcome } from '../../src/import/parseOutcome';
import { buildCsv, type TidyTable } from '../../src/export/csv';
import type { Dataset, Strike } from '../../src/data/schema';
import { adoptDatasetIndex, buildDatasetIndex, countInYears, datasetIndexTransferables } from '../../src/crossfilter/datasetIndex';
import { strikeTrackers } from '../../src/data/trackers';
import { loadRealDataset, synthesize } from '../../bench/synth';
import { smallDatasetText } from '../fixtures/loadFixture';

/** What the receiving thread sees: the message cloned, its buffers moved. */
function send(encoded: EncodedDataset): EncodedDataset {
  return structuredClone(encoded, { transfer: transferables(encoded) });
}

function parsed(text: string): Dataset {
  const outcome = parseToOutcome(text);
  if (!outcome.ok) throw new Error(`fixture does not parse: ${outcome.problems[0]?.message}`);
  return outcome.dataset;
}

/** Field order too: toStrictEqual ignores it. */
function keyOrder(dataset: Dataset): string[] {
  const out = [Object.keys(dataset).join(',')];
  for (const [table, rows] of Object.entries(dataset)) if (Array.isArray(rows)) rows.forEach((row, i) => out.push(`${table}[${i}]:${Object.keys(row as object).join(',')}`));
  return out;
}

describe('datasets as columns', () => {
  it('the small fixture arrives as a structured clone of it would', async () => {
    const dataset = parsed(smallDatasetText());
    const before = structuredClone(dataset);
    const received = await decodeDataset(send(await encodeDataset(dataset)));
    expect(received).toStrictEqual(before);
    expect(keyOrder(received)).toEqual(keyOrder(before));
    // Nested values (an incident's figures) and lists (source ids) are the receiver's own copies.
    expect(received.strikes?.[0]?.sources).not.toBe(dataset.strikes?.[0]?.sources);
  });

  it('a synthetic 20,000-strike dataset arrives unchanged, rebuilt in many slices', async () => {
    const dataset = parsed(JSON.stringify(synthesize(loadRealDataset(), { strikes: 20_000, events: 2_000 })));
    const encoded = await encodeDataset(dataset, { sliceMs: 0 });
    const strikeColumns = Object.fromEntries(encoded.tables.strikes!.columns.map((c) => [c.key, c.kind]));
    // Coordinates and counts travel as numbers, ids and dates as dictionaries.
    expect(strikeColumns).toMatchObject({ lat: 'number', killedMin: 'number', killedMax: 'number', id: 'dict', date: 'dict', sources: 'dict' });
    const received = await decodeDataset(send(encoded), { sliceMs: 0 });
    expect(received).toStrictEqual(dataset);
    expect(keyOrder(received)).toEqual(keyOrder(dataset));
    expect(received.strikes).toHaveLength(20_000);
  });

  it('keeps null, absent, undefined, -0, booleans and nested objects apart', async () => {
    const rows = [
      { id: 'a', n: 1, maybe: null, flag: true, list: ['x', 'y'], nested: [{ v: 1 }] },
      { id: 'b', n: -0, flag: false, list: ['x', 'y'], extra: 'late field' },
      { id: 'c', n: null, maybe: undefined, list: [], nested: null },
      { n: 2.5, maybe: 'text' },
    ];
    const table = await encodeRows(rows);
    const received = await decodeRows(structuredClone(table, { transfer: transferables(table) }));
    expect(received).toStrictEqual(rows);
    expect(received.map((r) => Object.keys(r))).toEqual([
      ['id', 'n', 'maybe', 'flag', 'list', 'nested'],
      ['id', 'n', 'flag', 'list', 'extra'],
      ['id', 'n', 'maybe', 'list', 'nested'],
      ['n', 'maybe'],
    ]);
    expect(Object.is(received[1]!.n, -0)).toBe(true);
    expect(received[0]!.list).not.toBe(received[1]!.list);
  });

  it('an empty dataset table and an empty row survive', async () => {
    const dataset = { ...parsed(smallDatasetText()), strikes: [] } as Dataset;
    expect(await decodeDataset(send(await encodeDataset(dataset)))).toStrictEqual(dataset);
    expect(await decodeRows(await encodeRows([{}, {}]))).toStrictEqual([{}, {}]);
  });
});

describe('the index built in the worker', () => {
  it('adopted by the page, it answers as the page would have built it', async () => {
    const synthetic = synthesize(loadRealDataset(), { strikes: 5_000, events: null });
    // Two trackers' rows, as after "Add to current data".
    const strikes = synthetic.strikes!.map((s, i): Strike => (i % 3 === 0 ? { ...s, tracker: 'pbc' } : s));
    const inWorker = parsed(JSON.stringify({ ...synthetic, strikes }));
    const index = buildDatasetIndex(inWorker);
    const encoded = await encodeDataset(inWorker);
    const { encoded: arrived, index: arrivedIndex } = structuredClone({ encoded, index }, { transfer: [...transferables(encoded), ...datasetIndexTransferables(index)] });
    const onPage = await decodeDataset(arrived);
    adoptDatasetIndex(onPage, arrivedIndex);
    const builtHere = parsed(JSON.stringify({ ...synthetic, strikes }));
    expect(strikeTrackers(onPage.strikes!)).toEqual(['tbij', 'pbc']);
    for (const range of [null, { from: 2004, to: 2004 }, { from: 2008, to: 2012 }, { from: 1990, to: 2030 }, { from: 2030, to: 2040 }]) {
      expect(countInYears(onPage.strikes!, range)).toBe(countInYears(builtHere.strikes!, range));
    }
    expect(countInYears(onPage.strikes!, { from: 2008, to: 2012 })).toBeGreaterThan(0);
  });
});

describe('CSV rows as columns', () => {
  it('the CSV written from the received rows is byte for byte the one written from the originals', async () => {
    const dataset = synthesize(loadRealDataset(), { strikes: 3_000, events: null });
    const table: TidyTable = {
      fields: [
        { name: 'id', title: 'Id', type: 'string' },
        { name: 'date_start', title: 'Date', type: 'string' },
        { name: 'lat', title: 'Latitude', type: 'number' },
        { name: 'killed_max', title: 'Killed (max)', type: 'integer' },
        { name: 'place', title: 'Place', type: 'string' },
        { name: 'confirmed', title: 'Confirmed', type: 'boolean' },
      ],
      rows: dataset.strikes!.map((s) => ({
        id: s.id,
        date_start: s.date,
        lat: s.lat,
        killed_max: s.killedMax,
        place: s.id.endsWith('7') ? `=HYPERLINK("x"), ${s.place}` : s.place,
        confirmed: s.status === 'confirmed',
      })),
    };
    const encoded = await encodeRows(table.rows, { sliceMs: 0 });
    const rows = (await decodeRows(structuredClone(encoded, { transfer: transferables(encoded) }))) as TidyTable['rows'];
    expect(buildCsv({ ...table, rows })).toBe(buildCsv(table));
    expect(rows).toStrictEqual(table.rows);
  });
});
