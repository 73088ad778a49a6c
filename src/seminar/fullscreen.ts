/**
 * The Fullscreen API with a graceful fallback: a browser without it, a refused request (no user
 * gesture, an iframe without permission) or a rejected promise all leave seminar mode running
 * in the page.
 */
export async function requestFullscreenSafely(element: Element = document.documentElement): Promise<boolean> {
  try {
    if (typeof element.requestFullscreen !== 'function') return false;
    await element.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export function exitFullscreenSafely(): void {
  try {
    if (document.fullscreenElement && typeof document.exitFullscreen === 'function') void document.exitFullscreen().catch(() => undefined);
  } catch {
    /* nothing to undo */
  }
}
