import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import { DEFAULT_FILTERS, type Filters } from '../../crossfilter/filters';
import type { Strike } from '../../data/schema';
import { countRange, DERIVED_SERIES_ID, deriveStrikeYears, listSeries, rangeText, selectDroneView, seriesYears, strikeCountText, strikesPhrase, yearDragAction, yearExtendAction } from './droneSelectors';
import { multiTrackerDataset } from './droneTestData';

const filters = (patch: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...patch });

describe('listSeries', () => {
  it('lists the named trackers first, in the product order, with short labels', () => {
    expect(listSeries(multiTrackerDataset()).map((s) => [s.id, s.label])).toEqual([
      ['tbij', 'TBIJ'],
      ['pbc', 'Pakistan Body Count'],
      ['new-america', 'New America'],
      ['lwj', 'Long War Journal'],
    ]);
  });

  it('tells two series of one tracker apart, and labels an unknown tracker by its publisher', () => {
    const d = multiTrackerDataset();
    d.sources.push({ id: 'tbij-2011', title: 'Launch data', publisher: 'The Bureau of Investigative Journalism', date: '2011-08', url: null, measures: 'strikes' });
    d.sources.push({ id: 'cmc', title: 'Annual report', publisher: 'Conflict Monitoring Center', date: '2011-01', url: null, measures: 'strikes' });
    d.strikeYears!.push({ year: 2010, series: 'tbij-2011', strikes: 127, killedMin: 907, killedMax: 907, civiliansMin: 82, civiliansMax: 82, sources: ['tbij-2011'] });
    d.strikeYears!.push({ year: 2010, series: 'cmc', strikes: 132, killedMin: 938, killedMax: 938, civiliansMin: null, civiliansMax: null, sources: ['cmc'] });
    const labels = listSeries(d).map((s) => s.label);
    expect(labels.slice(0, 2)).toEqual(['TBIJ (2016-02)', 'TBIJ (2011-08)']);
    expect(labels.at(-1)).toBe('Conflict Monitoring Center');
  });

  it('falls back to a series computed from the per-strike table, or to nothing', () => {
    const d = smallDataset();
    delete d.strikeYears;
    expect(listSeries(d)).toEqual([{ id: DERIVED_SERIES_ID, label: 'Per-strike table (computed)', sourceTitle: null, derived: true }]);
    delete d.strikes;
    expect(listSeries(d)).toEqual([]);
  });
});

describe('countRange and rangeText: unknown is never zero', () => {
  it.each([
    [6, 8, 'both', [6, 8], '6–8'],
    [2, 2, 'both', [2, 2], '2'],
    [0, 0, 'both', [0, 0], '0'],
    [6, null, 'min-only', [6, 6], 'at least 6'],
    [null, 7, 'max-only', [0, 7], 'up to 7'],
    [null, null, 'none', [0, 0], 'unknown'],
  ] as const)('min %s, max %s', (min, max, known, bar, text) => {
    const r = countRange(min, max);
    expect(r.known).toBe(known);
    expect(r.bar).toEqual(bar);
    expect(rangeText(r)).toBe(text);
  });

  it('formats thousands', () => expect(rangeText({ min: 1062, max: 2400 })).toBe('1,062–2,400'));
});

describe('seriesYears', () => {
  it('fills years without a row inside the span as no figure, with every count null', () => {
    const years = seriesYears(multiTrackerDataset().strikeYears!.filter((r) => r.series === 'tbij'));
    expect(years.map((y) => [y.year, y.hasRow])).toEqual([
      [2004, true],
      [2005, false],
      [2006, true],
      [2007, false],
      [2008, false],
      [2009, false],
      [2010, true],
      [2011, true],
    ]);
    expect(years[1]).toMatchObject({ strikes: null, killed: { min: null, max: null, known: 'none' } });
  });
});

describe('selectDroneView: single tracker', () => {
  it('shows the first tracker by default, year by year, with its table and sources', () => {
    const view = selectDroneView(multiTrackerDataset(), filters());
    expect(view.state).toBe('ok');
    expect(view.activeSeries?.id).toBe('tbij');
    expect(view.years.map((y) => y.year)).toEqual([2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011]);
    expect(view.table.rows[0]).toEqual({ year: 2004, tracker: 'TBIJ', strikes: 1, possibleStrikes: 0, killedMin: 6, killedMax: 8, civiliansMin: 2, civiliansMax: 2, marks: '', note: '', source: 'The Bureau of Investigative Journalism (2016-02)' });
    expect(view.table.columns.map((c) => c.key)).toContain('source');
    expect(view.sources).toEqual(['The Bureau of Investigative Journalism, Drone war: Pakistan']);
    expect(view.hasOwnFilter).toBe(false);
  });

  it("counts the per-strike table's possible strikes beside TBIJ's confirmed count, as the header does", () => {
    const d = multiTrackerDataset();
    d.strikes!.push({ ...d.strikes![1]!, id: 'tbij-possible', status: 'possible', tbijId: null });
    const view = selectDroneView(d, filters());
    const y2010 = view.years.find((y) => y.year === 2010)!;
    expect(y2010.possibleStrikes).toBe(1);
    expect(strikeCountText(y2010)).toBe('129 (128 confirmed, 1 possible)');
    expect(strikesPhrase(y2010)).toBe('129 strikes (128 confirmed, 1 possible)');
    expect(view.table.rows.find((r) => r.year === 2010)).toMatchObject({ strikes: 128, possibleStrikes: 1 });
    // Other trackers do not count the TBIJ table: no possible column value for them.
    const lwj = selectDroneView(d, filters({ droneSeries: 'lwj' }));
    expect(lwj.table.rows.find((r) => r.year === 2010)).toMatchObject({ strikes: 117, possibleStrikes: null });
  });

  it('keeps unknown counts null in the table (never 0), and says when a year has no figure', () => {
    const view = selectDroneView(multiTrackerDataset(), filters());
    const y2010 = view.table.rows.find((r) => r.year === 2010)!;
    expect([y2010.civiliansMin, y2010.civiliansMax]).toEqual([null, null]);
    const y2005 = view.table.rows.find((r) => r.year === 2005)!;
    expect(y2005).toMatchObject({ strikes: null, killedMin: null, note: 'No figure from this tracker for this year' });
    expect(view.anyPartial).toBe(true);
  });

  it('shows the chosen tracker, and falls back to the first when the chosen one is absent', () => {
    const na = selectDroneView(multiTrackerDataset(), filters({ droneSeries: 'new-america' }));
    expect(na.activeSeries?.label).toBe('New America');
    expect(na.years.find((y) => y.year === 2004)!.killed).toEqual({ min: null, max: 7, known: 'max-only', bar: [0, 7] });
    const missing = selectDroneView(multiTrackerDataset(), filters({ droneSeries: 'nope' }));
    expect(missing.activeSeries?.id).toBe('tbij');
    expect(missing.requestedSeriesMissing).toBe('nope');
  });

  it("is narrowed by another control's year range", () => {
    const view = selectDroneView(multiTrackerDataset(), filters({ yearRange: { from: 2006, to: 2010 }, yearRangeOrigin: 'aid' }));
    expect(view.years.map((y) => y.year)).toEqual([2006, 2007, 2008, 2009, 2010]);
    expect(view.years.every((y) => !y.dimmed)).toBe(true);
    expect(view.table.rows).toHaveLength(5);
    // The chart's axis keeps every year of the tracker; the ones outside the range are marked to be faded.
    expect(view.axisYears.filter((y) => y.filteredOut).map((y) => y.year)).toEqual([2004, 2005, 2011]);
    expect(view.axisYears.filter((y) => !y.filteredOut)).toEqual(view.years);
  });

  it('reports a year range that holds no figures', () => {
    const view = selectDroneView(multiTrackerDataset(), filters({ yearRange: { from: 2001, to: 2003 }, yearRangeOrigin: 'filter-bar' }));
    expect(view.state).toBe('no-rows-in-range');
    expect(view.emptyMessage).toBe('No drone-strike figures from TBIJ for 2001–2003.');
    expect(view.table.rows).toEqual([]);
    // A range inside the span that covers only years without a row is empty too.
    expect(selectDroneView(multiTrackerDataset(), filters({ yearRange: { from: 2007, to: 2008 }, yearRangeOrigin: 'timeline' })).state).toBe('no-rows-in-range');
  });

  it('is not filtered by its own brush: keeps every year, dims outside, and the table lists the selection', () => {
    const view = selectDroneView(multiTrackerDataset(), filters({ yearRange: { from: 2010, to: 2011 }, yearRangeOrigin: 'drones' }));
    expect(view.years).toHaveLength(8);
    expect(view.years.filter((y) => !y.dimmed).map((y) => y.year)).toEqual([2010, 2011]);
    expect(view.hasOwnFilter).toBe(true);
    expect(view.table.rows.map((r) => r.year)).toEqual([2010, 2011]);
  });

  it('marks years with matching events and the selected strike or incident year', () => {
    const marked = selectDroneView(multiTrackerDataset(), filters({ themes: ['border'] }));
    expect(marked.years.filter((y) => y.marked).map((y) => y.year)).toEqual([2011]);
    expect(marked.table.rows.find((r) => r.year === 2011)!.marks).toBe('year with matching events');
    const strike = selectDroneView(multiTrackerDataset(), filters({ selection: { kind: 'strike', id: 'tbij-Ob10' } }));
    expect(strike.years.filter((y) => y.selected).map((y) => y.year)).toEqual([2010]);
  });
});

describe('selectDroneView: compare sources', () => {
  it('puts every tracker side by side for the selected years, whoever set them', () => {
    const view = selectDroneView(multiTrackerDataset(), filters({ droneCompare: true, yearRange: { from: 2011, to: 2011 }, yearRangeOrigin: 'drones' }));
    expect(view.compareSeries.map((s) => s.id)).toEqual(['tbij', 'pbc', 'new-america', 'lwj']);
    expect(view.compareYears.map((y) => y.year)).toEqual([2011]);
    expect(view.compareYears[0]!.values.map((v) => v && [v.civilians.min, v.civilians.max])).toEqual([
      [73, 159],
      [254, 440],
      [3, 9],
      [3, 38],
    ]);
    expect(view.table.rows.map((r) => [r.tracker, r.strikes])).toEqual([
      ['TBIJ', 75],
      ['Pakistan Body Count', 73],
      ['New America', null],
      ['Long War Journal', null],
    ]);
    // Sources in the dataset's own order.
    expect(view.sourceIds).toEqual(['tbij', 'pbc', 'new-america', 'lwj']);
    expect(view.sources[1]).toBe('Pakistan Body Count, via Kaggle, Pakistan drone attacks');
  });

  it('leaves a tracker without a figure for a year empty (null), and names trackers with none in the range', () => {
    const view = selectDroneView(multiTrackerDataset(), filters({ droneCompare: true, yearRange: { from: 2004, to: 2006 }, yearRangeOrigin: 'filter-bar' }));
    expect(view.compareYears.map((y) => y.year)).toEqual([2004, 2006]);
    expect(view.compareSeries.map((s) => s.id)).toEqual(['tbij', 'pbc', 'new-america']);
    expect(view.compareSeriesWithout.map((s) => s.id)).toEqual(['lwj']);
    expect(view.compareYears[1]!.values.map((v) => v !== null)).toEqual([true, false, false]);
  });

  it('covers every year some tracker reports when no range is set, and reports a range with none', () => {
    expect(selectDroneView(multiTrackerDataset(), filters({ droneCompare: true })).compareYears.map((y) => y.year)).toEqual([2004, 2006, 2010, 2011]);
    const none = selectDroneView(multiTrackerDataset(), filters({ droneCompare: true, yearRange: { from: 2020, to: 2024 }, yearRangeOrigin: 'timeline' }));
    expect(none.state).toBe('no-rows-in-range');
    expect(none.emptyMessage).toBe('No tracker has drone-strike figures for 2020–2024.');
  });
});

describe('selectDroneView: missing tables', () => {
  it('says which table is missing when there is neither strikeYears nor strikes', () => {
    const d = smallDataset();
    delete d.strikeYears;
    delete d.strikes;
    const view = selectDroneView(d, filters());
    expect(view.state).toBe('missing-table');
    expect(view.emptyMessage).toMatch(/no strikeYears table/);
    expect(view.table.rows).toEqual([]);
  });

  it('computes yearly figures from the per-strike table when strikeYears is missing', () => {
    const d = smallDataset();
    delete d.strikeYears;
    const view = selectDroneView(d, filters());
    expect(view.activeSeries?.derived).toBe(true);
    expect(view.years.filter((y) => y.hasRow).map((y) => [y.year, y.strikes, rangeText(y.killed), rangeText(y.civilians)])).toEqual([
      [2004, 1, '6–8', '2'],
      [2010, 1, '3–5', 'unknown'],
    ]);
  });
});

describe('deriveStrikeYears', () => {
  const strike = (id: string, date: string, k: [number | null, number | null], status: Strike['status'] = 'confirmed'): Strike => ({
    id,
    date,
    place: '',
    agency: '',
    lat: null,
    lon: null,
    precision: 'approximate',
    killedMin: k[0],
    killedMax: k[1],
    civiliansMin: null,
    civiliansMax: null,
    childrenMin: null,
    childrenMax: null,
    injuredMin: null,
    injuredMax: null,
    tbijId: null,
    status,
    sources: ['tbij'],
  });

  it('sums confirmed strikes; an unknown maximum makes the year maximum unknown, known minimums stay a lower bound', () => {
    const rows = deriveStrikeYears([strike('a', '2009-01-01', [2, 4]), strike('b', '2009-05-01', [null, null]), strike('c', '2009-06-01', [9, 9], 'possible')]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ year: 2009, strikes: 2, killedMin: 2, killedMax: null, civiliansMin: null, civiliansMax: null });
    expect(rows[0]!.note).toMatch(/lower bound/);
  });
});

describe('year actions', () => {
  it('turns a drag into a range and a click into a toggle', () => {
    expect(yearDragAction(2012, 2009)).toEqual({ kind: 'set-range', range: { from: 2009, to: 2012 } });
    expect(yearDragAction(2010, 2010)).toEqual({ kind: 'toggle-year', year: 2010 });
  });

  it('extends the current range with Shift', () => {
    expect(yearExtendAction(2013, { from: 2010, to: 2010 })).toEqual({ kind: 'set-range', range: { from: 2010, to: 2013 } });
    expect(yearExtendAction(2013, null)).toEqual({ kind: 'toggle-year', year: 2013 });
  });
});
