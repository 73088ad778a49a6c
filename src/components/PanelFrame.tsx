import { useContext, useId, type ReactNode } from 'react';
import { PanelAnchorsContext, panelHeadingId } from './focusTargets';
import type { PanelId } from '../crossfilter/filters';
import { useDashboardStore } from '../store/store';
import { ErrorBoundary } from './ErrorBoundary';
import { panelMeta } from '../panels/registry';
import type { TableModel } from '../crossfilter/tableModel';
import { DataTable } from './DataTable';
import { ExportMenu } from '../export/ExportMenu';

interface PanelFrameProps {
  panel: PanelId;
  /** Panel-specific controls shown in the header (measure selector, layer toggles, …). */
  controls?: ReactNode;
  /** True while the panel holds a filter of its own: shows the panel's "Reset". */
  hasOwnFilter?: boolean;
  /** The chart or map. */
  children: ReactNode;
  /** Exactly what the panel shows, as rows: rendered by "Show table" and reused by the CSV export. */
  table?: TableModel;
  /** A short note under the chart (the measure shown, caveats). */
  note?: ReactNode;
  /** Titles of the sources behind what is on screen. */
  sources?: readonly string[];
  /** Controls shown above the open table (e.g. the aid panel's "Rows" switch). */
  tableControls?: ReactNode;
}

/**
 * The frame every panel shares: the named region, the heading, the "Show table" toggle, the
 * panel's own "Reset", the "Export" menu (PNG, SVG, copy image, CSV: src/export), the sources
 * line and the error boundary. Panels fill in the body only.
 */
export function PanelFrame({ panel, controls, hasOwnFilter = false, children, table, note, sources, tableControls }: PanelFrameProps) {
  const generatedId = useId();
  // In the dashboard the heading is a skip link's target; present mode draws panels again, so ids stay unique there.
  const headingId = useContext(PanelAnchorsContext) ? panelHeadingId(panel) : generatedId;
  const { title } = panelMeta(panel);
  const tableOpen = useDashboardStore((s) => s.openTables[panel] ?? false);
  const toggleTable = useDashboardStore((s) => s.toggleTable);
  const resetPanelFilters = useDashboardStore((s) => s.resetPanelFilters);

  return (
    <section className="panel" aria-labelledby={headingId} data-panel={panel}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title" tabIndex={-1}>
          {title}
        </h2>
        <div className="panel__actions">
          {hasOwnFilter && (
            <button type="button" className="button button--link" onClick={() => resetPanelFilters(panel)} aria-label={`Reset ${title}`}>
              Reset
            </button>
          )}
          {table !== undefined && (
            <button type="button" className="button" aria-pressed={tableOpen} onClick={() => toggleTable(panel)}>
              Show table
            </button>
          )}
          <ExportMenu panel={panel} {...(table !== undefined ? { table } : {})} {...(sources !== undefined ? { sources } : {})} />
        </div>
      </header>
      <ErrorBoundary
        fallback={(error, reset) => (
          <div className="panel__error" role="alert">
            <p>
              <strong>This panel failed to draw.</strong> The other panels still work.
            </p>
            <p className="panel__error-detail">{error.message}</p>
            <button type="button" className="button" onClick={reset}>
              Reload panel
            </button>
          </div>
        )}
      >
        {controls && <div className="panel__controls">{controls}</div>}
        <div className="panel__body">{children}</div>
        {note && <p className="panel__note">{note}</p>}
        {tableOpen && table && (
          <>
            {tableControls && <div className="panel__table-controls">{tableControls}</div>}
            {/* A Tab stop so keyboard users can scroll it; a named section (a region), as a focusable scroller must say what it holds (axe focus-order-semantics). */}
            <section className="panel__table" tabIndex={0} aria-label={`${title} table`}>
              <DataTable model={table} />
            </section>
          </>
        )}
        {sources && sources.length > 0 && <SourcesLine sources={sources} />}
      </ErrorBoundary>
    </section>
  );
}

/** How many source titles show before the rest fold away: a long list would bury the chart. */
const SOURCES_SHOWN = 3;

function SourcesLine({ sources }: { sources: readonly string[] }) {
  const shown = sources.slice(0, SOURCES_SHOWN);
  const rest = sources.slice(SOURCES_SHOWN);
  return (
    <div className="panel__sources">
      <p>
        <span className="panel__sources-label">Sources: </span>
        {shown.join('; ')}
        {rest.length > 0 && ` and ${rest.length} more.`}
      </p>
      {rest.length > 0 && (
        <details>
          <summary>All {sources.length} sources</summary>
          <ul>
            {sources.map((title, i) => (
              <li key={i}>{title}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Shown in a panel's body when the dataset lacks the table it needs, or nothing matches. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="panel__empty">{children}</p>;
}

/** The frame with a placeholder body, shown while the dataset loads. */
export function PanelSkeleton({ panel }: { panel: PanelId }) {
  const headingId = useId();
  return (
    <section className="panel panel--loading" aria-labelledby={headingId} aria-busy="true" data-panel={panel}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {panelMeta(panel).title}
        </h2>
      </header>
      <div className="panel__body">
        <div className="skeleton" aria-hidden="true" />
      </div>
    </section>
  );
}
