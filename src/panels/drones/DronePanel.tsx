import { useCallback } from 'react';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import { useDashboardStore } from '../../store/store';
import { DroneChart } from './DroneChart';
import { DroneCompare } from './DroneCompare';
import type { DroneView, YearAction } from './droneSelectors';
import { useDroneActions, useDronePanelData } from './useDronePanelData';
import './drones.css';

/** Drone strikes by year: one tracker at a time, or every tracker side by side for the selected years. */
export function DronePanel() {
  const view = useDronePanelData();
  const yearRange = useDashboardStore((s) => s.filters.yearRange);
  const { setYearRange, toggleYear } = useDroneActions();
  // Stable, so the memoised chart re-renders only when what it draws changes.
  const onAction = useCallback(
    (action: YearAction) => {
      if (action.kind === 'toggle-year') toggleYear(action.year, 'drones');
      else setYearRange(action.range, 'drones');
    },
    [toggleYear, setYearRange],
  );
  if (!view) return null;

  let body;
  if (view.state !== 'ok') body = <EmptyState>{view.emptyMessage}</EmptyState>;
  else if (view.compare) body = <DroneCompare years={view.compareYears} series={view.compareSeries} />;
  else if (view.activeSeries) body = <DroneChart years={view.axisYears} series={view.activeSeries} yearRange={yearRange} onAction={onAction} />;

  return (
    <PanelFrame panel="drones" controls={view.series.length > 0 ? <DroneControls view={view} /> : undefined} hasOwnFilter={view.hasOwnFilter} table={view.table} note={<DroneNote view={view} />} sources={view.sources}>
      {body}
    </PanelFrame>
  );
}

function DroneControls({ view }: { view: DroneView }) {
  const { setDroneSeries, setDroneCompare } = useDroneActions();
  return (
    <>
      <label className="drone-control">
        <span>Tracker</span>
        <select value={view.activeSeries?.id ?? ''} disabled={view.compare} onChange={(e) => setDroneSeries(e.target.value)}>
          {view.series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {view.series.length > 1 && (
        <button type="button" className="button" aria-pressed={view.compare} onClick={() => setDroneCompare(!view.compare)}>
          Compare sources
        </button>
      )}
    </>
  );
}

function DroneNote({ view }: { view: DroneView }) {
  if (view.state === 'missing-table') return null;
  return (
    <>
      {view.requestedSeriesMissing && <>The tracker “{view.requestedSeriesMissing}” is not in this dataset; showing {view.activeSeries?.label}. </>}
      {view.compare ? (
        <>
          <strong>Trackers compared{view.filterRange || view.dimRange ? ' for the selected years' : ', all years'}.</strong> The trackers count differently and disagree most on civilians; no figure is merged or preferred.
          {view.compareSeriesWithout.length > 0 && <> No figures for these years from: {view.compareSeriesWithout.map((s) => s.label).join(', ')}.</>}
        </>
      ) : (
        <>
          <strong>As reported by {view.activeSeries?.label}.</strong> Deaths are ranges (min–max) as the tracker publishes them.
          {view.activeSeries?.derived && ' Computed from the per-strike table (confirmed strikes only), because the dataset has no yearly table.'}
        </>
      )}{' '}
      Hatched bar: only a maximum is reported; arrow: only a minimum; “?”: unknown, never zero.
      {view.anyMarked && ' ◆ and a shaded band mark calendar years with events matching the timeline filters.'}
    </>
  );
}
