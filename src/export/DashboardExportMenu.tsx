/**
 * Dashboard-wide export and share: "Export dashboard" (one PNG of all four panels with the title
 * and filters), "Slide (16:9)" (the current view at exactly 1920 × 1080) and "Copy link" (the
 * URL holds the full filter state). The export code loads only when a button is used.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DashboardAction } from './dashboardExport';
import './export.css';

type Status = { ok: boolean; message: string } | null;

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
    if (copied) {
      setFallbackLink(null);
      setStatus({ ok: true, message: 'Link copied: it opens this exact view.' });
    } else {
      setFallbackLink(href);
      setStatus({ ok: false, message: 'The browser did not allow copying. Select the link below and copy it.' });
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
