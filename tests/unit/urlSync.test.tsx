import { renderHook, waitFor } from '@testing-library/react';
import { useDashboardStore } from '../../src/store/store';
import { onlyYearsDiffer, useUrlSync } from '../../src/url/useUrlSync';
import { smallDataset } from '../fixtures/loadFixture';

/** The address bar as the user reads it. */
const search = () => new URLSearchParams(window.location.search);

describe('URL sync: one history entry per settled gesture', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('tells a year-range-only change from any other', () => {
    expect(onlyYearsDiffer('?from=2008&to=2011', '?from=2008&to=2012&by=aid')).toBe(true);
    expect(onlyYearsDiffer('', '?from=2008&to=2008')).toBe(true);
    expect(onlyYearsDiffer('?from=2008&to=2011', '?from=2008&to=2011&tone=friction')).toBe(false);
    expect(onlyYearsDiffer('?tone=friction&from=2008&to=2011', '?tone=cooperation&from=2008&to=2011')).toBe(false);
  });

  it('typing From then To is one entry; a tone chip after it is another, and Back returns to the typed years', async () => {
    const dataset = smallDataset();
    renderHook(() => useUrlSync(dataset));
    const before = window.history.length;
    const { setYearRange, toggleTone } = useDashboardStore.getState();

    setYearRange({ from: 2008, to: 2024 }, 'filter-bar');
    await waitFor(() => expect(search().get('from')).toBe('2008'));
    setYearRange({ from: 2008, to: 2011 }, 'filter-bar');
    await waitFor(() => expect(search().get('to')).toBe('2011'));
    expect(window.history.length).toBe(before + 1);

    toggleTone('friction');
    await waitFor(() => expect(search().get('tone')).toBe('friction'));
    expect(window.history.length).toBe(before + 2);

    window.history.back();
    await waitFor(() => expect(useDashboardStore.getState().filters.tones).toEqual([]));
    expect(useDashboardStore.getState().filters.yearRange).toEqual({ from: 2008, to: 2011 });
    expect(search().get('tone')).toBeNull();
  });

  it('changes made in one frame are written once', async () => {
    const dataset = smallDataset();
    renderHook(() => useUrlSync(dataset));
    const push = vi.spyOn(window.history, 'pushState');
    const { toggleTone, toggleTheme } = useDashboardStore.getState();
    toggleTone('friction');
    toggleTheme('border');
    expect(push).not.toHaveBeenCalled(); // not on the input's own path: after the frame
    await waitFor(() => expect(search().get('theme')).toBe('border'));
    expect(search().get('tone')).toBe('friction');
    expect(push).toHaveBeenCalledTimes(1);
    push.mockRestore();
  });

  it('a hidden tab, which draws no frames, still gets its address written, and leaving the tab writes at once', async () => {
    const dataset = smallDataset();
    renderHook(() => useUrlSync(dataset));
    // No frame ever comes (a background tab).
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    const { toggleTone, setYearRange } = useDashboardStore.getState();
    toggleTone('friction');
    await waitFor(() => expect(search().get('tone')).toBe('friction'), { timeout: 1000 });

    setYearRange({ from: 2009, to: 2010 }, 'filter-bar');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(search().get('from')).toBe('2009'); // written on hiding, with no wait
    visibility.mockRestore();
    raf.mockRestore();
  });
});
