import fc from 'fast-check';
import type { Dataset, TimelineEvent } from '../data/schema';
import { THEMES, TONES, yearOf } from '../data/schema';
import small from '../../tests/fixtures/small-dataset.json';
import { dateInRange, matchesCategories, selectedItemYear, yearsWithMatchingEvents } from './crossfilter';
import { countInYears, countMatchingEvents, findById, selectedItemYearIndexed, yearOffsets, yearSlice, yearsWithMatchingEventsIndexed } from './datasetIndex';
import { DEFAULT_FILTERS, type Filters } from './filters';
import { selectTimeline, sourcesByCitation } from '../panels/timeline/timelineSelectors';
import { selectMapView } from '../panels/map/mapSelectors';

const dataset = small as unknown as Dataset;

const filtersArb = fc.record({
  range: fc.option(fc.tuple(fc.integer({ min: 1995, max: 2030 }), fc.integer({ min: 1995, max: 2030 })), { nil: null }),
  tones: fc.subarray([...TONES]),
  themes: fc.subarray([...THEMES]),
  origin: fc.constantFrom('filter-bar', 'timeline', 'aid') as fc.Arbitrary<Filters['yearRangeOrigin']>,
});
const toFilters = (f: { range: [number, number] | null; tones: Filters['tones']; themes: Filters['themes']; origin: Filters['yearRangeOrigin'] }): Filters => ({
  ...DEFAULT_FILTERS,
  yearRange: f.range ? { from: Math.min(...f.range), to: Math.max(...f.range) } : null,
  yearRangeOrigin: f.range ? f.origin : 'filter-bar',
  tones: f.tones,
  themes: f.themes,
});

/** A few hundred events spread over the years, from a seed. */
function manyEvents(n: number): TimelineEvent[] {
  const base = dataset.events ?? [];
  return Array.from({ length: n }, (_, i) => {
    const e = base[i % base.length]!;
    const year = 1999 + ((i * 7) % 28);
    return { ...e, id: `${e.id}-${i}`, date: `${year}${e.date.slice(4)}`, tone: TONES[i % 3]!, theme: THEMES[(i * 5) % THEMES.length]! };
  });
}

describe('datasetIndex', () => {
  it('slices a year-sorted array by year range, including ranges that hold no rows', () => {
    const years = [2001, 2001, 2003, 2004, 2004, 2004, 2008];
    const index = yearOffsets(years.length, (i) => years[i]!);
    expect(yearSlice(index, null)).toEqual([0, 7]);
    expect(yearSlice(index, { from: 2001, to: 2001 })).toEqual([0, 2]);
    expect(yearSlice(index, { from: 2002, to: 2002 })).toEqual([2, 2]);
    expect(yearSlice(index, { from: 2004, to: 2010 })).toEqual([3, 7]);
    expect(yearSlice(index, { from: 1990, to: 2000 })).toEqual([0, 0]);
    expect(yearSlice(index, { from: 2009, to: 2012 })).toEqual([0, 0]);
    expect(yearSlice(yearOffsets(0, () => 0), { from: 2000, to: 2001 })).toEqual([0, 0]);
  });

  it('gives the same answers as the plain cross-filter rules', () => {
    const events = manyEvents(400);
    const strikes = dataset.strikes ?? [];
    fc.assert(
      fc.property(filtersArb, (raw) => {
        const f = toFilters(raw);
        expect(yearsWithMatchingEventsIndexed(events, f)).toEqual(yearsWithMatchingEvents(events, f));
        expect(countMatchingEvents(events, f.yearRange, f)).toBe(events.filter((e) => dateInRange(e.date, f.yearRange) && matchesCategories(e, f)).length);
        expect(countInYears(strikes, f.yearRange)).toBe(strikes.filter((s) => dateInRange(s.date, f.yearRange)).length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the selected item and its year like selectedItemYear', () => {
    for (const e of dataset.events ?? []) expect(selectedItemYearIndexed(dataset, { kind: 'event', id: e.id })).toBe(selectedItemYear(dataset, { kind: 'event', id: e.id }));
    for (const i of dataset.incidents ?? []) expect(selectedItemYearIndexed(dataset, { kind: 'incident', id: i.id })).toBe(yearOf(i.dateStart));
    expect(selectedItemYearIndexed(dataset, { kind: 'strike', id: 'nope' })).toBeNull();
    expect(findById(dataset.events ?? [], 'nope')).toBeUndefined();
  });

  it('the indexed timeline shows exactly the filtered events, sources in first-cited and most-cited order', () => {
    const big: Dataset = { ...dataset, events: manyEvents(300) };
    fc.assert(
      fc.property(filtersArb, (raw) => {
        const f = toFilters(raw);
        const view = selectTimeline(big, f);
        const filtering = f.yearRangeOrigin === 'timeline' ? null : f.yearRange;
        const expected = (big.events ?? []).filter((e) => matchesCategories(e, f) && dateInRange(e.date, filtering)).map((e) => e.id);
        expect(view.events.map((e) => e.id).sort()).toEqual(expected.sort());
        expect(view.events.every((e, i) => i === 0 || view.events[i - 1]!.t <= e.t)).toBe(true);
        expect(view.sourceIds).toEqual([...new Set(view.events.flatMap((e) => e.sources))]);
        expect(view.sourcesLine).toEqual(sourcesByCitation(big.sources, view.events));
        expect(view.table.rows).toHaveLength(view.events.length);
        if (f.yearRangeOrigin === 'timeline' && f.yearRange) {
          for (const e of view.events) expect(e.dimmed).toBe(!dateInRange(e.date, f.yearRange));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the indexed map shows exactly the strikes in range, with the same sources', () => {
    fc.assert(
      fc.property(filtersArb, (raw) => {
        const f = toFilters(raw);
        const view = selectMapView(dataset, f);
        const range = f.yearRange;
        const expected = (dataset.strikes ?? []).filter((s) => s.lat !== null && s.lon !== null && dateInRange(s.date, range));
        expect(view.strikes.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
        const ids = new Set<string>();
        for (const item of [...view.incidents, ...view.operations, ...view.strikes]) for (const id of item.sourceIds) ids.add(id);
        expect(view.sourceIds).toEqual([...ids].sort());
        expect(view.table.rows).toHaveLength(view.incidents.length + view.operations.length + view.strikes.length);
      }),
      { numRuns: 100 },
    );
  });
});
