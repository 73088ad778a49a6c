import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { smallDataset, smallDatasetText } from '../fixtures/loadFixture';
import { resetImportStore } from '../../src/import/importStore';
import { PANELS } from '../../src/panels/registry';
import { useDashboardStore } from '../../src/store/store';
import { renderApp } from './renderApp';

async function renderLoaded() {
  vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(smallDatasetText()));
  renderApp();
  await screen.findByRole('spinbutton', { name: 'From year' });
}

afterEach(() => {
  vi.restoreAllMocks();
  resetImportStore();
  window.history.replaceState(null, '', '/');
});

describe('skip links', () => {
  it('puts "Skip to the dashboard" first, then one link per registered panel, and each moves focus to its target', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to the dashboard' })).toHaveFocus();
    const nav = screen.getByRole('navigation', { name: 'Skip links' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Skip to the dashboard', ...PANELS.map((p) => `Skip to ${p.title}`)]);

    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();

    for (const panel of PANELS) {
      await user.click(within(nav).getByRole('link', { name: `Skip to ${panel.title}` }));
      const region = screen.getByRole('region', { name: panel.title });
      expect(within(region).getByRole('heading', { level: 2, name: panel.title })).toHaveFocus();
    }
    // The URL keeps the view only: no fragment was added.
    expect(window.location.hash).toBe('');
  });
});

describe('focus never falls to <body>', () => {
  it('after removing a filter chip, focus goes to the chip now in its place, then the one before, then "Reset all filters"', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    act(() => {
      const s = useDashboardStore.getState();
      s.setYearRange({ from: 2008, to: 2011 }, 'filter-bar');
      s.toggleTone('friction');
      s.toggleTheme('border');
    });
    const chips = screen.getByRole('list', { name: 'Active filters' });
    // Label in name: each chip's name starts with the text it shows.
    for (const chip of within(chips).getAllByRole('button')) {
      const visible = chip.textContent!.replace('×', '').trim();
      expect(chip.getAttribute('aria-label')!.startsWith(visible)).toBe(true);
    }

    within(chips).getByRole('button', { name: 'Friction: remove tone filter' }).focus();
    await user.keyboard('{Enter}');
    expect(useDashboardStore.getState().filters.tones).toEqual([]);
    expect(within(chips).getByRole('button', { name: /^Border: remove theme filter/ })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(within(chips).getByRole('button', { name: 'Years 2008–2011: remove filter' })).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(useDashboardStore.getState().filters.yearRange).toBeNull();
    expect(screen.getByRole('button', { name: 'Reset all filters' })).toHaveFocus();
  });

  it('after Dismiss on the problems of a rejected file, focus goes back to the dashboard', async () => {
    const user = userEvent.setup();
    await renderLoaded();
    const broken = smallDataset() as unknown as { aid: { amount: unknown }[] };
    broken.aid[0]!.amount = -5;
    await user.upload(screen.getByLabelText('Dataset file'), new File([JSON.stringify(broken)], 'mine.json', { type: 'application/json' }));
    const problems = await screen.findByRole('heading', { name: 'mine.json was not loaded' });
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    await user.click(within(problems.closest('.import-problems')!).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('heading', { name: 'mine.json was not loaded' })).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.isConnected).toBe(true);
  });
});
