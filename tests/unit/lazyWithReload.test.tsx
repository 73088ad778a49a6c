/**
 * A chunk that a newer deployment removed: the import fails for good in this tab, so the app
 * must say what happened and offer "Reload" (issue 15), not show a raw import error or crash.
 */
import { Suspense } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importWithReload, isChunkLoadError, lazyWithReload, listenForStaleChunks, STALE_CHUNK_MESSAGE, StaleChunkError } from '../../src/app/lazyWithReload';
import { offerUpdate, useReloadOffer } from '../../src/app/reloadOffer';
import { ReloadPrompt } from '../../src/app/ReloadPrompt';
import { ErrorBoundary } from '../../src/components/ErrorBoundary';

/** What Chromium's import() rejects with when the chunk is gone (a 404 from the new deployment). */
const chunkGone = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/dash/assets/dashboardExport-BEL03WE9.js'));

afterEach(() => {
  // Unmount first: the offer is module state, and resetting it under a mounted prompt is an update outside act().
  cleanup();
  useReloadOffer.setState({ reason: null, activateUpdate: null });
});

describe('importWithReload', () => {
  it('turns a missing chunk into a clear message and brings up the reload offer', async () => {
    render(<ReloadPrompt />);
    expect(screen.queryByRole('region', { name: 'A new version is available.' })).not.toBeInTheDocument();

    let caught: unknown;
    await act(async () => {
      caught = await importWithReload(chunkGone).catch((error: unknown) => error);
    });
    expect(caught).toBeInstanceOf(StaleChunkError);
    expect((caught as Error).message).toBe(STALE_CHUNK_MESSAGE);
    expect((caught as Error).message).not.toMatch(/dynamically imported module/);

    const prompt = screen.getByRole('region', { name: 'A new version is available.' });
    expect(prompt).toHaveTextContent('your view and your slides are kept');
    // Something the user asked for failed: focus goes to the way on.
    expect(screen.getByRole('button', { name: 'Reload' })).toHaveFocus();
    // Nothing to put off: this tab's version is broken.
    expect(screen.queryByRole('button', { name: 'Later' })).not.toBeInTheDocument();
  });

  it('passes any other failure through untouched, without an offer', async () => {
    const bug = new RangeError('slide 9 does not exist');
    await expect(importWithReload(() => Promise.reject(bug))).rejects.toBe(bug);
    expect(useReloadOffer.getState().reason).toBeNull();
  });

  it('recognises the other browsers’ messages and Vite’s CSS preload failure', () => {
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /dash/assets/DeckEditor-BW6AcgGp.css'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Failed to fetch'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });
});

describe('lazyWithReload', () => {
  it('renders the message in place of a component whose chunk is gone, and Reload activates a waiting version', async () => {
    const activate = vi.fn();
    offerUpdate(activate);
    const DeckEditor = lazyWithReload<() => null>(chunkGone);
    await act(async () => {
      render(
        <>
          <Suspense fallback={<span role="status">Opening the slides…</span>}>
            <DeckEditor />
          </Suspense>
          <ReloadPrompt />
        </>,
      );
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(STALE_CHUNK_MESSAGE);
    expect(screen.queryByText('Opening the slides…')).not.toBeInTheDocument();
    const reload = screen.getByRole('button', { name: 'Reload' });
    await userEvent.click(reload);
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('still throws other failures, to the nearest error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const Broken = lazyWithReload<() => null>(() => Promise.reject(new Error('./map/MapSlide.tsx does not export MapSlide')));
    render(
      <ErrorBoundary fallback={(error) => <p>Failed: {error.message}</p>}>
        <Suspense fallback={null}>
          <Broken />
        </Suspense>
      </ErrorBoundary>,
    );
    expect(await screen.findByText('Failed: ./map/MapSlide.tsx does not export MapSlide')).toBeInTheDocument();
    expect(useReloadOffer.getState().reason).toBeNull();
    vi.restoreAllMocks();
  });
});

describe('a new version waiting', () => {
  it('offers Reload and Later without taking focus; Later hides the offer', async () => {
    const activate = vi.fn();
    render(
      <>
        <button type="button">Export</button>
        <ReloadPrompt />
      </>,
    );
    screen.getByRole('button', { name: 'Export' }).focus();
    act(() => offerUpdate(activate));
    const prompt = screen.getByRole('region', { name: 'A new version is available.' });
    expect(prompt).toHaveTextContent('Reload to use it');
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('region', { name: 'A new version is available.' })).not.toBeInTheDocument();
    expect(activate).not.toHaveBeenCalled();
  });

  it('an import Vite reports as failed (vite:preloadError) brings up the offer too', () => {
    const target = new EventTarget() as Window;
    listenForStaleChunks(target);
    const event = Object.assign(new Event('vite:preloadError', { cancelable: true }), { payload: new Error('Unable to preload CSS for /assets/BorderMap-vh-t_kPv.css') });
    target.dispatchEvent(event);
    expect(useReloadOffer.getState().reason).toBe('stale');
  });
});
