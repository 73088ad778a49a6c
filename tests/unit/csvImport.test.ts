/**
 * The CSV import's rules: dates, header matching, encodings, totals rows, merging and the
 * grouping of repeated problems. The PBC fixture is Pakistan Body Count's own per-strike file.
 */
import { parseDate, detectDateColumn } from '../../src/import/csv/dates';
import { autoMatch, guessTable } from '../../src/import/csv/fields';
import { decodeBytes } from '../../src/import/csv/decode';
import { CsvSession, isTotalsRow, type BuildOptions } from '../../src/import/csv/csvSession';
import { mergeDatasets } from '../../src/import/merge';
import { groupProblems, formatGroup, problemsAsCsv } from '../../src/data/problemGroups';
import { findUnknownFields, unknownFieldsWarning } from '../../src/data/unknownFields';
import { activeStrikeTracker, datasetForStrikeTracker, strikesOfTracker } from '../../src/data/trackers';
import { validateDataset } from '../../src/data/validation';
import { buildTemplate } from '../../src/import/template';
import { smallDataset } from '../fixtures/loadFixture';
import pbcText from '../fixtures/csv/PakistanDroneAttacks_PBC_kaggle.csv?raw';

const utf8 = (text: string) => new TextEncoder().encode(text);
const options = (over: Partial<BuildOptions> = {}): BuildOptions => ({
  table: 'strikes',
  mapping: [],
  dateOrder: 'dmy',
  tracker: 'pbc',
  idPrefix: 'pbc-',
  mode: 'replace',
  fileName: 'pbc.csv',
  today: '2026-12-02',
  ...over,
});

describe('dates', () => {
  it('reads the long forms trackers write, with or without the weekday', () => {
    expect(parseDate('Friday, June 18, 2004', 'dmy')).toEqual({ iso: '2004-06-18', precision: 'day' });
    expect(parseDate('Sunday, May 08, 2005', 'mdy')).toEqual({ iso: '2005-05-08', precision: 'day' });
    expect(parseDate('18 June 2004', 'dmy')?.iso).toBe('2004-06-18');
    expect(parseDate('18-Jun-04', 'dmy')?.iso).toBe('2004-06-18');
    expect(parseDate('Sept 3, 2011', 'dmy')?.iso).toBe('2011-09-03');
    expect(parseDate('June 2004', 'dmy')).toEqual({ iso: '2004-06', precision: 'month' });
    expect(parseDate('2004', 'dmy')).toEqual({ iso: '2004', precision: 'year' });
  });

  it('reads numeric dates in the chosen day/month order and refuses days that do not exist', () => {
    expect(parseDate('03/04/2005', 'dmy')?.iso).toBe('2005-04-03');
    expect(parseDate('03/04/2005', 'mdy')?.iso).toBe('2005-03-04');
    expect(parseDate('2005/04/03', 'mdy')?.iso).toBe('2005-04-03');
    expect(parseDate('31/02/2011', 'dmy')).toBeNull();
    expect(parseDate('Friday, Juno 18, 2004', 'dmy')).toBeNull();
  });

  it('tells the order from the column when some value settles it, and says when none does', () => {
    expect(detectDateColumn(['03/04/2005', '12/25/2005'])).toMatchObject({ style: 'numeric', order: 'mdy', orderFromData: true, parsed: 2 });
    expect(detectDateColumn(['03/04/2005', '25/12/2005'])).toMatchObject({ order: 'dmy', orderFromData: true });
    expect(detectDateColumn(['03/04/2005', '05/06/2005'])).toMatchObject({ order: 'dmy', orderFromData: false });
    expect(detectDateColumn(['Friday, June 18, 2004', ''])).toMatchObject({ style: 'long', parsed: 1, total: 1, sample: { raw: 'Friday, June 18, 2004', iso: '2004-06-18' } });
  });
});

describe('encodings', () => {
  it('reads strict UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodeBytes(utf8('place\nPeshāwar'), 'auto')).toMatchObject({ text: 'place\nPeshāwar', encoding: 'utf-8' });
    // "Army’s" in Windows-1252: the apostrophe is byte 0x92, invalid in UTF-8.
    const cp1252 = new Uint8Array([0x41, 0x72, 0x6d, 0x79, 0x92, 0x73]);
    expect(decodeBytes(cp1252, 'auto')).toMatchObject({ text: 'Army’s', encoding: 'windows-1252' });
    expect(decodeBytes(cp1252, 'utf-8').text).toBe('Army\uFFFDs');
  });
});

describe('column mapping', () => {
  const headers = pbcText.split(/\r?\n/)[0]!.split(',');

  it('matches PBC’s headers, including its "Total Died Mix" typo, and leaves the rest ignored', () => {
    expect(guessTable(headers)).toBe('strikes');
    const mapping = autoMatch(headers, 'strikes');
    const mapped = Object.fromEntries(headers.map((h, i) => [h, mapping[i]]).filter(([, f]) => f !== null));
    expect(mapped).toEqual({
      'S#': 'id',
      Date: 'date',
      Location: 'place',
      City: 'agency',
      'Civilians Min': 'civiliansMin',
      'Civilians Max': 'civiliansMax',
      'Total Died Min': 'killedMin',
      'Total Died Mix': 'killedMax',
      'Injured Min': 'injuredMin',
      'Injured Max': 'injuredMax',
      Comments: 'note',
      Longitude: 'lon',
      Latitude: 'lat',
    });
  });

  it('guesses events and aid from their headers', () => {
    expect(guessTable(['id', 'date', 'tone', 'theme', 'title', 'description'])).toBe('events');
    expect(guessTable(['Fiscal year', 'Programme', 'Programme name', 'Measure', 'Amount'])).toBe('aid');
  });
});

describe('building rows from the PBC file', () => {
  const session = new CsvSession();
  const preview = session.read(utf8(pbcText), 'auto', 'pbc.csv');

  it('skips the totals row with a notice and keeps every strike row', () => {
    expect(preview.rowCount).toBe(405);
    const out = session.build(options({ mapping: preview.mapping }), null);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.notices).toEqual(['Skipped a totals row (row 406 of the file): it sums the rows above, it is not a record.']);
    expect(out.loaded + out.failed).toBe(404);
    expect(out.dataset.strikes).toHaveLength(out.loaded);
    const first = out.dataset.strikes![0]!;
    expect(first).toMatchObject({ id: 'pbc-1', date: '2004-06-18', place: 'Near Wana', agency: 'South Waziristan', lat: 33.0333, lon: 69.9, killedMin: null, killedMax: 5, civiliansMin: 0, civiliansMax: 4, tracker: 'pbc', sources: ['csv-pbc-csv'] });
  });

  it('lists failed rows by rule and row id, with the same messages as a JSON file', () => {
    const out = session.build(options({ mapping: preview.mapping }), null);
    const lines = out.groups.map(formatGroup);
    expect(lines).toContain('strikes: civiliansMax must be a number ≥ 0 — 4 rows: pbc-368, pbc-369, pbc-370, pbc-375');
    expect(out.ok && out.failed).toBe(5);
    expect(problemsAsCsv(out.problems).split('\r\n')[1]).toMatch(/^strikes,pbc-\d+,\d+,civiliansM(in|ax),/);
  });

  it('adds to the current data without touching it, and keeps the trackers apart', () => {
    const current = smallDataset();
    const out = session.build(options({ mapping: preview.mapping, mode: 'add' }), current);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const strikes = out.dataset.strikes!;
    expect(strikes).toHaveLength((current.strikes?.length ?? 0) + out.loaded);
    expect(strikes.slice(0, current.strikes!.length)).toEqual(current.strikes);
    expect(strikesOfTracker(strikes, 'pbc')).toHaveLength(out.loaded);
    expect(strikesOfTracker(strikes, 'tbij')).toHaveLength(current.strikes!.length);
    expect(activeStrikeTracker(strikes, null)).toBe('tbij');
    expect(datasetForStrikeTracker(out.dataset, 'pbc').strikes).toHaveLength(out.loaded);
  });
});

describe('totals rows', () => {
  it('is a row that says Total, or has no id and no date but numbers', () => {
    expect(isTotalsRow(['Total', '', '12'], 0, 1)).toBe(true);
    expect(isTotalsRow(['', '', '49', '662'], 0, 1)).toBe(true);
    expect(isTotalsRow(['7', '', '49', '662'], 0, 1)).toBe(false);
  });
});

describe('merging', () => {
  it('reports an id that is already taken and never overwrites the row', () => {
    const current = smallDataset();
    const taken = current.strikes![0]!;
    const incoming = { sources: current.sources, strikes: [{ ...taken, killedMax: 999, tracker: 'pbc' as const }] };
    const { dataset, clashes } = mergeDatasets(current, incoming);
    expect(dataset.strikes).toEqual(current.strikes);
    expect(clashes).toEqual([{ path: 'strikes[0].id', rowId: taken.id, message: 'is already in the current data; this row was not added, so nothing was overwritten', got: JSON.stringify(taken.id) }]);
  });

  it('refuses a different source under a known id', () => {
    const current = smallDataset();
    const source = { ...current.sources[0]!, title: 'Something else' };
    const { dataset, clashes } = mergeDatasets(current, { sources: [source] });
    expect(dataset.sources).toEqual(current.sources);
    expect(clashes[0]?.rowId).toBe(source.id);
  });
});

describe('problems grouped by rule', () => {
  it('turns one mistake on many rows into one line with a count and the first ids', () => {
    const dataset = smallDataset() as unknown as { strikes: Record<string, unknown>[] };
    const base = dataset.strikes[0]!;
    dataset.strikes = [368, 369, 370, 375, 380].map((n) => ({ ...base, id: `S${n}`, civiliansMin: -1, civiliansMax: 2 }));
    const result = validateDataset(dataset);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(groupProblems(result.problems).map(formatGroup)).toEqual(['strikes: civiliansMin must be a number ≥ 0 — 5 rows: S368, S369, S370, S375, …']);
  });
});

describe('unknown fields', () => {
  it('names them with the row count and the field probably meant', () => {
    const dataset = smallDataset() as unknown as { strikes: Record<string, unknown>[] };
    dataset.strikes = dataset.strikes.map(({ note, ...rest }) => ({ ...rest, notes: note ?? 'x' }));
    const found = findUnknownFields(dataset);
    expect(found).toEqual([{ table: 'strikes', field: 'notes', count: dataset.strikes.length, suggestion: 'note' }]);
    expect(unknownFieldsWarning(found)).toContain(`strikes.notes (${dataset.strikes.length} rows; did you mean note?)`);
  });
});

describe('the template', () => {
  it('passes the checks as it is, with one row in every table', () => {
    const template = buildTemplate('2026-12-02');
    const result = validateDataset(template);
    expect(result.ok).toBe(true);
    for (const table of ['aid', 'strikes', 'strikeYears', 'incidents', 'events'] as const) expect(template[table]).toHaveLength(1);
    expect(result.ok && result.unknownFields).toEqual([]);
  });
});
