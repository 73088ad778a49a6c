import fc from 'fast-check';
import { AID_CATEGORIES, AID_MEASURES, THEMES, TONES } from '../../src/data/schema';
import { DEFAULT_FILTERS, type Filters } from '../../src/crossfilter/filters';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec';

const bounds = { min: 2001, max: 2024 };

/** Whatever decode returns must be a state the app can render. */
function assertValidFilters(f: Filters) {
  if (f.yearRange) {
    expect(Number.isInteger(f.yearRange.from) && Number.isInteger(f.yearRange.to)).toBe(true);
    expect(f.yearRange.from).toBeGreaterThanOrEqual(bounds.min);
    expect(f.yearRange.to).toBeLessThanOrEqual(bounds.max);
    expect(f.yearRange.from).toBeLessThanOrEqual(f.yearRange.to);
  }
  expect(['filter-bar', 'aid', 'drones', 'timeline']).toContain(f.yearRangeOrigin);
  for (const t of f.tones) expect(TONES).toContain(t);
  for (const t of f.themes) expect(THEMES).toContain(t);
  for (const c of f.aidCategories) expect(AID_CATEGORIES).toContain(c);
  expect(new Set(f.tones).size).toBe(f.tones.length);
  expect(AID_MEASURES).toContain(f.aidMeasure);
  expect(['category', 'programme']).toContain(f.aidView);
  expect(['current', 'constant']).toContain(f.aidDollars);
  expect(typeof f.aidCompare).toBe('boolean');
  expect(typeof f.droneCompare).toBe('boolean');
  expect(Object.keys(f.mapLayers).sort()).toEqual(['incidents', 'operations', 'strikes']);
  if (f.selection) expect(['event', 'incident', 'strike']).toContain(f.selection.kind);
}

describe('URL codec', () => {
  it('decodes an empty query to the defaults with nothing ignored', () => {
    expect(decodeUrlState('', bounds)).toEqual({ filters: DEFAULT_FILTERS, ignored: [] });
  });

  it('round-trips a full state', () => {
    const filters: Filters = {
      yearRange: { from: 2008, to: 2011 },
      yearRangeOrigin: 'aid',
      tones: ['friction'],
      themes: ['border', 'drones'],
      aidMeasure: 'fa-disbursements',
      aidView: 'programme',
      aidCategories: ['csf'],
      aidDollars: 'constant',
      aidCompare: true,
      droneSeries: 'new-america',
      droneCompare: true,
      mapLayers: { incidents: true, strikes: false, operations: true },
      selection: { kind: 'incident', id: 'salala_2011' },
    };
    const search = encodeUrlState(filters);
    expect(search).toBe('?from=2008&to=2011&by=aid&tone=friction&theme=border%2Cdrones&measure=fa-disbursements&aidview=programme&aidcat=csf&dollars=constant&aidcompare=1&series=new-america&compare=1&layers=incidents%2Coperations&sel=incident%3Asalala_2011');
    expect(decodeUrlState(search, bounds)).toEqual({ filters, ignored: [] });
  });

  it('swaps reversed years, clamps out-of-range ones and says so', () => {
    const { filters, ignored } = decodeUrlState('?from=2015&to=1990', bounds);
    expect(filters.yearRange).toEqual({ from: 2001, to: 2015 });
    expect(ignored).toEqual(['to=1990 is outside 2001–2024; using 2001', 'from=2015 is after to=2001; swapped them']);
  });

  it('drops unknown keys, wrong types and huge values, and lists them', () => {
    const { filters, ignored } = decodeUrlState(`?from=abc&tone=friction,angry&zoom=3&compare=yes&sel=${'x'.repeat(600)}`, bounds);
    expect(filters.yearRange).toBeNull();
    expect(filters.tones).toEqual(['friction']);
    expect(filters.droneCompare).toBe(false);
    expect(filters.selection).toBeNull();
    expect(ignored).toEqual([
      'unknown parameter "zoom"',
      'from="abc" is not a year',
      'tone: unknown value "angry"',
      'compare must be 1 or 0, not "yes"',
      'sel is too long (600 characters)',
    ]);
  });

  it('reads the dollars switch and ignores an unknown value with a notice', () => {
    expect(decodeUrlState('?dollars=constant', bounds)).toEqual({ filters: { ...DEFAULT_FILTERS, aidDollars: 'constant' }, ignored: [] });
    const { filters, ignored } = decodeUrlState('?dollars=real&aidcompare=yes', bounds);
    expect(filters.aidDollars).toBe('current');
    expect(filters.aidCompare).toBe(false);
    expect(ignored).toEqual(['dollars: unknown value "real"', 'aidcompare must be 1 or 0, not "yes"']);
    expect(encodeUrlState({ ...DEFAULT_FILTERS, aidDollars: 'current' })).toBe('');
  });

  it('keeps the dataset parameter for the loader', () => {
    const { ignored } = decodeUrlState('?data=%2Fmine.json&from=2009', bounds);
    expect(ignored).toEqual([]);
    expect(encodeUrlState({ ...DEFAULT_FILTERS, yearRange: { from: 2009, to: 2024 } }, new URLSearchParams('data=/mine.json'))).toBe('?data=%2Fmine.json&from=2009&to=2024');
  });

  const key = fc.constantFrom('from', 'to', 'by', 'tone', 'theme', 'measure', 'aidview', 'aidcat', 'dollars', 'aidcompare', 'series', 'compare', 'layers', 'sel', 'zoom', '');
  const value = fc.oneof(
    fc.string(),
    fc.integer({ min: -100000, max: 100000 }).map(String),
    fc.constantFrom('2008', '2011', 'constant', 'friction,cooperation', 'aid,border', 'incident:salala_2011', 'event:x', 'none', '1', 'NaN', 'Infinity', '%', '%E0%A4%A'),
  );
  const query = fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  const rawQuery = fc.oneof(query, fc.string({ maxLength: 200 }));

  it('never throws, always returns valid state, and encode∘decode is stable (1,000 cases)', () => {
    fc.assert(
      fc.property(rawQuery, (search) => {
        const first = decodeUrlState(search, bounds);
        assertValidFilters(first.filters);
        const reencoded = encodeUrlState(first.filters);
        const second = decodeUrlState(reencoded, bounds);
        expect(second.filters).toEqual(first.filters);
        expect(second.ignored).toEqual([]);
        expect(encodeUrlState(second.filters)).toBe(reencoded);
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });
});
