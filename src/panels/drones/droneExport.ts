/**
 * The drone panel's export adapter: the legend (measures in the single view, trackers in the
 * compare view, with the panel's own colours), the filter wording and file names. Reads the
 * panel's pure selectors only; the chart itself is exported from its Recharts surfaces.
 */
import type { Dataset } from '../../data/schema';
import type { Filters } from '../../crossfilter/filters';
import { filterLine, fileYearsFor } from '../../export/filterLine';
import { SOURCE_FIELDS, sourceCells, type TidyField, type TidyValue } from '../../export/csv';
import type { LegendItem, PanelCsv, PanelExportAdapter } from '../../export/types';
import { seriesUsesStrikeTable, selectDroneView, type DroneSeriesInfo, type DroneView, type DroneYear } from './droneSelectors';
import { MEASURE_COLORS, TRACKER_COLORS } from './droneShapes';

export function droneLegend(view: Pick<DroneView, 'compare' | 'compareSeries' | 'anyMarked'>): LegendItem[] {
  const items: LegendItem[] = view.compare
    ? view.compareSeries.map((s, i) => ({ label: s.label, color: TRACKER_COLORS[i % TRACKER_COLORS.length]! }))
    : [
        { label: 'Strikes (left axis)', color: MEASURE_COLORS.strikes },
        { label: 'Total killed, min–max (right axis)', color: MEASURE_COLORS.killed },
        { label: 'Civilians killed, min–max (right axis)', color: MEASURE_COLORS.civilians },
      ];
  items.push({ label: 'Hatched: only a maximum reported; “?”: unknown, never zero', color: '#4a5568', hollow: true, dashed: true });
  if (view.anyMarked) items.push({ label: '◆ Year with events matching the timeline filters', color: '#1b2233', shape: 'diamond' });
  return items;
}

const people = (name: string, title: string, description: string): TidyField => ({ name, title, type: 'integer', unit: 'people', description });

const DRONE_CSV_FIELDS: TidyField[] = [
  { name: 'year', title: 'Year', type: 'integer', required: true, description: 'Calendar year.' },
  { name: 'tracker_id', title: 'Tracker id', type: 'string', required: true },
  { name: 'tracker', title: 'Tracker', type: 'string', required: true },
  { name: 'strikes', title: 'Strikes', type: 'integer', unit: 'strikes', description: "The tracker's count of strikes in the year. Empty: no figure (unknown, not zero)." },
  { name: 'possible_strikes', title: 'Possible strikes (not in the count)', type: 'integer', unit: 'strikes', description: "Strikes the per-strike table lists as possible, outside the tracker's count (per-strike trackers only)." },
  people('killed_min', 'Killed (min)', 'Lowest reported total of people killed.'),
  people('killed_max', 'Killed (max)', 'Highest reported total of people killed.'),
  people('civilians_min', 'Civilians killed (min)', 'Lowest reported number of civilians killed.'),
  people('civilians_max', 'Civilians killed (max)', 'Highest reported number of civilians killed.'),
  { name: 'note', title: 'Note', type: 'string' },
  ...SOURCE_FIELDS,
];

/** The drone CSV: per year and tracker (the active one, or every compared one), counts as integers. */
export function droneCsv(view: DroneView, dataset: Pick<Dataset, 'sources'>): PanelCsv {
  const byId = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows: Record<string, TidyValue>[] = [];
  const row = (y: DroneYear, series: DroneSeriesInfo): Record<string, TidyValue> => ({
    year: y.year,
    tracker_id: series.id,
    tracker: series.label,
    strikes: y.strikes,
    possible_strikes: y.hasRow && seriesUsesStrikeTable(series.id) ? y.possibleStrikes : null,
    killed_min: y.killed.min,
    killed_max: y.killed.max,
    civilians_min: y.civilians.min,
    civilians_max: y.civilians.max,
    note: y.hasRow ? y.note : 'No figure from this tracker for this year',
    ...sourceCells(y.sources, byId),
  });
  if (view.compare) {
    for (const cy of view.compareYears) cy.values.forEach((v, i) => v && rows.push(row(v, view.compareSeries[i]!)));
  } else if (view.activeSeries) {
    for (const y of view.years) if (!y.dimmed) rows.push(row(y, view.activeSeries));
  }
  return { table: { fields: DRONE_CSV_FIELDS, rows }, measure: 'Drone strikes per calendar year and people killed (min–max), as reported by each tracker', sourceIds: view.sourceIds };
}

export const droneExport: PanelExportAdapter = {
  csv: (dataset, filters) => droneCsv(selectDroneView(dataset, filters), dataset),
  info(dataset: Dataset, filters: Filters) {
    const view = selectDroneView(dataset, filters);
    return {
      legend: droneLegend(view),
      filterLine: filterLine(filters, dataset.coverage),
      sources: view.sources,
      fileYears: fileYearsFor(filters, dataset.coverage),
      subtitle: view.compare ? 'Strikes per year, trackers compared' : `As reported by ${view.activeSeries?.label ?? 'the tracker'}: strikes per year and people killed (min–max)`,
    };
  },
  excludeFromImage: ['.drone-legend'],
};
