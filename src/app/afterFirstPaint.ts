/**
 * "The dashboard has painted": code the panels do not need (present mode and the deck, the
 * service worker) waits for this, so its download, parse and start-up never compete with the
 * panels' first paint. A one-shot signal for the page's lifetime.
 *
 * Painted means: the panels are on screen, none is still a placeholder (the dataset loading, the
 * map waiting for Leaflet), and they have settled: a whole frame passed without the panels' DOM
 * changing (a chart that measures its box draws one frame after it mounts), then the browser is
 * idle. A load-failure view
 * counts as painted too. The page may also never get there (a big import still running, a hidden
 * tab): after MAX_WAIT_MS the signal fires anyway, so nothing waits for good.
 */
import { useEffect, useState } from 'react';
import { DASHBOARD_ID } from '../components/focusTargets';

export const MAX_WAIT_MS = 8000;

/** True while the dashboard shows a loading placeholder, or nothing yet. */
function pending(main: Element | null): boolean {
  if (!main) return true;
  if (main.querySelector('.skeleton, [aria-busy="true"]')) return true;
  return !main.querySelector('section.panel, [role="alert"]');
}

let painted: Promise<void> | null = null;

export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    let done = false;
    let changed = true;
    let observer: MutationObserver | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, MAX_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function' || typeof MutationObserver !== 'function') return;
    const check = () => {
      if (done) return;
      const main = document.getElementById(DASHBOARD_ID);
      if (main && !observer) {
        observer = new MutationObserver(() => (changed = true));
        observer.observe(main, { childList: true, subtree: true, attributes: true });
      }
      // A frame with no change since the last one, and nothing loading: the panels are drawn.
      if (!changed && !pending(main)) {
        // This frame is being drawn now; go on once it is on screen and the page is idle.
        if (typeof requestIdleCallback === 'function') requestIdleCallback(finish, { timeout: 500 });
        else setTimeout(finish, 50);
        return;
      }
      changed = false;
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return painted;
}

/** False until the dashboard has painted (see afterFirstPaint), then true. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstPaint().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
