import { DEFAULT_FILTERS } from '../../src/crossfilter/filters';
import { createDashboardStore } from '../../src/store/store';
import { smallDataset } from '../fixtures/loadFixture';

describe('dashboard store', () => {
  it('starts empty with default filters and holds a dataset with its origin', () => {
    const store = createDashboardStore();
    expect(store.getState().dataset).toBeNull();
    expect(store.getState().filters).toEqual(DEFAULT_FILTERS);
    store.getState().setDataset(smallDataset(), { kind: 'file', label: 'mine.json' });
    expect(store.getState().dataset?.version).toBe('test-1');
    expect(store.getState().datasetOrigin).toEqual({ kind: 'file', label: 'mine.json' });
  });

  it('orders a reversed year range and remembers who set it', () => {
    const store = createDashboardStore();
    store.getState().setYearRange({ from: 2011, to: 2008 }, 'aid');
    expect(store.getState().filters.yearRange).toEqual({ from: 2008, to: 2011 });
    expect(store.getState().filters.yearRangeOrigin).toBe('aid');
    store.getState().setYearRange(null, 'aid');
    expect(store.getState().filters.yearRangeOrigin).toBe('filter-bar');
  });

  it('selects a clicked year and clears it on a second click', () => {
    const store = createDashboardStore();
    store.getState().toggleYear(2011, 'drones');
    expect(store.getState().filters.yearRange).toEqual({ from: 2011, to: 2011 });
    store.getState().toggleYear(2011, 'drones');
    expect(store.getState().filters.yearRange).toBeNull();
  });

  it('toggles tones, themes and the selection', () => {
    const store = createDashboardStore();
    store.getState().toggleTone('friction');
    store.getState().toggleTheme('border');
    store.getState().toggleTone('friction');
    expect(store.getState().filters.tones).toEqual([]);
    expect(store.getState().filters.themes).toEqual(['border']);
    store.getState().select({ kind: 'incident', id: 'salala_2011' });
    expect(store.getState().filters.selection).toEqual({ kind: 'incident', id: 'salala_2011' });
    store.getState().select({ kind: 'incident', id: 'salala_2011' });
    expect(store.getState().filters.selection).toBeNull();
  });

  it("resets only what a panel owns: the timeline's reset keeps a filter-bar year range", () => {
    const store = createDashboardStore();
    store.getState().setYearRange({ from: 2008, to: 2011 }, 'filter-bar');
    store.getState().toggleTone('friction');
    store.getState().resetPanelFilters('timeline');
    expect(store.getState().filters.tones).toEqual([]);
    expect(store.getState().filters.yearRange).toEqual({ from: 2008, to: 2011 });
    store.getState().setYearRange({ from: 2009, to: 2010 }, 'timeline');
    store.getState().resetPanelFilters('timeline');
    expect(store.getState().filters.yearRange).toBeNull();
  });

  it('resets every filter at once', () => {
    const store = createDashboardStore();
    store.getState().setYearRange({ from: 2008, to: 2011 }, 'filter-bar');
    store.getState().toggleMapLayer('strikes');
    store.getState().resetAllFilters();
    expect(store.getState().filters).toEqual(DEFAULT_FILTERS);
  });
});
