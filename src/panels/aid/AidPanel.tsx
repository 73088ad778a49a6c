import { useCallback, useId, useMemo, useState } from 'react';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import { AID_MEASURES } from '../../data/schema';
import { useDashboardStore } from '../../store/store';
import { AidChart } from './AidChart';
import { AID_MEASURE_INFO, type AidView, type SlotAction } from './aidSelectors';
import { aidYearTable } from './aidTable';
import { useAidActions, useAidPanelData } from './useAidPanelData';
import './aid.css';

/** US aid to Pakistan: stacked bars by fiscal year, by category or by programme, for one labelled measure. */
export function AidPanel() {
  const view = useAidPanelData();
  const yearRange = useDashboardStore((s) => s.filters.yearRange);
  const { toggleYear, setYearRange } = useAidActions();
  // The table shows the values drawn per year; "Rows" shows the source rows behind them instead.
  const [showRows, setShowRows] = useState(false);
  const yearTable = useMemo(() => (view ? aidYearTable(view) : null), [view]);
  // Stable, so the memoised chart re-renders only when what it draws changes.
  const onAction = useCallback(
    (action: SlotAction) => {
      if (action.kind === 'toggle-year') toggleYear(action.year, 'aid');
      else setYearRange(action.range, 'aid');
    },
    [toggleYear, setYearRange],
  );
  if (!view) return null;

  return (
    <PanelFrame
      panel="aid"
      controls={<AidControls view={view} />}
      hasOwnFilter={view.hasOwnFilter}
      table={showRows || !yearTable ? view.table : yearTable}
      tableControls={
        <button type="button" className="button" aria-pressed={showRows} onClick={() => setShowRows((on) => !on)}>
          Rows
        </button>
      }
      note={<AidNote view={view} />}
      sources={view.sources}
    >
      {view.state === 'ok' ? (
        <>
          <AidChart view={view} yearRange={yearRange} onAction={onAction} />
          {view.view === 'programme' && <ProgrammeLegend view={view} />}
        </>
      ) : (
        <EmptyState>{view.emptyMessage}</EmptyState>
      )}
    </PanelFrame>
  );
}

function AidControls({ view }: { view: AidView }) {
  const { setAidMeasure, setAidView, toggleAidCategory } = useAidActions();
  const aidCategories = useDashboardStore((s) => s.filters.aidCategories);
  const breakdownReasonId = useId();
  return (
    <>
      <label className="aid-control">
        <span>Measure</span>
        <select value={view.measure} onChange={(e) => setAidMeasure(AID_MEASURES.find((m) => m === e.target.value) ?? view.measure)}>
          {AID_MEASURES.map((m) => (
            <option key={m} value={m} disabled={!view.measuresAvailable.includes(m) && m !== view.measure}>
              {AID_MEASURE_INFO[m].label}
              {view.measuresAvailable.includes(m) ? '' : ' (not in this dataset)'}
            </option>
          ))}
        </select>
      </label>
      <div className="aid-control aid-control--group" role="group" aria-label="Breakdown" aria-describedby={view.breakdownAvailable ? undefined : breakdownReasonId}>
        <button type="button" className="button" aria-pressed={view.view === 'category'} disabled={!view.breakdownAvailable} onClick={() => setAidView('category')}>
          By category
        </button>
        <button type="button" className="button" aria-pressed={view.view === 'programme'} disabled={!view.breakdownAvailable} onClick={() => setAidView('programme')}>
          By programme
        </button>
      </div>
      {!view.breakdownAvailable && (
        <span className="aid-control__reason" id={breakdownReasonId}>
          {view.measureInfo.label} is one total per year, not split by category or programme.
        </span>
      )}
      {view.categoriesPresent.length > 1 && (
        <fieldset className="chip-group aid-categories">
          <legend>Highlight</legend>
          {view.categoriesPresent.map((c) => {
            const series = view.view === 'category' ? view.series.find((s) => s.key === c) : undefined;
            return (
              <button key={c} type="button" className="chip" aria-pressed={aidCategories.includes(c)} onClick={() => toggleAidCategory(c)}>
                <span className="chip__swatch" style={{ background: series?.color ?? categorySwatch(view, c) }} aria-hidden="true" />
                {categoryLabel(c)}
              </button>
            );
          })}
        </fieldset>
      )}
    </>
  );
}

const CATEGORY_SHORT: Record<string, string> = { security: 'Security', economic: 'Economic', csf: 'CSF reimbursements', unsplit: 'Not split' };
const categoryLabel = (c: string) => CATEGORY_SHORT[c] ?? c;
const categorySwatch = (view: AidView, c: string) => view.series.find((s) => s.category === c)?.color ?? '#6b7280';

function ProgrammeLegend({ view }: { view: AidView }) {
  return (
    <ul className="aid-legend" aria-label="Programmes">
      {view.series.map((s) => (
        <li key={s.key} className={s.dimmed ? 'aid-legend__item aid-legend__item--dimmed' : 'aid-legend__item'} title={s.longLabel}>
          <span className="chip__swatch" style={{ background: s.color }} aria-hidden="true" />
          <span aria-hidden="true">{s.label}</span>
          <span className="sr-only">{s.longLabel}</span>
        </li>
      ))}
    </ul>
  );
}

function AidNote({ view }: { view: AidView }) {
  return (
    <>
      <strong>
        {view.measureInfo.label}, {view.unit}.
      </strong> {view.measureInfo.note}
      {view.hasAggregate && ' FY2002–FY2007 is one 6-year total: the source does not print those years separately, so it is not split.'}
      {view.hasRequestOrEstimate && ' Hatched bars are requests or estimates (labelled “req.” / “est.”), not final figures.'}
      {view.hasOtherFigures && ' † marks a year with a revised, superseded or other figure; the tooltip and the table list it.'}
      {view.anyMarked && ' ◆ and a shaded band mark fiscal years (1 Oct–30 Sep: 26 Nov 2011 falls in FY2012) with events matching the timeline filters; an event dated only by year is placed in that year.'}
      {view.slots.some((s) => !s.hasData) && ' “no data” / “n/a” means no figure was found: unknown, not zero.'}
    </>
  );
}
