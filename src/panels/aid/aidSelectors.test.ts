import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import { DEFAULT_FILTERS, type Filters } from '../../crossfilter/filters';
import type { AidRow, Dataset } from '../../data/schema';
import { buildSlots, isTotalRow, resolveSlotRows, selectAidView, slotClickAction, slotDragAction, slotExtendAction, slotLabel, slotTitle, tint } from './aidSelectors';

const filters = (patch: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...patch });

function row(patch: Partial<AidRow> & Pick<AidRow, 'id'>): AidRow {
  return {
    measure: 'crs-appropriations',
    fiscalYearStart: 2013,
    fiscalYearEnd: 2013,
    programme: 'ESF',
    programmeName: 'Economic Support Fund',
    category: 'economic',
    status: 'actual',
    amount: 100,
    sources: ['crs'],
    ...patch,
  };
}

/** The fixture plus a second CRS edition, so revisions can be tested. */
function datasetWithEditions(aid: AidRow[]): Dataset {
  const d = smallDataset();
  d.sources.push({ id: 'crs-2014', title: 'CRS table, 2014 edition', publisher: 'Congressional Research Service', date: '2014-03', url: null, measures: 'appropriations (US$ m)' });
  d.sources.push({ id: 'crs-2013', title: 'CRS table, 2013 edition', publisher: 'Congressional Research Service', date: '2013-10', url: null, measures: 'appropriations (US$ m)' });
  d.aid = aid;
  return d;
}

describe('selectAidView: the default view of the fixture', () => {
  const view = selectAidView(smallDataset(), filters());

  it('draws one slot per fiscal-year span, left to right, with the 6-year aggregate kept whole', () => {
    expect(view.state).toBe('ok');
    expect(view.slots.map((s) => s.label)).toEqual(['FY02–07', 'FY08', 'FY09', 'FY10', 'FY11']);
    const aggregate = view.slots[0]!;
    expect([aggregate.start, aggregate.end, aggregate.total]).toEqual([2002, 2007, 1500]);
    expect(aggregate.title).toBe('FY2002–FY2007 (6-year total)');
    expect(view.hasAggregate).toBe(true);
  });

  it('stacks by category and totals each slot', () => {
    expect(view.series.map((s) => s.key)).toEqual(['security', 'economic', 'csf']);
    expect(view.slots.find((s) => s.key === '2010')!.amounts).toEqual({ economic: 1292 });
    expect(view.slots.find((s) => s.key === '2011')!.total).toBe(1118);
  });

  it('marks a year inside the span with no figure as unknown (no data), never as zero', () => {
    const gap = view.slots.find((s) => s.key === '2009')!;
    expect(gap.hasData).toBe(false);
    expect(gap.total).toBeNull();
    expect(gap.amounts).toEqual({});
    const gapRow = view.table.rows.find((r) => r.fiscalYear === 'FY2009')!;
    expect(gapRow.amount).toBeNull();
  });

  it('builds a table of exactly the rows drawn, with a source column, and lists their sources', () => {
    expect(view.table.columns.map((c) => c.key)).toContain('source');
    expect(view.table.rows.filter((r) => r.amount !== null)).toHaveLength(4);
    expect(view.table.rows[0]).toMatchObject({ fiscalYear: 'FY2002–FY2007 (6-year total)', programme: 'FMF', amount: 1500, status: 'Actual', source: 'Congressional Research Service (2014-03)' });
    expect(view.sourceIds).toEqual(['crs']);
    expect(view.sources).toEqual(['Congressional Research Service, Direct Overt U.S. Aid Appropriations for and Military Reimbursements to Pakistan']);
    expect(view.table.measure).toMatch(/Appropriations \(CRS\), US\$ millions/);
  });

  it('lists the measures the dataset holds and holds no filter of its own', () => {
    expect(view.measuresAvailable).toEqual(['crs-appropriations']);
    expect(view.hasOwnFilter).toBe(false);
    expect(view.categoriesPresent).toEqual(['security', 'economic', 'csf']);
  });
});

describe('selectAidView: views and empty states', () => {
  it('breaks down by programme, one series per programme within its category colour family', () => {
    const view = selectAidView(smallDataset(), filters({ aidView: 'programme' }));
    expect(view.series.map((s) => [s.key, s.category])).toEqual([
      ['FMF', 'security'],
      ['ESF', 'economic'],
      ['CSF', 'csf'],
    ]);
    expect(view.series[0]!.longLabel).toBe('FMF: Foreign Military Financing');
    expect(view.slots.find((s) => s.key === '2008')!.amounts).toEqual({ FMF: 298 });
    expect(view.table.caption).toMatch(/by programme/);
  });

  it('says the aid table is missing when the dataset has none', () => {
    const d = smallDataset();
    delete d.aid;
    const view = selectAidView(d, filters());
    expect(view.state).toBe('missing-table');
    expect(view.emptyMessage).toMatch(/no aid table/);
    expect(view.table.rows).toEqual([]);
  });

  it('says so when the chosen measure has no rows', () => {
    const view = selectAidView(smallDataset(), filters({ aidMeasure: 'fa-obligations' }));
    expect(view.state).toBe('no-measure-rows');
    expect(view.emptyMessage).toMatch(/obligations \(foreignassistance\.gov\)/);
  });
});

describe('selectAidView: cross-filtering', () => {
  it("is narrowed by another control's year range", () => {
    const view = selectAidView(smallDataset(), filters({ yearRange: { from: 2010, to: 2011 }, yearRangeOrigin: 'timeline' }));
    expect(view.slots.map((s) => s.key)).toEqual(['2010', '2011']);
    expect(view.filterRange).toEqual({ from: 2010, to: 2011 });
    expect(view.table.rows.map((r) => r.programme)).toEqual(['ESF', 'CSF']);
    expect(view.hasOwnFilter).toBe(false);
    // The chart's axis keeps every slot; the ones outside the range are marked to be faded.
    expect(view.axisSlots.map((s) => [s.key, s.filteredOut])).toEqual([
      ['2002-2007', true],
      ['2008', true],
      ['2009', true],
      ['2010', false],
      ['2011', false],
    ]);
    expect(view.axisSlots.filter((s) => !s.filteredOut)).toEqual(view.slots);
  });

  it('keeps its series (and so their colours) whatever the year range', () => {
    const all = selectAidView(smallDataset(), filters({ aidView: 'programme' }));
    const narrowed = selectAidView(smallDataset(), filters({ aidView: 'programme', yearRange: { from: 2008, to: 2008 }, yearRangeOrigin: 'timeline' }));
    expect(narrowed.slots.map((s) => s.key)).toEqual(['2008']);
    expect(narrowed.series).toEqual(all.series);
  });

  it('keeps a multi-year aggregate when the range overlaps it', () => {
    const view = selectAidView(smallDataset(), filters({ yearRange: { from: 2005, to: 2005 }, yearRangeOrigin: 'filter-bar' }));
    expect(view.slots.map((s) => s.key)).toEqual(['2002-2007']);
  });

  it('reports a year range that holds no figures', () => {
    const view = selectAidView(smallDataset(), filters({ yearRange: { from: 2015, to: 2016 }, yearRangeOrigin: 'drones' }));
    expect(view.state).toBe('no-rows-in-range');
    expect(view.slots).toEqual([]);
    expect(view.emptyMessage).toBe('No aid figures (appropriations (crs)) for FY2015–FY2016.');
    expect(view.table.rows).toEqual([]);
    expect(view.sources).toEqual([]);
  });

  it('reports a range that covers only a year with no figure', () => {
    const view = selectAidView(smallDataset(), filters({ yearRange: { from: 2009, to: 2009 }, yearRangeOrigin: 'filter-bar' }));
    expect(view.state).toBe('no-rows-in-range');
    expect(view.emptyMessage).toMatch(/FY2009\.$/);
  });

  it('is not filtered by its own brush: it keeps every slot, dims outside, and the table lists the selection', () => {
    const view = selectAidView(smallDataset(), filters({ yearRange: { from: 2010, to: 2011 }, yearRangeOrigin: 'aid' }));
    expect(view.slots.map((s) => s.key)).toEqual(['2002-2007', '2008', '2009', '2010', '2011']);
    expect(view.slots.map((s) => s.dimmed)).toEqual([true, true, true, false, false]);
    expect(view.hasOwnFilter).toBe(true);
    expect(view.dimRange).toEqual({ from: 2010, to: 2011 });
    expect(view.filterRange).toBeNull();
    expect(view.table.rows.map((r) => r.fiscalYear)).toEqual(['FY2010', 'FY2011']);
  });

  it('dims categories outside its own category highlight and lists only highlighted rows', () => {
    const view = selectAidView(smallDataset(), filters({ aidCategories: ['security'] }));
    expect(view.series.map((s) => [s.key, s.dimmed])).toEqual([
      ['security', false],
      ['economic', true],
      ['csf', true],
    ]);
    expect(view.hasOwnFilter).toBe(true);
    expect(view.table.rows.filter((r) => r.amount !== null).map((r) => r.programme)).toEqual(['FMF', 'FMF']);
  });

  it('marks the fiscal years holding events that match the tone/theme filters (1 Oct starts the next fiscal year)', () => {
    const d = smallDataset();
    // 5 Oct 2010 is FY2011; Salala (26 Nov 2011) is FY2012, past this fixture's last aid year.
    d.events!.push({ id: 'ev-2010-10', date: '2010-10-05', datePrecision: 'day', tone: 'friction', theme: 'border', title: 'October friction', description: '', sources: ['paper'] });
    d.events!.push({ id: 'ev-2008-09', date: '2008-09-30', datePrecision: 'day', tone: 'friction', theme: 'border', title: 'Last day of FY2008', description: '', sources: ['paper'] });
    const view = selectAidView(d, filters({ tones: ['friction'] }));
    expect(view.slots.filter((s) => s.marked).map((s) => s.key)).toEqual(['2008', '2011']);
    expect(view.anyMarked).toBe(true);
    expect(view.table.rows.find((r) => r.fiscalYear === 'FY2011')!.marks).toBe('year with matching events');
    expect(selectAidView(smallDataset(), filters()).anyMarked).toBe(false);
  });

  it("marks the selected item's year, including inside a multi-year aggregate", () => {
    const d = smallDataset();
    d.events!.push({ id: 'ev-2004', date: '2004-06', datePrecision: 'month', tone: 'context', theme: 'drones', title: 'First strike', description: '', sources: ['paper'] });
    d.events!.push({ id: 'ev-2011-06', date: '2011-06', datePrecision: 'month', tone: 'context', theme: 'drones', title: 'June', description: '', sources: ['paper'] });
    expect(selectAidView(d, filters({ selection: { kind: 'event', id: 'ev-2011-06' } })).slots.filter((s) => s.selected).map((s) => s.key)).toEqual(['2011']);
    // Salala, 26 Nov 2011, is in FY2012: no FY2011 slot is marked.
    expect(selectAidView(d, filters({ selection: { kind: 'incident', id: 'salala_2011' } })).slots.filter((s) => s.selected).map((s) => s.key)).toEqual([]);
    expect(selectAidView(d, filters({ selection: { kind: 'event', id: 'ev-2004' } })).slots.filter((s) => s.selected).map((s) => s.key)).toEqual(['2002-2007']);
    expect(selectAidView(d, filters({ selection: { kind: 'strike', id: 'nope' } })).slots.some((s) => s.selected)).toBe(false);
  });
});

describe('resolveSlotRows: revisions, requests and printed totals are shown, not summed', () => {
  const dates = new Map([
    ['crs-2013', '2013-10'],
    ['crs-2014', '2014-03'],
  ]);

  it('draws actual figures over an estimate for the same year, keeping the estimate as another figure', () => {
    const est = row({ id: 'est', status: 'estimate', amount: 804, sources: ['crs-2013'] });
    const act = row({ id: 'act', amount: 724, sources: ['crs-2014'] });
    const views = resolveSlotRows([est, act], dates);
    expect(views.map((v) => [v.row.id, v.shownAs])).toEqual([
      ['est', 'other-status'],
      ['act', 'drawn'],
    ]);
  });

  it('draws the latest edition when one programme appears twice, and names what replaced the earlier figure', () => {
    const later = row({ id: 'later', amount: 7351, sources: ['crs-2014'] });
    const earlier = row({ id: 'earlier', amount: 7333, sources: ['crs-2013'] });
    const views = resolveSlotRows([later, earlier], dates);
    expect(views.find((v) => v.row.id === 'later')!.shownAs).toBe('drawn');
    expect(views.find((v) => v.row.id === 'earlier')).toMatchObject({ shownAs: 'superseded', replacedBy: later });
  });

  it('does not draw a printed total beside its own programme rows', () => {
    const total = row({ id: 'total', programme: 'TOTAL', programmeName: 'All', category: 'unsplit', amount: 1000 });
    const esf = row({ id: 'esf', amount: 600 });
    expect(isTotalRow(total)).toBe(true);
    expect(resolveSlotRows([total, esf], dates).map((v) => v.shownAs)).toEqual(['printed-total', 'drawn']);
    // An unsplit measure draws its total.
    expect(resolveSlotRows([total], dates).map((v) => v.shownAs)).toEqual(['drawn']);
  });

  it('sums only drawn rows into a slot, and flags the slot as holding other figures', () => {
    const d = datasetWithEditions([
      row({ id: 'est', status: 'estimate', amount: 804, sources: ['crs-2013'] }),
      row({ id: 'act', amount: 724, sources: ['crs-2014'] }),
      row({ id: 'cn', programme: 'CN', category: 'security', amount: 8, sources: ['crs-2014'] }),
      row({ id: 'req', fiscalYearStart: 2014, fiscalYearEnd: 2014, status: 'request', amount: 1193, sources: ['crs-2014'] }),
    ]);
    const view = selectAidView(d, filters());
    const fy13 = view.slots.find((s) => s.key === '2013')!;
    expect(fy13.total).toBe(732);
    expect(fy13.status).toBe('actual');
    expect(fy13.hasOtherFigures).toBe(true);
    const fy14 = view.slots.find((s) => s.key === '2014')!;
    expect([fy14.status, fy14.total]).toEqual(['request', 1193]);
    expect(view.hasRequestOrEstimate).toBe(true);
    expect(view.hasOtherFigures).toBe(true);
    // The table keeps the estimate, saying it is not in the bar.
    const estRow = view.table.rows.find((r) => r.amount === 804)!;
    expect(estRow.status).toBe('Estimate');
    expect(estRow.shownAs).toMatch(/Not in the bar/);
    expect(view.sourceIds).toEqual(['crs-2014', 'crs-2013']);
  });

  it('writes the replacing figure into a superseded row of the table', () => {
    const d = datasetWithEditions([row({ id: 'a', amount: 7333, sources: ['crs-2013'] }), row({ id: 'b', amount: 7351, sources: ['crs-2014'] })]);
    const table = selectAidView(d, filters()).table;
    expect(table.rows.find((r) => r.amount === 7333)!.shownAs).toBe('Revised: earlier figure, not in the bar (replaced by 7,351, Congressional Research Service (2014-03))');
  });
});

describe('buildSlots', () => {
  it('returns nothing for no rows, and fills every uncovered year between the first and the last', () => {
    expect(buildSlots([], new Map(), 'category')).toEqual([]);
    const slots = buildSlots([row({ id: 'a', fiscalYearStart: 2010, fiscalYearEnd: 2010 }), row({ id: 'b', fiscalYearStart: 2013, fiscalYearEnd: 2013 })], new Map(), 'category');
    expect(slots.map((s) => [s.key, s.hasData])).toEqual([
      ['2010', true],
      ['2011', false],
      ['2012', false],
      ['2013', true],
    ]);
  });
});

describe('slot labels and actions', () => {
  it('labels single years and spans', () => {
    expect(slotLabel(2011, 2011)).toBe('FY11');
    expect(slotLabel(2002, 2007)).toBe('FY02–07');
    expect(slotTitle(2011, 2011)).toBe('FY2011');
  });

  it('toggles a single year, and selects or clears an aggregate span', () => {
    expect(slotClickAction({ start: 2011, end: 2011 }, null)).toEqual({ kind: 'toggle-year', year: 2011 });
    expect(slotClickAction({ start: 2002, end: 2007 }, null)).toEqual({ kind: 'set-range', range: { from: 2002, to: 2007 } });
    expect(slotClickAction({ start: 2002, end: 2007 }, { from: 2002, to: 2007 })).toEqual({ kind: 'set-range', range: null });
  });

  it('turns a drag into the span it covers, whichever way it goes', () => {
    expect(slotDragAction({ start: 2012, end: 2012 }, { start: 2002, end: 2007 }, null)).toEqual({ kind: 'set-range', range: { from: 2002, to: 2012 } });
    expect(slotDragAction({ start: 2010, end: 2010 }, { start: 2010, end: 2010 }, null)).toEqual({ kind: 'toggle-year', year: 2010 });
  });

  it('extends the current range with Shift', () => {
    expect(slotExtendAction({ start: 2014, end: 2014 }, { from: 2010, to: 2011 })).toEqual({ kind: 'set-range', range: { from: 2010, to: 2014 } });
    expect(slotExtendAction({ start: 2014, end: 2014 }, null)).toEqual({ kind: 'toggle-year', year: 2014 });
  });

  it('tints a colour toward white', () => {
    expect(tint('#000000', 0)).toBe('#000000');
    expect(tint('#000000', 1)).toBe('#ffffff');
    expect(tint('#2b5c8a', 0.5)).toBe('#95aec5');
  });
});
