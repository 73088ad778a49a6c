import { useCallback, useId, useMemo, useState } from 'react';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import { AID_MEASURES } from '../../data/schema';
import { DOLLAR_BASES, DOLLAR_BASIS_LABELS } from '../../crossfilter/constantDollars';
import { useDashboardStore } from '../../store/store';
import { AidChart } from './AidChart';
import { AidCompare } from './AidCompare';
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
      table={view.compare ? view.compare.table : showRows || !yearTable ? view.table : yearTable}
      tableControls={
        view.compare ? undefined : (
          <button type="button" className="button" aria-pressed={showRows} onClick={() => setShowRows((on) => !on)}>
            Rows
          </button>
        )
      }
      note={<AidNote view={view} />}
      sources={view.sources}
    >
      {view.compare ? (
        view.compare.years.length > 0 ? (
          <AidCompare compare={view.compare} unit={view.dollars.unit} axis={view.dollars.basis === 'constant' ? `${view.dollars.unit} m` : 'US$ m'} />
        ) : (
          <EmptyState>No aid figures in any measure for the selected years.</EmptyState>
        )
      ) : view.state === 'ok' ? (
        <>
          <AidChart view={view} yearRange={yearRange} onAction={onAction} />
          {view.view === 'programme' && <ProgrammeLegend view={view} />}
          {view.crsCutoff && <CrsCutoff cutoff={view.crsCutoff} />}
        </>
      ) : (
        <EmptyState>{view.emptyMessage}</EmptyState>
      )}
    </PanelFrame>
  );
}

/** Where CRS's table stops, and what continues the series: said under the chart, with the way to see it. */
function CrsCutoff({ cutoff }: { cutoff: { lastActual: number; continuedTo: number } }) {
  const { setAidCompare } = useAidActions();
  return (
    <p className="aid-cutoff">
      <span className="aid-cutoff__mark" aria-hidden="true" />
      CRS’s yearly table ends at FY{cutoff.lastActual}; later CRS bars are requests or no data. ForeignAssistance.gov obligations and disbursements (without CSF) continue to FY{cutoff.continuedTo}.{' '}
      <button type="button" className="link-button" onClick={() => setAidCompare(true)}>
        See the measures side by side
      </button>
    </p>
  );
}

function AidControls({ view }: { view: AidView }) {
  const { setAidMeasure, setAidView, setAidDollars, setAidCompare, toggleAidCategory } = useAidActions();
  const comparing = view.compare !== null;
  const aidCategories = useDashboardStore((s) => s.filters.aidCategories);
  const breakdownReasonId = useId();
  const dollarsReasonId = useId();
  return (
    <>
      <label className="aid-control">
        <span>Measure</span>
        <select value={view.measure} disabled={comparing} onChange={(e) => setAidMeasure(AID_MEASURES.find((m) => m === e.target.value) ?? view.measure)}>
          {AID_MEASURES.map((m) => (
            <option key={m} value={m} disabled={!view.measuresAvailable.includes(m) && m !== view.measure}>
              {AID_MEASURE_INFO[m].label}
              {view.measuresAvailable.includes(m) ? '' : ' (not in this dataset)'}
            </option>
          ))}
        </select>
      </label>
      <div className="aid-control aid-control--group" role="group" aria-label="Dollars" aria-describedby={view.dollars.constantAvailable ? undefined : dollarsReasonId}>
        {DOLLAR_BASES.map((basis) => (
          <button
            key={basis}
            type="button"
            className="button"
            aria-pressed={view.dollars.basis === basis}
            disabled={basis === 'constant' && !view.dollars.constantAvailable}
            onClick={() => setAidDollars(basis)}
          >
            {DOLLAR_BASIS_LABELS[basis]}
          </button>
        ))}
      </div>
      {view.dollars.unavailableReason && (
        <span className="aid-control__reason" id={dollarsReasonId}>
          {view.dollars.unavailableReason}
        </span>
      )}
      {view.measuresAvailable.length > 1 && (
        <button type="button" className="button" aria-pressed={comparing} onClick={() => setAidCompare(!comparing)}>
          Compare measures
        </button>
      )}
      {!comparing && (
      <>
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
  if (view.compare) {
    return (
      <>
        <strong>Measures compared, {view.unit}.</strong> CRS appropriations include Coalition Support Funds (military reimbursements); ForeignAssistance.gov obligations and disbursements exclude them, so the measures differ even in years they share. Faint, dashed bars: a yearly average of CRS’s FY2002–FY2007 total, or a request. {view.dollars.note}
        {view.compare.crsLastActual !== null && ` CRS’s yearly table ends at FY${view.compare.crsLastActual}: the shaded years carry ForeignAssistance.gov figures only.`}
      </>
    );
  }
  return (
    <>
      <strong>
        {view.measureInfo.label}, {view.unit}.
      </strong>{' '}
      {view.measureInfo.note} {view.dollars.note}
      {view.dollars.basis === 'constant' && view.measureInfo.constantNote && ` ${view.measureInfo.constantNote}`}
      {view.undeflatedYears.length > 0 && ` No index value for ${view.undeflatedYears.map((y) => `FY${y}`).join(', ')}: left out in constant dollars.`}
      {view.hasAggregate && ' FY2002–FY2007 is one 6-year total: the source does not print those years separately, so it is not split.'}
      {view.hasRequestOrEstimate && ' Hatched bars are requests or estimates (labelled “req.” / “est.”), not final figures.'}
      {view.hasOtherFigures && ' † marks a year with a revised, superseded or other figure; the tooltip and the table list it.'}
      {view.anyMarked && ' ◆ and a shaded band mark fiscal years (1 Oct–30 Sep: 26 Nov 2011 falls in FY2012) with events matching the timeline filters; an event dated only by year is placed in that year.'}
      {view.slots.some((s) => !s.hasData) && ' “no data” / “n/a” means no figure was found: unknown, not zero.'}
    </>
  );
}
