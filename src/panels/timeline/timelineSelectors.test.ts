import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import {
  effectivePrecision,
  eventTime,
  sourcesByCitation,
  eventsByLane,
  formatCountRange,
  formatEventDate,
  packLane,
  safeHref,
  selectTimeline,
  type TimelineFilters,
} from './timelineSelectors';
import { timelineDataset } from './timelineTestData';

const base: TimelineFilters = {
  yearRange: DEFAULT_FILTERS.yearRange,
  yearRangeOrigin: DEFAULT_FILTERS.yearRangeOrigin,
  tones: [],
  themes: [],
  selection: null,
};
const ids = (f: Partial<TimelineFilters>) => selectTimeline(timelineDataset(), { ...base, ...f }).events.map((e) => e.id);

describe('date formatting and placement', () => {
  it('formats dates by their precision', () => {
    expect(formatEventDate('2011-11-26', 'day')).toBe('26 Nov 2011');
    expect(formatEventDate('2011-05-02', 'day')).toBe('2 May 2011');
    expect(formatEventDate('2004-06', 'month')).toBe('Jun 2004');
    expect(formatEventDate('2009', 'year')).toBe('2009');
    // A day-precise string declared as month-only is shown to the month only.
    expect(formatEventDate('2011-11-26', 'month')).toBe('Nov 2011');
    // A precision the string cannot hold is never invented.
    expect(formatEventDate('2009', 'day')).toBe('2009');
    expect(effectivePrecision('2004-06', 'day')).toBe('month');
  });

  it('places month-only dates mid-month and year-only dates mid-year', () => {
    expect(eventTime('2009', 'year')).toBeCloseTo(2009.5);
    expect(eventTime('2004-06', 'month')).toBeCloseTo(2004 + 5.5 / 12);
    expect(eventTime('2011-01-01', 'day')).toBeCloseTo(2011 + 0.5 / 365);
    expect(eventTime('2012-12-31', 'day')).toBeCloseTo(2012 + 365.5 / 366);
    expect(eventTime('2011-11-26', 'day')).toBeLessThan(eventTime('2011-11-27', 'day'));
  });

  it('formats counts with null as unknown, never 0', () => {
    expect(formatCountRange(24, 28)).toBe('24–28');
    expect(formatCountRange(13, 13)).toBe('13');
    expect(formatCountRange(null, null)).toBe('unknown');
    expect(formatCountRange(4, null)).toBe('at least 4');
    expect(formatCountRange(null, 9)).toBe('up to 9');
    expect(formatCountRange(0, 0)).toBe('0');
  });
});

describe('link safety', () => {
  it('turns only absolute http(s) URLs into links', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('  JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('ftp://example.org/file')).toBeNull();
    expect(safeHref('/relative/path')).toBeNull();
    expect(safeHref(null)).toBeNull();
    expect(safeHref('')).toBeNull();
  });

  it('keeps non-http URLs as plain text in the detail card model', () => {
    const view = selectTimeline(timelineDataset(), { ...base, selection: { kind: 'event', id: 'ev-2011-salala' } });
    const evil = view.detail?.sources.find((s) => s.id === 'evil');
    expect(evil).toMatchObject({ href: null, plainUrl: 'javascript:alert(1)' });
    const paper = view.detail?.sources.find((s) => s.id === 'paper');
    expect(paper).toMatchObject({ href: null, plainUrl: null });
  });
});

describe('filters', () => {
  it('shows every event in time order without filters', () => {
    expect(ids({})).toEqual(['ev-2001-sanctions', 'ev-2004-mnna', 'ev-2009-klb', 'ev-2011-jun', 'ev-2011-salala', 'ev-2011-closure']);
  });

  it('filters by a year range set elsewhere', () => {
    expect(ids({ yearRange: { from: 2004, to: 2009 }, yearRangeOrigin: 'filter-bar' })).toEqual(['ev-2004-mnna', 'ev-2009-klb']);
    expect(ids({ yearRange: { from: 2011, to: 2011 }, yearRangeOrigin: 'aid' })).toEqual(['ev-2011-jun', 'ev-2011-salala', 'ev-2011-closure']);
  });

  it('says so when a range holds no events', () => {
    const view = selectTimeline(timelineDataset(), { ...base, yearRange: { from: 2015, to: 2020 }, yearRangeOrigin: 'drones' });
    expect(view.events).toEqual([]);
    expect(view.table.rows).toEqual([]);
    expect(view.sources).toEqual([]);
    expect(view.emptyMessage).toBe('No events in 2015–2020.');
    expect(view.axis).toEqual({ from: 2001, to: 2024 });
  });

  it('keeps every event and dims those outside a range the timeline brushed itself', () => {
    const view = selectTimeline(timelineDataset(), { ...base, yearRange: { from: 2004, to: 2009 }, yearRangeOrigin: 'timeline' });
    expect(view.events).toHaveLength(6);
    expect(view.events.filter((e) => !e.dimmed).map((e) => e.id)).toEqual(['ev-2004-mnna', 'ev-2009-klb']);
    expect(view.dimmingRange).toEqual({ from: 2004, to: 2009 });
    expect(view.filteringRange).toBeNull();
    expect(view.hasOwnFilter).toBe(true);
    expect(view.table.rows).toHaveLength(6);
    expect(view.table.rows.map((r) => r.inRange)).toEqual(['no', 'yes', 'yes', 'no', 'no', 'no']);
  });

  it('removes events outside the tone and theme filters', () => {
    expect(ids({ tones: ['cooperation'] })).toEqual(['ev-2001-sanctions', 'ev-2004-mnna']);
    expect(ids({ themes: ['aid', 'sanctions'] })).toEqual(['ev-2001-sanctions', 'ev-2009-klb']);
    expect(ids({ tones: ['friction'], themes: ['aid'] })).toEqual([]);
    const view = selectTimeline(timelineDataset(), { ...base, tones: ['friction'], themes: ['aid'] });
    expect(view.emptyMessage).toBe('No events with tone Friction with theme Aid.');
  });

  it('has its own filter only for tones, themes or a range brushed here', () => {
    expect(selectTimeline(timelineDataset(), base).hasOwnFilter).toBe(false);
    expect(selectTimeline(timelineDataset(), { ...base, yearRange: { from: 2004, to: 2009 }, yearRangeOrigin: 'aid' }).hasOwnFilter).toBe(false);
    expect(selectTimeline(timelineDataset(), { ...base, themes: ['aid'] }).hasOwnFilter).toBe(true);
  });

  it('lists the legend themes from all events, so a theme filter never hides its own toggle', () => {
    const view = selectTimeline(timelineDataset(), { ...base, themes: ['aid'] });
    expect(view.themesPresent).toEqual(['aid', 'security', 'border', 'sanctions']);
    expect(view.precisionsPresent).toEqual(['day', 'month', 'year']);
  });

  it('says which table is missing when the dataset has no events', () => {
    const dataset = timelineDataset();
    delete dataset.events;
    const view = selectTimeline(dataset, base);
    expect(view.axis).toBeNull();
    expect(view.emptyMessage).toMatch(/no events table/);
  });
});

describe('table and sources', () => {
  it('tabulates exactly the events shown, with their incident and sources', () => {
    const view = selectTimeline(timelineDataset(), { ...base, yearRange: { from: 2011, to: 2011 }, yearRangeOrigin: 'filter-bar', tones: ['friction'] });
    expect(view.table.columns.map((c) => c.key)).toEqual(['date', 'precision', 'tone', 'theme', 'title', 'description', 'incident', 'reported', 'source']);
    expect(view.table.rows).toHaveLength(3);
    expect(view.table.rows[1]).toMatchObject({
      date: '26 Nov 2011',
      tone: 'Friction',
      theme: 'Border',
      title: 'Salala attack on Pakistani border posts',
      incident: 'Salala checkpost attack',
      reported: 'Killed: 24–28',
      source: 'Pakistan–US relations during OEF; Hostile link',
    });
    expect(view.table.rows[0]).toMatchObject({ incident: '—' });
    expect(view.sourceIds.sort()).toEqual(['evil', 'paper']);
    expect(view.sources).toEqual(['Ali et al., IJCISS, Pakistan–US relations during OEF', 'Nobody, Hostile link']);
  });
});

describe('selection', () => {
  it('describes the selected event with its linked incident and single-source flag', () => {
    const salala = selectTimeline(timelineDataset(), { ...base, selection: { kind: 'event', id: 'ev-2011-salala' } });
    expect(salala.detail?.incident).toEqual({
      id: 'salala_2011',
      name: 'Salala checkpost attack',
      place: 'Salala checkposts',
      district: 'Mohmand',
      killed: '24–28',
      wounded: 'unknown',
      killedBySource: null,
      woundedBySource: null,
      precision: 'approximate location',
    });
    expect(salala.events.filter((e) => e.highlighted).map((e) => e.id)).toEqual(['ev-2011-salala']);
    const claim = selectTimeline(timelineDataset(), { ...base, selection: { kind: 'event', id: 'ev-2011-jun' } });
    expect(claim.detail?.singleSource).toBe('Single source: claim made only by Ali et al., IJCISS');
    expect(claim.detail?.incident).toBeNull();
  });

  it('says who reports what for a disputed toll, in the card and the table: each value with its sources', () => {
    const d = timelineDataset();
    d.sources.push(
      { id: 'ispr', title: 'ISPR statement', publisher: 'ISPR (copy on a blog)', date: '2011-11-26', url: null, measures: 'casualties' },
      { id: 'xinhua', title: 'Xinhua report', publisher: 'Xinhua', date: '2011-11-28', url: null, measures: 'casualties' },
    );
    d.incidents![0]!.figures = [
      {
        field: 'killed',
        values: [
          { min: 24, max: 24, sources: ['ispr'] },
          { min: 24, max: 24, sources: ['paper'] },
          { min: 28, max: 28, sources: ['xinhua'] },
          { min: 24, max: null, sources: ['xinhua'] },
        ],
      },
    ];
    const view = selectTimeline(d, { ...base, selection: { kind: 'event', id: 'ev-2011-salala' } });
    expect(view.detail?.incident?.killedBySource).toEqual([
      { value: '24', sources: ['ISPR', 'Ali et al., IJCISS'] },
      { value: '28', sources: ['Xinhua'] },
      { value: 'at least 24', sources: ['Xinhua'] },
    ]);
    expect(view.detail?.incident?.woundedBySource).toBeNull();
    const row = view.table.rows.find((r) => r.title === 'Salala attack on Pakistani border posts')!;
    expect(row.reported).toBe('Killed: 24 (ISPR; Ali et al., IJCISS) · 28 (Xinhua) · at least 24 (Xinhua)');
  });

  it('highlights the events linked to an incident selected on the map and describes the first', () => {
    const view = selectTimeline(timelineDataset(), { ...base, selection: { kind: 'incident', id: 'salala_2011' } });
    expect(view.events.filter((e) => e.highlighted).map((e) => e.id)).toEqual(['ev-2011-salala', 'ev-2011-closure']);
    expect(view.detail?.event.id).toBe('ev-2011-salala');
    expect(view.detail?.viaIncident).toBe(true);
  });

  it('keeps the card of a selected event that the filters hide, and says so', () => {
    const view = selectTimeline(timelineDataset(), { ...base, tones: ['cooperation'], selection: { kind: 'event', id: 'ev-2011-salala' } });
    expect(view.detail?.hiddenByFilters).toBe(true);
    expect(view.events.some((e) => e.id === 'ev-2011-salala')).toBe(false);
  });

  it('keeps the drawn events (same array, same objects) when only the selection changes, and names the highlighted ids', () => {
    const dataset = timelineDataset();
    const none = selectTimeline(dataset, base);
    const picked = selectTimeline(dataset, { ...base, selection: { kind: 'event', id: 'ev-2011-salala' } });
    const other = selectTimeline(dataset, { ...base, selection: { kind: 'incident', id: 'salala_2011' } });
    // What the markers are drawn from does not change with the selection, so only the
    // highlighted markers need drawing again.
    expect(picked.drawnEvents).toBe(none.drawnEvents);
    expect(other.drawnEvents).toBe(none.drawnEvents);
    expect([...picked.highlightedIds]).toEqual(['ev-2011-salala']);
    expect([...other.highlightedIds].sort()).toEqual(other.events.filter((e) => e.highlighted).map((e) => e.id).sort());
    expect(none.highlightedIds.size).toBe(0);
    // The same events either way, with the highlight only in `events`.
    expect(picked.drawnEvents.map((e) => e.id)).toEqual(picked.events.map((e) => e.id));
    expect(picked.drawnEvents.some((e) => e.highlighted)).toBe(false);
    // A real filter change draws other events.
    expect(selectTimeline(dataset, { ...base, tones: ['friction'] }).drawnEvents).not.toBe(none.drawnEvents);
  });

  it('has no card for a strike selection or an unknown id', () => {
    expect(selectTimeline(timelineDataset(), { ...base, selection: { kind: 'strike', id: 'x' } }).detail).toBeNull();
    expect(selectTimeline(timelineDataset(), { ...base, selection: { kind: 'event', id: 'nope' } }).detail).toBeNull();
  });
});

describe('lane packing', () => {
  const items = [
    { id: 'b', t: 2011.9, halfWidth: 0.2 },
    { id: 'a', t: 2011.9, halfWidth: 0.2 },
    { id: 'c', t: 2011.95, halfWidth: 0.2 },
    { id: 'd', t: 2015, halfWidth: 0.2 },
  ];

  it('stacks overlapping markers in separate rows and reuses rows when there is room', () => {
    const { rows, rowCount } = packLane(items);
    expect(rowCount).toBe(3);
    expect(new Set([rows.get('a'), rows.get('b'), rows.get('c')]).size).toBe(3);
    expect(rows.get('d')).toBe(0);
  });

  it('is deterministic whatever the input order', () => {
    const one = packLane(items);
    const two = packLane([...items].reverse());
    expect([...two.rows.entries()].sort()).toEqual([...one.rows.entries()].sort());
    expect(one.rows.get('a')).toBe(0); // ties broken by id
    expect(one.rows.get('b')).toBe(1);
  });

  it('needs one row for an empty lane', () => {
    expect(packLane([]).rowCount).toBe(1);
  });

  it('groups events by lane in time order', () => {
    const lanes = eventsByLane(selectTimeline(timelineDataset(), base).events);
    expect(lanes.cooperation.map((e) => e.id)).toEqual(['ev-2001-sanctions', 'ev-2004-mnna']);
    expect(lanes.context.map((e) => e.id)).toEqual(['ev-2009-klb']);
    expect(lanes.friction.map((e) => e.id)).toEqual(['ev-2011-jun', 'ev-2011-salala', 'ev-2011-closure']);
  });
});

describe('accessible names', () => {
  it('names each event by its date (to its precision) and title', () => {
    const names = selectTimeline(timelineDataset(), base).events.map((e) => e.name);
    expect(names).toContain('26 Nov 2011: Salala attack on Pakistani border posts');
    expect(names).toContain('Jun 2004: Major non-NATO ally status');
    expect(names).toContain('2009: Kerry–Lugar–Berman aid law');
  });
});

describe('sources line', () => {
  it('lists every source of the events shown, the most-cited first', () => {
    const dataset = timelineDataset();
    expect(sourcesByCitation(dataset.sources, [{ sources: ['crs'] }, { sources: ['paper', 'crs'] }, { sources: ['evil'] }, { sources: ['ftp', 'paper'] }])).toEqual([
      'Ali et al., IJCISS, Pakistan–US relations during OEF',
      'Congressional Research Service, CRS aid table',
      'Nobody, Hostile link',
      'Archive, FTP mirror',
    ]);
    expect(sourcesByCitation(dataset.sources, [{ sources: ['crs'] }, { sources: ['crs', 'paper'] }])[0]).toBe('Congressional Research Service, CRS aid table');
    expect(sourcesByCitation(dataset.sources, [])).toEqual([]);
  });
});
