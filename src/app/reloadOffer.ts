/**
 * The one offer to reload the app, shown by ReloadPrompt: either a new version is waiting
 * (registerServiceWorker saw a new service worker install), or a chunk of this tab's version
 * could not load because a newer deployment replaced it (lazyWithReload).
 */
import { create } from 'zustand';

/** 'update': a new version is ready. 'stale': part of this (old) version failed to load. */
export type ReloadReason = 'update' | 'stale';

interface ReloadOfferState {
  reason: ReloadReason | null;
  /** While a new service worker waits: activates it, then reloads (set by registerServiceWorker). */
  activateUpdate: (() => void) | null;
}

export const useReloadOffer = create<ReloadOfferState>(() => ({ reason: null, activateUpdate: null }));

export function offerUpdate(activateUpdate: () => void): void {
  // "Part of the page failed" says more than "an update exists"; keep it once shown.
  useReloadOffer.setState((s) => ({ reason: s.reason === 'stale' ? 'stale' : 'update', activateUpdate }));
}

export function offerReloadForStaleChunk(): void {
  useReloadOffer.setState({ reason: 'stale' });
}

export function dismissReloadOffer(): void {
  useReloadOffer.setState({ reason: null });
}

/**
 * Reloads into the newest version. The URL holds the view and localStorage the deck (saved on
 * every change), so a reload keeps both.
 */
export function reloadApp(): void {
  const { activateUpdate } = useReloadOffer.getState();
  if (activateUpdate) activateUpdate();
  else window.location.reload();
}
