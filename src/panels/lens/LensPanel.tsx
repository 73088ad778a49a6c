import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { EmptyState, PanelFrame } from '../../components/PanelFrame';
import { AID_CATEGORY_LABELS, TONE_COLORS } from '../../theme/palette';
import { LensChart, type LensAction } from './LensChart';
import { lensMeta } from './lensMeta';
import { formatChange, formatMillions, LENS_CATEGORIES, LENS_CATEGORY_COLORS, readingSentence, type BeforeAfter, type ClaimRow, type LensView } from './lensSelectors';
import { useLensActions, useLensPanelData } from './useLensPanelData';
import './lens.css';

type OkView = Extract<LensView, { state: 'ok' }>;

/** Used until the chart's box has a width (first paint, and jsdom, which has no layout). */
const FALLBACK_WIDTH = 720;

function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * "Carrot and stick": aid, strikes and events on one US fiscal-year axis, the aid before and after
 * each event, and the seed paper's headline figures beside the dataset's own.
 */
export function LensPanel() {
  const view = useLensPanelData();
  const { setYearRange, toggleYear, select } = useLensActions();
  const [mode, setMode] = useState<'chart' | 'claims'>('chart');
  const [listOpen, setListOpen] = useState(false);
  const onAction = useCallback(
    (action: LensAction) => {
      if (action.kind === 'toggle-year') toggleYear(action.year, lensMeta.id);
      else if (action.kind === 'brush') setYearRange(action.range, lensMeta.id);
      else select({ kind: 'event', id: action.eventId });
    },
    [toggleYear, setYearRange, select],
  );
  if (!view) return null;
  if (view.state === 'missing') {
    return (
      <PanelFrame panel={lensMeta.id}>
        <EmptyState>{view.message}</EmptyState>
      </PanelFrame>
    );
  }

  const controls = (
    <>
      <div className="lens-control lens-control--group" role="group" aria-label="Lens view">
        <button type="button" className="button" aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>
          Chart
        </button>
        <button type="button" className="button" aria-pressed={mode === 'claims'} onClick={() => setMode('claims')}>
          Claims vs data
        </button>
      </div>
      {mode === 'chart' && (
        <button type="button" className="button" aria-expanded={listOpen} aria-controls="lens-events" onClick={() => setListOpen((o) => !o)}>
          Events list
        </button>
      )}
    </>
  );

  return (
    <PanelFrame panel={lensMeta.id} controls={controls} hasOwnFilter={view.hasOwnFilter} table={view.table} note={<LensNote view={view} />} sources={view.sources}>
      {mode === 'chart' ? <LensBody view={view} listOpen={listOpen} onAction={onAction} /> : <ClaimsTable claims={view.claims} />}
    </PanelFrame>
  );
}

function LensBody({ view, listOpen, onAction }: { view: OkView; listOpen: boolean; onAction: (a: LensAction) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <div className={`lens${listOpen ? ' lens--with-list' : ''}`}>
      <div className="lens__main">
        <LensLegend />
        <div ref={ref} className="lens-chart">
          <LensChart view={view} width={width} onAction={onAction} />
        </div>
        {view.selected && <SelectedReading reading={view.selected} unit={view.dollars.unit} />}
        <Readings readings={view.readings} />
      </div>
      {listOpen && (
        <aside id="lens-events" className="lens__events" aria-label="Lens events">
          <ul>
            {view.events.map((e) => (
              <li key={e.id}>
                <button type="button" className="lens__event" aria-pressed={e.selected} onClick={() => onAction({ kind: 'select', eventId: e.id })} style={{ borderLeftColor: TONE_COLORS[e.tone] }}>
                  <span className="lens__event-year">FY{e.fiscalYear}</span> {e.title}
                </button>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}

const LensLegend = memo(function LensLegend() {
  return (
    <ul className="lens-legend" aria-label="Legend">
      {LENS_CATEGORIES.map((c) => (
        <li key={c}>
          <span className="lens-legend__swatch" style={{ background: LENS_CATEGORY_COLORS[c] }} aria-hidden="true" />
          {AID_CATEGORY_LABELS[c]}
        </li>
      ))}
      <li>
        <span className="lens-legend__line" aria-hidden="true" />
        Drone strikes (TBIJ, right axis)
      </li>
      <li>
        <span className="lens-legend__diamond" style={{ background: TONE_COLORS.cooperation }} aria-hidden="true" />
        Cooperation (above)
      </li>
      <li>
        <span className="lens-legend__diamond" style={{ background: TONE_COLORS.friction }} aria-hidden="true" />
        Friction (below)
      </li>
    </ul>
  );
});

const CAVEAT = 'This is a reading, not a causal estimate: appropriations follow budget cycles and many events at once, so a change after an event does not show that the event caused it.';

function SelectedReading({ reading, unit }: { reading: BeforeAfter; unit: string }) {
  return (
    <section className="lens-reading" aria-label="Aid before and after the selected event">
      <h3 className="lens-reading__title">
        {reading.title}: FY{reading.fiscalYear} → FY{reading.nextYear}
      </h3>
      {reading.unavailable ? (
        <p>{reading.unavailable}.</p>
      ) : (
        <table className="lens-table">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">
                FY{reading.fiscalYear} ({unit} m)
              </th>
              <th scope="col">
                FY{reading.nextYear} ({unit} m)
              </th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {reading.changes.map((c) => (
              <tr key={c.category}>
                <th scope="row">{AID_CATEGORY_LABELS[c.category]}</th>
                <td className="num">{c.before === null ? 'n/a' : formatMillions(c.before)}</td>
                <td className="num">{c.after === null ? 'n/a' : formatMillions(c.after)}</td>
                <td className="num">{formatChange(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="lens-caveat">{CAVEAT}</p>
    </section>
  );
}

/** Memoised: the readings keep their identity while only the selection changes (lensSelectors.ts). */
const Readings = memo(function Readings({ readings }: { readings: readonly BeforeAfter[] }) {
  if (readings.length === 0) return <p className="lens-caveat">No cooperation or friction events match the filters.</p>;
  return (
    <details className="lens-readings">
      <summary>Aid before and after each event ({readings.length})</summary>
      <p className="lens-caveat">{CAVEAT}</p>
      <ul>
        {readings.map((r) => (
          <li key={r.eventId} data-tone={r.tone}>
            {readingSentence(r)}
          </li>
        ))}
      </ul>
    </details>
  );
});

function ClaimsTable({ claims }: { claims: readonly ClaimRow[] }) {
  if (claims.length === 0) return <EmptyState>This dataset has no claims table.</EmptyState>;
  return (
    <div className="lens-claims" tabIndex={0} role="group" aria-label="Claims vs data">
      <table className="lens-table">
        <caption>The seed paper’s headline figures beside what the dataset’s rows give for the same span and measure (computed live; current US$ millions as printed, unless a count).</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Paper</th>
            <th scope="col">Dataset</th>
            <th scope="col">Difference</th>
            <th scope="col">Why they differ</th>
          </tr>
        </thead>
        <tbody>
          {claims.map(({ claim, printed, comparisons }) => (
            <tr key={claim.id}>
              <th scope="row">
                {claim.label}
                <span className="lens-claims__where">
                  {claim.section}
                  {claim.page ? `, p. ${claim.page}` : ''}
                </span>
              </th>
              <td className="num">{printed}</td>
              <td>
                <ul className="lens-claims__list">
                  {comparisons.map((c) => (
                    <li key={c.basis}>
                      <span className="num">{c.value === null ? 'not computable' : c.valueMax !== null && c.valueMax !== c.value ? `${formatMillions(c.value)}–${formatMillions(c.valueMax)}` : formatMillions(c.value)}</span> <span className="lens-claims__basis">{c.basis}</span>
                      {c.coverage && <span className="lens-claims__basis"> ({c.coverage})</span>}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <ul className="lens-claims__list">
                  {comparisons.map((c) => (
                    <li key={c.basis} className="num">
                      {c.difference === null ? '—' : c.difference === 0 ? 'same' : `${c.difference > 0 ? '+' : '−'}${formatMillions(Math.abs(c.difference))} (${c.percent! > 0 ? '+' : '−'}${Math.abs(c.percent!).toFixed(1)}%)`}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="lens-claims__reason">{claim.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LensNote({ view }: { view: OkView }) {
  return (
    <>
      Aid: CRS appropriations by US fiscal year (1 Oct–30 Sep), {view.dollars.unit}
      {view.dollars.basis === 'constant' ? ` (${view.dollars.note})` : ''}; FY2002–07 is one six-year figure, drawn as its yearly average. Strikes: TBIJ rows counted by fiscal year. Events sit in the fiscal year of their date
      (Salala, 26 Nov 2011, is FY2012).
    </>
  );
}
