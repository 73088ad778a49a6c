/**
 * A small dataset for the timeline's tests: events in every lane, every date precision, a linked
 * incident with an unknown wounded count, a single-source claim and a hostile source URL.
 */
import type { Dataset } from '../../data/schema';

export function timelineDataset(): Dataset {
  return {
    version: 'test-timeline',
    generated: '2024-06-01',
    title: 'Timeline test dataset',
    coverage: { from: 2001, to: 2024 },
    sources: [
      { id: 'paper', title: 'Pakistan–US relations during OEF', publisher: 'Ali et al., IJCISS', date: '2024', url: null, measures: 'events' },
      { id: 'crs', title: 'CRS aid table', publisher: 'Congressional Research Service', date: '2014-03', url: 'https://example.org/crs', measures: 'appropriations' },
      { id: 'evil', title: 'Hostile link', publisher: 'Nobody', date: '2020', url: 'javascript:alert(1)', measures: 'nothing' },
      { id: 'ftp', title: 'FTP mirror', publisher: 'Archive', date: '2012', url: 'ftp://example.org/file', measures: 'nothing' },
    ],
    incidents: [
      {
        id: 'salala_2011',
        type: 'border-incident',
        name: 'Salala checkpost attack',
        dateStart: '2011-11-26',
        dateEnd: null,
        place: 'Salala checkposts',
        district: 'Mohmand',
        lat: 34.5,
        lon: 71.2,
        precision: 'approximate',
        killedMin: 24,
        killedMax: 28,
        woundedMin: null,
        woundedMax: null,
        tone: 'friction',
        theme: 'border',
        description: 'Posts struck.',
        sources: ['paper'],
      },
    ],
    events: [
      { id: 'ev-2001-sanctions', date: '2001-09-22', datePrecision: 'day', tone: 'cooperation', theme: 'sanctions', title: 'Sanctions waived', description: 'Sanctions lifted.', sources: ['crs'] },
      { id: 'ev-2004-mnna', date: '2004-06', datePrecision: 'month', tone: 'cooperation', theme: 'security', title: 'Major non-NATO ally status', description: 'Status granted.', sources: ['crs'] },
      { id: 'ev-2009-klb', date: '2009', datePrecision: 'year', tone: 'context', theme: 'aid', title: 'Kerry–Lugar–Berman aid law', description: 'Aid tripled.', sources: ['crs', 'ftp'] },
      {
        id: 'ev-2011-salala',
        date: '2011-11-26',
        datePrecision: 'day',
        tone: 'friction',
        theme: 'border',
        title: 'Salala attack on Pakistani border posts',
        description: 'Border posts hit; supply routes closed.',
        incidentId: 'salala_2011',
        sources: ['paper', 'evil'],
      },
      {
        id: 'ev-2011-closure',
        date: '2011-11-27',
        datePrecision: 'day',
        tone: 'friction',
        theme: 'border',
        title: 'NATO supply routes closed',
        description: 'Routes shut after Salala.',
        incidentId: 'salala_2011',
        sources: ['paper'],
      },
      { id: 'ev-2011-jun', date: '2011-06-17', datePrecision: 'day', tone: 'friction', theme: 'border', title: 'Border incident claimed', description: 'Claimed by the paper only.', singleSource: true, sources: ['paper'] },
    ],
  };
}
