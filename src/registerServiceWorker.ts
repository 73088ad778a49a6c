/**
 * Registers the offline service worker that the production build writes (scripts/vite/offlineApp.ts).
 * Never in development or tests, where a cached app would hide changes.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => {
      // The dashboard works without it; only offline use is lost.
      console.warn('Offline support is unavailable:', error);
    });
  });
}
