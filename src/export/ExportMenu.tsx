/**
 * The panel's "Export" button and menu. This component is tiny on purpose: the export code
 * itself (html-to-image, the SVG and CSV builders) loads only when a menu item is chosen.
 *
 * Keyboard: Enter, Space or ArrowDown opens the menu on the first item (ArrowUp: the last);
 * arrows, Home and End move; Enter or Space chooses; Esc closes and returns focus to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PanelId } from '../crossfilter/filters';
import type { TableModel } from '../crossfilter/tableModel';
import type { ExportOutcome, PanelExportAction } from './panelExport';
import './export.css';

interface Item {
  action: PanelExportAction;
  label: string;
}

const IMAGE_ITEMS: Item[] = [
  { action: 'png', label: 'Download PNG' },
  { action: 'png4', label: 'Download PNG (4×)' },
  { action: 'svg', label: 'Download SVG' },
  { action: 'copy', label: 'Copy image' },
];
// "Download CSV" gives the .csv alone (what the name promises); the ZIP adds the CSVW metadata
// file with the measure, units, filters, data version and full sources.
const CSV_ITEMS: Item[] = [
  { action: 'csv', label: 'Download CSV' },
  { action: 'csv-zip', label: 'Download CSV + metadata (ZIP)' },
];

export interface ExportMenuProps {
  panel: PanelId;
  table?: TableModel;
  sources?: readonly string[];
}

export function ExportMenu({ panel, table, sources }: ExportMenuProps) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<'first' | 'last' | null>(null);
  const items = table ? [...IMAGE_ITEMS, ...CSV_ITEMS] : IMAGE_ITEMS;

  const menuItems = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = menuItems();
    if (pendingFocus.current) (pendingFocus.current === 'last' ? list[list.length - 1] : list[0])?.focus();
    pendingFocus.current = null;
    const onPointerDown = (e: PointerEvent) => {
      const root = button.current?.parentElement;
      if (root && !root.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A success message goes away by itself; a refusal stays until dismissed.
  useEffect(() => {
    if (!outcome?.ok) return;
    const t = setTimeout(() => setOutcome(null), 8000);
    return () => clearTimeout(t);
  }, [outcome]);

  const openMenu = (focus: 'first' | 'last') => {
    pendingFocus.current = focus;
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const onButtonKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openMenu('last');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close(true);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = menuItems();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowDown') next = list[(index + 1) % list.length];
    else if (e.key === 'ArrowUp') next = list[(index - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    } else if (e.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    e.preventDefault();
    next?.focus();
  };

  const run = async (action: PanelExportAction) => {
    close(true);
    const panelEl = button.current?.closest<HTMLElement>('.panel');
    if (!panelEl) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { runPanelExport } = await import('./panelExport');
      setOutcome(await runPanelExport(action, { panel, panelEl, ...(table ? { table } : {}), sources: sources ?? [] }));
    } catch (error) {
      setOutcome({ ok: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openMenu('first'))}
        onKeyDown={onButtonKeyDown}
      >
        Export
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label="Export" className="export-menu__list" onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <button key={item.action} type="button" role="menuitem" tabIndex={-1} className="export-menu__item" onClick={() => void run(item.action)}>
              {item.label}
            </button>
          ))}
        </div>
      )}
      {(busy || outcome) && (
        <div className={`export-menu__status${outcome && !outcome.ok ? ' export-menu__status--problem' : ''}`} role="status">
          {busy ? (
            'Preparing the export…'
          ) : outcome ? (
            <>
              <span>{outcome.message}</span>
              {!outcome.ok && outcome.offerDownload && (
                <button type="button" className="button button--link" onClick={() => void run('png')}>
                  Download PNG instead
                </button>
              )}
              <button type="button" className="button button--link" onClick={() => setOutcome(null)} aria-label="Dismiss export message">
                Dismiss
              </button>
            </>
          ) : null}
        </div>
      )}
    </div>
  );
}
