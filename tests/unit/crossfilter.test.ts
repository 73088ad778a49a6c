import { dateInRange, hasCategoryFilter, matchesCategories, spanOverlapsRange, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../src/crossfilter/crossfilter';
import { DEFAULT_FILTERS, type Filters } from '../../src/crossfilter/filters';

const withRange = (origin: Filters['yearRangeOrigin']): Filters => ({ ...DEFAULT_FILTERS, yearRange: { from: 2008, to: 2011 }, yearRangeOrigin: origin });

describe('cross-filter rules', () => {
  it('filters every panel by a range set in the filter bar', () => {
    const filters = withRange('filter-bar');
    for (const panel of ['aid', 'drones', 'map', 'timeline'] as const) {
      expect(yearRangeFilteringPanel(filters, panel)).toEqual({ from: 2008, to: 2011 });
      expect(yearRangeDimmingPanel(filters, panel)).toBeNull();
    }
  });

  it('does not filter the panel whose brush set the range: it dims instead', () => {
    const filters = withRange('aid');
    expect(yearRangeFilteringPanel(filters, 'aid')).toBeNull();
    expect(yearRangeDimmingPanel(filters, 'aid')).toEqual({ from: 2008, to: 2011 });
    expect(yearRangeFilteringPanel(filters, 'timeline')).toEqual({ from: 2008, to: 2011 });
  });

  it('matches spans that overlap the range and dates inside it', () => {
    expect(spanOverlapsRange(2002, 2007, { from: 2007, to: 2010 })).toBe(true);
    expect(spanOverlapsRange(2002, 2007, { from: 2008, to: 2010 })).toBe(false);
    expect(dateInRange('2011-11', { from: 2011, to: 2011 })).toBe(true);
    expect(dateInRange('2012-01-01', { from: 2011, to: 2011 })).toBe(false);
    expect(dateInRange('2012-01-01', null)).toBe(true);
  });

  it('treats empty tone/theme lists as no filter', () => {
    const event = { tone: 'friction', theme: 'border' } as const;
    expect(hasCategoryFilter(DEFAULT_FILTERS)).toBe(false);
    expect(matchesCategories(event, DEFAULT_FILTERS)).toBe(true);
    expect(matchesCategories(event, { tones: ['cooperation'], themes: [] })).toBe(false);
    expect(matchesCategories(event, { tones: ['friction'], themes: ['aid'] })).toBe(false);
    expect(matchesCategories(event, { tones: ['friction'], themes: ['border', 'aid'] })).toBe(true);
  });
});
