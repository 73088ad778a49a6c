import { smallDataset } from '../../../tests/fixtures/loadFixture';
import basemapText from '../../../public/geo/basemap.json?raw';
import { DEFAULT_FILTERS, type Filters } from '../../crossfilter/filters';
import type { Dataset, Incident, Strike } from '../../data/schema';
import { decodeBasemap, BasemapError } from './basemapQuery';
import { fanOutOffsets } from './mapStyle';
import {
  formatCountRange,
  formatDateSpan,
  formatPartialDate,
  isApproximate,
  mapHasOwnFilter,
  placeText,
  precisionNote,
  selectMapHighlight,
  selectMapView,
  strikeRadius,
} from './mapSelectors';

const filters = (change: Partial<Filters> = {}): Filters => ({ ...DEFAULT_FILTERS, ...change });

const incident = (over: Partial<Incident>): Incident => ({
  id: 'x',
  type: 'border-incident',
  name: 'X',
  dateStart: '2011-01-01',
  dateEnd: null,
  place: 'P',
  district: 'D',
  lat: 34,
  lon: 71,
  precision: 'exact',
  killedMin: null,
  killedMax: null,
  woundedMin: null,
  woundedMax: null,
  tone: 'friction',
  theme: 'border',
  description: '',
  sources: ['paper'],
  ...over,
});

/** The fixture plus an operation spanning 2009–2010, a cooperation crossing and a strike with no coordinates. */
function richDataset(): Dataset {
  const d = smallDataset();
  const base = d.strikes![0]!;
  const noCoords: Strike = { ...base, id: 'tbij-nocoord', date: '2010-05-05', lat: null, lon: null };
  d.strikes = [...d.strikes!, noCoords];
  d.incidents = [
    ...d.incidents!,
    incident({ id: 'op_rah_e_nijat', type: 'military-operation', name: 'Operation Rah-e-Nijat', dateStart: '2009-10-17', dateEnd: '2010-12', precision: 'district-centroid', district: 'South Waziristan', tone: 'context', theme: 'military-operation' }),
    incident({ id: 'torkham', type: 'crossing', name: 'Torkham crossing', dateStart: '2001', precision: 'village', tone: 'cooperation', theme: 'trade', killedMin: 0, killedMax: 0 }),
  ];
  return d;
}

describe('formatting helpers', () => {
  it('formats partial dates and spans', () => {
    expect(formatPartialDate('2011-11-26')).toBe('26 Nov 2011');
    expect(formatPartialDate('2011-05')).toBe('May 2011');
    expect(formatPartialDate('2011')).toBe('2011');
    expect(formatDateSpan('2009-10-17', '2010-12')).toBe('17 Oct 2009 – Dec 2010');
    expect(formatDateSpan('2009-10-17', null)).toBe('17 Oct 2009');
  });

  it('writes unknown counts as unknown, never 0, and keeps ranges', () => {
    expect(formatCountRange(null, null)).toBe('unknown');
    expect(formatCountRange(0, 0)).toBe('0');
    expect(formatCountRange(24, 28)).toBe('24–28');
    expect(formatCountRange(null, 5)).toBe('up to 5');
    expect(formatCountRange(3, null)).toBe('at least 3');
  });

  it('flags every precision except exact/village as approximate, and explains it', () => {
    expect(isApproximate('exact')).toBe(false);
    expect(isApproximate('village')).toBe(false);
    expect(isApproximate('district-centroid')).toBe(true);
    expect(isApproximate('approximate')).toBe(true);
    expect(precisionNote('district-centroid', 'Wacha Bibi', 'North Waziristan')).toBe('Approximate location: district centroid of North Waziristan');
    expect(precisionNote('approximate', 'Salala checkposts', 'Mohmand')).toBe('Approximate location: Salala checkposts, Mohmand');
    expect(precisionNote('exact', 'Abbottabad', 'Abbottabad')).toBeNull();
  });

  it('sizes strikes by the highest death toll, with unknown tolls small', () => {
    expect(strikeRadius(null)).toBe(3.5);
    expect(strikeRadius(0)).toBe(3.5);
    expect(strikeRadius(25)).toBeGreaterThan(strikeRadius(4));
    expect(strikeRadius(10_000)).toBe(14);
  });
});

describe('placement helpers', () => {
  it('writes place and district without repeating the district', () => {
    expect(placeText('Salala checkposts', 'Mohmand')).toBe('Salala checkposts, Mohmand');
    expect(placeText('Bilal Town, Abbottabad', 'Abbottabad')).toBe('Bilal Town, Abbottabad');
    expect(placeText('', 'Kurram')).toBe('Kurram');
    expect(placeText('Shamsi', '')).toBe('Shamsi');
  });

  it('fans out markers that share a point, centred on it, and leaves lone markers in place', () => {
    const offsets = fanOutOffsets([
      { id: 'a', lat: 34.5, lon: 71.2 },
      { id: 'b', lat: 34.5, lon: 71.2 },
      { id: 'c', lat: 34.5, lon: 71.2 },
      { id: 'd', lat: 33, lon: 70 },
    ]);
    expect([offsets.get('a'), offsets.get('b'), offsets.get('c'), offsets.get('d')]).toEqual([-24, 0, 24, 0]);
  });
});

describe('selectMapView', () => {
  it('shows every located event and strike with coordinates when nothing is filtered', () => {
    const view = selectMapView(richDataset(), filters());
    expect(view.incidents.map((i) => i.id)).toEqual(['torkham', 'salala_2011']);
    expect(view.operations.map((i) => i.id)).toEqual(['op_rah_e_nijat']);
    expect(view.strikes.map((s) => s.id)).toEqual(['tbij-B1', 'tbij-Ob10']);
    expect(view.strikesWithoutCoordinates).toBe(1);
    expect(view.hasOwnFilter).toBe(false);
    expect(view.caption).toBe('Showing 2 incidents, 2 drone strikes, 1 military operation (all years). 1 strike has no coordinates and is not drawn.');
  });

  it('filters by the year range, counting operations whose span overlaps it', () => {
    const d = richDataset();
    const in2010 = selectMapView(d, filters({ yearRange: { from: 2010, to: 2010 } }));
    expect(in2010.operations.map((o) => o.id)).toEqual(['op_rah_e_nijat']);
    expect(in2010.incidents).toEqual([]);
    expect(in2010.strikes.map((s) => s.id)).toEqual(['tbij-Ob10']);
    const in2011 = selectMapView(d, filters({ yearRange: { from: 2011, to: 2012 } }));
    expect(in2011.operations).toEqual([]);
    expect(in2011.incidents.map((i) => i.id)).toEqual(['salala_2011']);
    expect(in2011.strikes).toEqual([]);
  });

  it('shows nothing, and says so, for a year range that holds no data', () => {
    const view = selectMapView(richDataset(), filters({ yearRange: { from: 2020, to: 2024 } }));
    expect(view.incidents).toEqual([]);
    expect(view.operations).toEqual([]);
    expect(view.strikes).toEqual([]);
    expect(view.table.rows).toEqual([]);
    expect(view.sources).toEqual([]);
    expect(view.caption).toBe('Showing 0 incidents, 0 drone strikes, 0 military operations (2020–2024).');
  });

  it('is filtered by a range brushed in any other panel (the map has no brush of its own)', () => {
    for (const origin of ['filter-bar', 'aid', 'drones', 'timeline'] as const) {
      const view = selectMapView(richDataset(), filters({ yearRange: { from: 2004, to: 2004 }, yearRangeOrigin: origin }));
      expect(view.strikes.map((s) => s.id)).toEqual(['tbij-B1']);
    }
  });

  it('narrows located events by tone and theme, but not strikes', () => {
    const d = richDataset();
    const friction = selectMapView(d, filters({ tones: ['friction'] }));
    expect(friction.incidents.map((i) => i.id)).toEqual(['salala_2011']);
    expect(friction.operations).toEqual([]);
    expect(friction.strikes).toHaveLength(2);
    expect(friction.caption).toContain('Tone/theme filters apply to incidents and operations.');
    const trade = selectMapView(d, filters({ themes: ['trade'] }));
    expect(trade.incidents.map((i) => i.id)).toEqual(['torkham']);
    const opTheme = selectMapView(d, filters({ themes: ['military-operation'], tones: ['context'] }));
    expect(opTheme.operations.map((o) => o.id)).toEqual(['op_rah_e_nijat']);
    expect(opTheme.incidents).toEqual([]);
  });

  it('drops a layer that is toggled off from the map, the table and the sources, and reports its own filter', () => {
    const d = richDataset();
    const noStrikes = selectMapView(d, filters({ mapLayers: { incidents: true, strikes: false, operations: true } }));
    expect(noStrikes.strikes).toEqual([]);
    expect(noStrikes.strikesWithoutCoordinates).toBe(0);
    expect(noStrikes.table.rows.some((r) => r.layer === 'Drone strikes')).toBe(false);
    expect(noStrikes.sourceIds).not.toContain('tbij');
    expect(noStrikes.hasOwnFilter).toBe(true);
    expect(noStrikes.caption).toBe('Showing 2 incidents, 1 military operation (all years).');

    const noOps = selectMapView(d, filters({ mapLayers: { incidents: true, strikes: true, operations: false } }));
    expect(noOps.operations).toEqual([]);
    expect(noOps.incidents).toHaveLength(2);

    const allOff = selectMapView(d, filters({ mapLayers: { incidents: false, strikes: false, operations: false } }));
    expect(allOff.allLayersOff).toBe(true);
    expect(allOff.table.rows).toEqual([]);
    expect(allOff.caption).toBe('All map layers are off.');
    expect(mapHasOwnFilter(DEFAULT_FILTERS.mapLayers)).toBe(false);
  });

  it('marks approximate locations and names markers with name and date', () => {
    const view = selectMapView(richDataset(), filters());
    const salala = view.incidents.find((i) => i.id === 'salala_2011')!;
    expect(salala.approximate).toBe(true);
    expect(salala.precisionNote).toBe('Approximate location: Salala checkposts, Mohmand');
    expect(salala.accessibleName).toBe('Salala attack, 26 Nov 2011 (approximate location)');
    expect(salala.killed).toBe('24–28');
    const op = view.operations[0]!;
    expect(op.precisionNote).toBe('Approximate location: district centroid of South Waziristan');
    expect(op.dateLabel).toBe('17 Oct 2009 – Dec 2010');
    const torkham = view.incidents.find((i) => i.id === 'torkham')!;
    expect(torkham.approximate).toBe(false);
    expect(torkham.accessibleName).toBe('Torkham crossing, 2001');
    expect(torkham.killed).toBe('0');
  });

  it('builds table rows of exactly what is drawn, with sources and unknowns as null-free text', () => {
    const view = selectMapView(richDataset(), filters({ yearRange: { from: 2010, to: 2011 } }));
    expect(view.table.columns.map((c) => c.key)).toEqual(['layer', 'type', 'name', 'date', 'place', 'lat', 'lon', 'precision', 'killed', 'wounded', 'source']);
    expect(view.table.rows).toEqual([
      {
        layer: 'Incidents',
        type: 'Border incident',
        name: 'Salala attack',
        date: '2011-11-26',
        place: 'Salala checkposts, Mohmand',
        lat: 34.5,
        lon: 71.2,
        precision: 'approximate',
        killed: '24–28',
        wounded: '13',
        source: view.table.rows[0]!.source,
      },
      expect.objectContaining({ layer: 'Military operations', name: 'Operation Rah-e-Nijat', date: '2009-10-17 to 2010-12', killed: 'unknown' }),
      expect.objectContaining({ layer: 'Drone strikes', type: 'Drone strike', name: 'Drone strike (TBIJ Ob10)', date: '2010-03-01', wounded: 'unknown', killed: '3–5' }),
    ]);
    const paper = smallDataset().sources.find((s) => s.id === 'paper')!;
    expect(view.table.rows[0]!.source).toBe(paper.title);
    expect(view.table.caption).toContain('2010–2011');
    expect(view.sources.length).toBe(view.sourceIds.length);
  });

  it('shows who reports what where the sources disagree, in the table and the popup text', () => {
    const d = richDataset();
    d.sources.push({ id: 'xinhua', title: 'Xinhua report', publisher: 'Xinhua (copy on a mirror)', date: '2011-11-28', url: null, measures: 'casualties' });
    const salala = d.incidents!.find((i) => i.id === 'salala_2011')!;
    salala.figures = [{ field: 'killed', values: [{ min: 24, max: 24, sources: ['paper'] }, { min: 28, max: 28, sources: ['xinhua'] }] }];
    const view = selectMapView(d, filters({ yearRange: { from: 2011, to: 2011 } }));
    const paper = d.sources.find((s) => s.id === 'paper')!;
    expect(view.incidents.find((i) => i.id === 'salala_2011')!.killed).toBe(`24 (${paper.publisher}) · 28 (Xinhua)`);
    expect(view.table.rows.find((r) => r.name === 'Salala attack')).toMatchObject({ killed: `24 (${paper.publisher}) · 28 (Xinhua)`, wounded: '13' });
  });

  it('says which tables the dataset lacks', () => {
    const d = smallDataset();
    delete d.strikes;
    const view = selectMapView(d, filters());
    expect(view.hasStrikesTable).toBe(false);
    expect(view.hasIncidentsTable).toBe(true);
    expect(view.strikes).toEqual([]);
    expect(view.caption).toBe('Showing 1 incident, 0 military operations (all years).');
  });
});

describe('selectMapHighlight', () => {
  it('highlights a selected incident, the incident of a selected timeline event, or a strike', () => {
    const d = smallDataset();
    expect(selectMapHighlight(d, null)).toEqual({ incidentId: null, strikeId: null });
    expect(selectMapHighlight(d, { kind: 'incident', id: 'salala_2011' })).toEqual({ incidentId: 'salala_2011', strikeId: null });
    expect(selectMapHighlight(d, { kind: 'event', id: 'ev-2011-salala' })).toEqual({ incidentId: 'salala_2011', strikeId: null });
    const other = d.events!.find((e) => !e.incidentId)!;
    expect(selectMapHighlight(d, { kind: 'event', id: other.id })).toEqual({ incidentId: null, strikeId: null });
    expect(selectMapHighlight(d, { kind: 'strike', id: 'tbij-B1' })).toEqual({ incidentId: null, strikeId: 'tbij-B1' });
  });
});

describe('decodeBasemap', () => {
  it('decodes the shipped basemap: countries, provinces and districts with the former FATA agencies', () => {
    const basemap = decodeBasemap(JSON.parse(basemapText));
    const countries = basemap.countries.features.map((f) => f.properties.name);
    expect(countries).toEqual(expect.arrayContaining(['Pakistan', 'Afghanistan', 'Iran', 'India', 'China', 'Tajikistan']));
    expect(basemap.provinces.features).toHaveLength(34);
    expect(basemap.districts.features).toHaveLength(126);
    const fata = basemap.districts.features.filter((f) => f.properties.fata).map((f) => f.properties.name).sort();
    expect(fata).toEqual(['Bajaur', 'Khyber', 'Kurram', 'Mohmand', 'North Waziristan', 'Orakzai', 'South Waziristan']);
    expect(basemap.borders.features.length).toBeGreaterThan(0);
    // Everything lies within the region box (lon 58–80, lat 22–40), at 3 decimals at most.
    const numbers = (JSON.stringify(basemap).match(/"coordinates":[^a-z]*/g) ?? []).join('').match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(numbers.length).toBeGreaterThan(1000);
    const lons = numbers.filter((_, i) => i % 2 === 0);
    const lats = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...lons)).toBeGreaterThanOrEqual(58);
    expect(Math.max(...lons)).toBeLessThanOrEqual(80);
    expect(Math.min(...lats)).toBeGreaterThanOrEqual(22);
    expect(Math.max(...lats)).toBeLessThanOrEqual(40);
  });

  it('rejects a file that is not the basemap', () => {
    expect(() => decodeBasemap({ version: 'x' })).toThrow(BasemapError);
    expect(() => decodeBasemap({ type: 'Topology', objects: {}, arcs: [] })).toThrow('no "countries" layer');
  });
});
