import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../tests/fixtures/loadFixture';
import { DEFAULT_FILTERS } from './filters';
import { fiscalYearOfDate } from './fiscalYear';
import { yearsWithMatchingEvents } from './crossfilter';
import { yearsWithMatchingEventsIndexed } from './datasetIndex';
import { summarizeView } from './summary';

describe('fiscalYearOfDate: US fiscal years run 1 Oct – 30 Sep', () => {
  it.each([
    ['2011-11-26', 2012],
    ['2011-09-30', 2011],
    ['2011-10-01', 2012],
    ['2011-10', 2012],
    ['2011-09', 2011],
    ['2011', 2011],
  ])('%s is FY%s', (date, fy) => expect(fiscalYearOfDate(date)).toBe(fy));

  it('places matching events on fiscal years, the plain and the indexed rule alike', () => {
    const events = smallDataset().events!;
    const f = { ...DEFAULT_FILTERS, tones: ['friction' as const] };
    expect([...yearsWithMatchingEvents(events, f, 'fiscal')]).toEqual([2012]);
    expect([...yearsWithMatchingEventsIndexed(events, f, 'fiscal')]).toEqual([2012]);
    expect([...yearsWithMatchingEventsIndexed(events, f)]).toEqual([2011]);
  });
});

describe('summarizeView: strike counts agree with the charts', () => {
  it('says how many of the strikes are possible, so 129 reads as 128 confirmed + 1 possible', () => {
    const d = smallDataset();
    d.strikes!.push({ ...d.strikes![1]!, id: 'possible-2010', status: 'possible', tbijId: null });
    expect(summarizeView(d, { ...DEFAULT_FILTERS, yearRange: { from: 2010, to: 2010 } })).toContain('2 drone strikes (1 confirmed, 1 possible)');
    expect(summarizeView(d, { ...DEFAULT_FILTERS, yearRange: { from: 2004, to: 2004 } })).toContain('1 drone strike.');
  });
});
