/**
 * Dashboard-wide export and share: "Export dashboard" (one PNG of all four panels with the title
 * and filters), "Slide (16:9)" (the current view at exactly 1920 × 1080) and "Copy link" (the
 * URL holds the full filter state). The export code loads only when a button is used.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DashboardAction } from './dashboardExport';
import { useDashboardStore } from '../store/store';
import { downloadDataset } from '../import/downloadDataset';
import './export.css';

type Status = { ok: boolean; message: string; offerDataset?: boolean } | null;

export function DashboardExportMenu() {
  const [busy, setBusy] = useState<DashboardAction | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [fallbackLink, setFallbackLink] = useState<string | null>(null);
  const linkField = useRef<HTMLInputElement>(null);
  const linkId = useId();

  useEffect(() => {
    if (!status?.ok) return;
    const t = setTimeout(() => setStatus(null), 8000);
    return () => clearTimeout(t);
  }, [status]);

  useEffect(() => {
    if (fallbackLink !== null) linkField.current?.select();
  }, [fallbackLink]);

  const run = async (action: DashboardAction) => {
    setBusy(action);
    setStatus(null);
    try {
      const { runDashboardExport } = await import('./dashboardExport');
      setStatus(await runDashboardExport(action));
    } catch (error) {
      setStatus({ ok: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const copyLink = async () => {
    const href = window.location.href;
    let copied = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(href);
        copied = true;
      }
    } catch {
      copied = false;
    }
    // A link cannot carry data kept in this browser: say so, rather than promise "this exact view".
    const local = useDashboardStore.getState().datasetOrigin.local !== undefined;
    const localWarning = ' It does not carry your own data (kept only in this browser): whoever opens it sees the built-in dataset. Send the dataset file with the link.';
    if (copied) {
      setFallbackLink(null);
      setStatus(local ? { ok: false, message: `Link copied, with a caveat.${localWarning}`, offerDataset: true } : { ok: true, message: 'Link copied: it opens this exact view.' });
    } else {
      setFallbackLink(href);
      setStatus({ ok: false, message: `The browser did not allow copying. Select the link below and copy it.${local ? localWarning : ''}`, offerDataset: local });
    }
  };

  return (
    <div className="dashboard-export" role="group" aria-label="Export and share">
      <button type="button" className="button" onClick={() => void run('dashboard')} aria-busy={busy === 'dashboard' || undefined} disabled={busy !== null}>
        Export dashboard
      </button>
      <button type="button" className="button" onClick={() => void run('slide')} aria-busy={busy === 'slide' || undefined} disabled={busy !== null}>
        Slide (16:9)
      </button>
      <button type="button" className="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      {(busy || status) && (
        <p className={`export-menu__status${status && !status.ok ? ' export-menu__status--problem' : ''}`} role="status">
          {busy ? 'Preparing the export…' : status?.message}
          {!busy && status?.offerDataset && (
            <button
              type="button"
              className="button"
              onClick={() => {
                const { dataset, datasetOrigin } = useDashboardStore.getState();
                if (dataset) void downloadDataset(dataset, datasetOrigin.local?.fileName);
              }}
            >
              Download dataset
            </button>
          )}
          {!busy && status && (
            <button type="button" className="button button--link" onClick={() => setStatus(null)} aria-label="Dismiss export message">
              Dismiss
            </button>
          )}
        </p>
      )}
      {fallbackLink !== null && (
        <>
          <label htmlFor={linkId} className="sr-only">
            Link to this view
          </label>
          <input id={linkId} ref={linkField} className="dashboard-export__link" type="text" readOnly value={fallbackLink} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
    </div>
  );
}
