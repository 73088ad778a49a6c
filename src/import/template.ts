/**
 * "Download template": a dataset with one example row per table, every field filled in, that
 * passes the checks as it is. Researchers replace the examples with their rows.
 */
import type { Dataset } from '../data/schema';
import { downloadBlob } from '../export/download';

export function buildTemplate(today = new Date().toISOString().slice(0, 10)): Dataset {
  return {
    version: 'my-data-1',
    generated: today,
    title: 'My dataset (from the template)',
    coverage: { from: 2004, to: 2011 },
    sources: [
      {
        id: 'my-source',
        title: 'Title of the report or table the figures come from',
        publisher: 'Who published it',
        date: '2011-12',
        url: 'https://example.org/report',
        measures: 'what the source counts, e.g. drone strikes and deaths',
        licence: 'the source’s licence, if known',
        note: 'anything a reader should know about this source',
      },
    ],
    aid: [
      {
        id: 'my-aid-fy2010-esf',
        measure: 'crs-appropriations',
        fiscalYearStart: 2010,
        fiscalYearEnd: 2010,
        programme: 'ESF',
        programmeName: 'Economic Support Fund',
        category: 'economic',
        status: 'actual',
        amount: 1292,
        footnotes: ['a'],
        note: 'US$ millions, current dollars',
        sources: ['my-source'],
      },
    ],
    strikes: [
      {
        id: 'my-strike-1',
        date: '2004-06-18',
        place: 'Near Wana',
        agency: 'South Waziristan',
        lat: 32.3,
        lon: 69.58,
        precision: 'village',
        killedMin: 5,
        killedMax: 8,
        civiliansMin: 0,
        civiliansMax: 2,
        childrenMin: null,
        childrenMax: null,
        injuredMin: null,
        injuredMax: null,
        tbijId: null,
        status: 'confirmed',
        tracker: 'user',
        note: 'null means not reported; it is never a stand-in for 0',
        sources: ['my-source'],
      },
    ],
    strikeYears: [
      { year: 2004, series: 'my-source', strikes: 1, killedMin: 5, killedMax: 8, civiliansMin: 0, civiliansMax: 2, note: 'yearly totals as the tracker publishes them', sources: ['my-source'] },
    ],
    incidents: [
      {
        id: 'my-incident-1',
        type: 'border-incident',
        name: 'Name of the incident',
        dateStart: '2011-11-26',
        dateEnd: null,
        place: 'Salala',
        district: 'Mohmand',
        lat: 34.64,
        lon: 71.06,
        precision: 'approximate',
        killedMin: 24,
        killedMax: 28,
        woundedMin: null,
        woundedMax: null,
        tone: 'friction',
        theme: 'border',
        description: 'What happened, in your own words',
        discrepancies: 'where the sources disagree, and about what',
        sources: ['my-source'],
      },
    ],
    events: [
      {
        id: 'my-event-1',
        date: '2011-11',
        datePrecision: 'month',
        tone: 'friction',
        theme: 'border',
        title: 'Short title of the event',
        description: 'What happened and why it matters, in your own words',
        incidentId: 'my-incident-1',
        singleSource: true,
        sources: ['my-source'],
      },
    ],
  };
}

export function downloadTemplate(): void {
  downloadBlob(new Blob([`${JSON.stringify(buildTemplate(), null, 2)}\n`], { type: 'application/json' }), 'dataset-template.json');
}
