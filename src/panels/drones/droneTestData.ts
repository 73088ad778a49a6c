/**
 * A drone fixture with four trackers that disagree, built on the shared small fixture: the
 * shared one has a single tracker, and the compare view needs several.
 */
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import type { Dataset, StrikeYear } from '../../data/schema';

const sy = (series: string, year: number, strikes: number | null, k: [number | null, number | null], c: [number | null, number | null], note?: string): StrikeYear => ({
  year,
  series,
  strikes,
  killedMin: k[0],
  killedMax: k[1],
  civiliansMin: c[0],
  civiliansMax: c[1],
  ...(note ? { note } : {}),
  sources: [series],
});

export function multiTrackerDataset(): Dataset {
  const d = smallDataset();
  d.sources.push(
    { id: 'pbc', title: 'Pakistan drone attacks', publisher: 'Pakistan Body Count, via Kaggle', date: '2017-10', url: 'https://example.org/pbc', measures: 'strikes and deaths' },
    { id: 'new-america', title: 'Drone strikes: Pakistan', publisher: 'New America', date: '2018-07', url: 'https://example.org/na', measures: 'strikes and deaths' },
    { id: 'lwj', title: 'Charting the data', publisher: "FDD's Long War Journal", date: '2016-06', url: 'https://example.org/lwj', measures: 'strikes and deaths' },
  );
  d.strikeYears = [
    // Listed out of order on purpose: the selector orders the trackers itself.
    sy('lwj', 2010, 117, [null, null], [null, null], 'Strike count only.'),
    sy('lwj', 2011, null, [438, 478], [3, 38]),
    sy('new-america', 2004, 1, [null, 7], [null, null], "Published as 'up to' figures."),
    sy('new-america', 2011, null, [366, 599], [3, 9]),
    sy('pbc', 2004, 1, [null, 5], [0, 4]),
    sy('pbc', 2011, 73, [347, 574], [254, 440]),
    sy('tbij', 2004, 1, [6, 8], [2, 2]),
    sy('tbij', 2006, 2, [94, 105], [90, 100]),
    sy('tbij', 2010, 128, [878, 1062], [null, null]),
    sy('tbij', 2011, 75, [451, 661], [73, 159]),
  ];
  return d;
}
