/**
 * Where keyboard focus can be sent: the dashboard (the skip link's target) and each panel's
 * heading (the per-panel skip links' targets). Also the fallback when the control that held
 * focus disappears (a removed filter chip, a dismissed message): focus never drops to <body>.
 */
import { createContext } from 'react';
import type { PanelId } from '../crossfilter/filters';

/** The id of the dashboard's <main>. */
export const DASHBOARD_ID = 'dashboard';

/** The id of a dashboard panel's heading. Only the dashboard's panels carry it (present mode draws the same panels again). */
export function panelHeadingId(panel: PanelId): string {
  return `panel-${panel}`;
}

/** True inside the dashboard's panel grid: there PanelFrame gives its heading the stable `panelHeadingId`. */
export const PanelAnchorsContext = createContext(false);

/** Focuses the element with this id (scrolling it into view); false when there is none. */
export function focusById(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  target.focus();
  return document.activeElement === target;
}

/**
 * Gives focus back to `element` if it is still on the page and focusable, else to the dashboard.
 * For controls that remove themselves or the thing that held focus.
 */
export function restoreFocus(element: Element | null | undefined): void {
  if (element instanceof HTMLElement && element !== document.body && element.isConnected) {
    element.focus();
    if (document.activeElement === element) return;
  }
  focusById(DASHBOARD_ID);
}

/** What a modal's Tab cycle visits. */
const TABBABLE = 'button:not([disabled]), input:not([hidden]), select, textarea, [tabindex="0"]';

/**
 * Keeps Tab inside a modal: from its last control Tab wraps to the first, and Shift+Tab from the
 * first wraps to the last. Call it from the modal's keydown handler.
 */
export function keepTabInside(event: { key: string; shiftKey: boolean; preventDefault(): void }, container: HTMLElement | null): void {
  if (event.key !== 'Tab' || !container) return;
  const tabbable = [...container.querySelectorAll<HTMLElement>(TABBABLE)];
  const first = tabbable[0];
  const last = tabbable[tabbable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
