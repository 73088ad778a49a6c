/**
 * Registers the offline service worker that the production build writes (vite-plugin-pwa, see
 * scripts/vite/offlineApp.ts), through workbox-window. A new version installs in the background
 * and waits; the page then offers "Reload" (ReloadPrompt) and activates it only when asked, so an
 * open tab is never taken over. Never in development or tests, where a cached app would hide
 * changes.
 */
import type { Workbox } from 'workbox-window';
import { importWithReload } from './app/lazyWithReload';
import { afterFirstPaint } from './app/afterFirstPaint';
import { offerUpdate } from './app/reloadOffer';

/** A tab left open for a seminar still learns of a new deployment. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the load event and the panels' first paint: workbox-window is its own small chunk, and
  // the new worker's precache downloads every file of the app, which must not compete with the
  // chunks and the dataset the panels are waiting for.
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  void Promise.all([loaded, afterFirstPaint()]).then(start);
}

async function start(): Promise<void> {
  try {
    const { Workbox } = await importWithReload(() => import('workbox-window'));
    const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
    // Also fires for a worker that another tab's visit installed, and one already waiting at load.
    wb.addEventListener('waiting', () => offerUpdate(() => void activateWaitingWorker(wb)));
    const registration = await wb.register();
    if (registration) window.setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
  } catch (error) {
    // The dashboard works without it; only offline use and update notices are lost.
    console.warn('Offline support is unavailable:', error);
  }
}

/**
 * Asks the waiting worker to take over, and reloads once it controls the page (or, for a page it
 * never controlled, once it is active). With no worker waiting any more (another tab activated it),
 * the new version is already in charge: reload now.
 */
async function activateWaitingWorker(wb: Workbox): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration(import.meta.env.BASE_URL);
  const waiting = registration?.waiting;
  if (!waiting) {
    window.location.reload();
    return;
  }
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };
  wb.addEventListener('controlling', reload);
  waiting.addEventListener('statechange', () => {
    if (waiting.state === 'activated' || waiting.state === 'redundant') reload();
  });
  wb.messageSkipWaiting();
}
