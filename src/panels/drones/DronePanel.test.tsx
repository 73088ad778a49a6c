import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import type { Dataset } from '../../data/schema';
import { useDashboardStore } from '../../store/store';
import { DronePanel } from './DronePanel';
import { multiTrackerDataset } from './droneTestData';

function renderPanel(dataset: Dataset = multiTrackerDataset()) {
  useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
  render(<DronePanel />);
  return screen.getByRole('region', { name: 'Drone strikes' });
}

const filters = () => useDashboardStore.getState().filters;
const yearButtons = (panel: HTMLElement) => within(panel).queryAllByRole('button', { name: /^\d{4}/ });
const user = () => userEvent.setup({ skipHover: true });

describe('DronePanel', () => {
  it('draws the first tracker year by year, naming each year with its counts and saying unknown as unknown', () => {
    const panel = renderPanel();
    expect(within(panel).getByRole('combobox', { name: 'Tracker' })).toHaveValue('tbij');
    const names = yearButtons(panel).map((b) => b.getAttribute('aria-label'));
    expect(names).toHaveLength(8);
    expect(names[0]).toBe('2004: 1 strikes, killed 6–8, civilians 2');
    expect(names[1]).toBe('2005 n/a: no figure from this tracker');
    expect(names[6]).toBe('2010: 128 strikes, killed 878–1,062, civilians unknown');
    // The unknown civilians of 2010 are a "?" mark, not a bar.
    expect(within(panel).getAllByText('?').length).toBeGreaterThan(0);
    expect(panel).toHaveTextContent('As reported by TBIJ.');
  });

  it('selects a year on click without collapsing its own chart, shows Reset, and clears on a second click', async () => {
    const u = user();
    const panel = renderPanel();
    await u.click(within(panel).getByRole('button', { name: /^2010/ }));
    expect(filters().yearRange).toEqual({ from: 2010, to: 2010 });
    expect(filters().yearRangeOrigin).toBe('drones');
    expect(yearButtons(panel)).toHaveLength(8);
    expect(within(panel).getByRole('button', { name: /^2010/ })).toHaveAttribute('aria-pressed', 'true');
    await u.click(within(panel).getByRole('button', { name: 'Reset Drone strikes' }));
    expect(filters().yearRange).toBeNull();
  });

  it('extends the selection with Shift+Enter from the keyboard', async () => {
    const u = user();
    const panel = renderPanel();
    act(() => within(panel).getByRole('button', { name: /^2006/ }).focus());
    await u.keyboard('{Enter}');
    act(() => within(panel).getByRole('button', { name: /^2011/ }).focus());
    await u.keyboard('{Shift>}{Enter}{/Shift}');
    expect(filters().yearRange).toEqual({ from: 2006, to: 2011 });
  });

  it("is filtered by another panel's year range: the rest faded on the same axis, the table narrowed, and says when the range holds no figures", async () => {
    const u = user();
    const panel = renderPanel();
    act(() => useDashboardStore.getState().setYearRange({ from: 2010, to: 2011 }, 'aid'));
    // The axis keeps every year (so the chart does not re-lay out); the years outside are faded and say so.
    const names = yearButtons(panel).map((b) => b.getAttribute('aria-label') ?? '');
    expect(names.map((n) => n.slice(0, 4))).toEqual(['2004', '2005', '2006', '2007', '2008', '2009', '2010', '2011']);
    expect(names.filter((n) => n.endsWith(', outside the selected years')).map((n) => n.slice(0, 4))).toEqual(['2004', '2005', '2006', '2007', '2008', '2009']);
    expect(within(panel).getByRole('button', { name: /^2008/ })).toHaveClass('year-tick--dimmed');
    expect(within(panel).getByRole('button', { name: /^2010/ })).not.toHaveClass('year-tick--dimmed');
    expect(within(panel).queryByRole('button', { name: 'Reset Drone strikes' })).not.toBeInTheDocument();
    await u.click(within(panel).getByRole('button', { name: 'Show table' }));
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows.map((r) => r.cells[0]?.textContent)).toEqual(['2010', '2011']);
    await u.click(within(panel).getByRole('button', { name: 'Show table' }));
    act(() => useDashboardStore.getState().setYearRange({ from: 2019, to: 2024 }, 'timeline'));
    expect(within(panel).getByText('No drone-strike figures from TBIJ for 2019–2024.')).toBeInTheDocument();
    expect(yearButtons(panel)).toHaveLength(0);
  });

  it('switches tracker through the labelled select', async () => {
    const u = user();
    const panel = renderPanel();
    await u.selectOptions(within(panel).getByRole('combobox', { name: 'Tracker' }), 'New America');
    expect(filters().droneSeries).toBe('new-america');
    expect(yearButtons(panel)[0]).toHaveAttribute('aria-label', '2004: 1 strikes, killed up to 7, civilians unknown');
    expect(panel).toHaveTextContent('As reported by New America.');
  });

  it('compares every tracker for the selected years, civilians first, with a table row per tracker', async () => {
    const u = user();
    const panel = renderPanel();
    act(() => useDashboardStore.getState().setYearRange({ from: 2011, to: 2011 }, 'filter-bar'));
    await u.click(within(panel).getByRole('button', { name: 'Compare sources' }));
    expect(filters().droneCompare).toBe(true);
    expect(within(panel).getByRole('button', { name: 'Compare sources' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByRole('combobox', { name: 'Tracker' })).toBeDisabled();
    expect(within(within(panel).getByRole('list', { name: 'Trackers' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['TBIJ', 'Pakistan Body Count', 'New America', 'Long War Journal']);
    const figures = within(panel).getAllByRole('figure');
    expect(figures.map((f) => f.querySelector('figcaption')?.textContent)).toEqual(['Civilians killed (min–max)', 'Total killed (min–max)', 'Strikes']);
    expect(within(panel).getByRole('figure', { name: 'Civilians killed (min–max)' })).toBe(figures[0]);
    await u.click(within(panel).getByRole('button', { name: 'Show table' }));
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows.map((r) => r.cells[1]?.textContent)).toEqual(['TBIJ', 'Pakistan Body Count', 'New America', 'Long War Journal']);
    // New America gave no 2011 strike count: unknown, not 0.
    expect(rows[2]!.cells[2]).toHaveTextContent('unknown');
    expect(panel).toHaveTextContent('disagree most on civilians');
  });

  it('hides Compare sources when there is only one tracker', () => {
    const panel = renderPanel(smallDataset());
    expect(within(panel).queryByRole('button', { name: 'Compare sources' })).not.toBeInTheDocument();
    expect(yearButtons(panel).map((b) => b.getAttribute('aria-label')?.slice(0, 4))).toEqual(['2004', '2005', '2006', '2007', '2008', '2009', '2010']);
  });

  it('marks the years holding matching events', () => {
    const panel = renderPanel();
    act(() => useDashboardStore.getState().toggleTheme('border'));
    expect(within(panel).getByRole('button', { name: /^2011: .*has matching events$/ })).toBeInTheDocument();
    expect(panel).toHaveTextContent('◆ and a shaded band mark calendar years');
  });

  it('says which table is missing when the dataset has no strike data', () => {
    const d = smallDataset();
    delete d.strikeYears;
    delete d.strikes;
    const panel = renderPanel(d);
    expect(within(panel).getByText(/no strikeYears table/)).toBeInTheDocument();
    expect(within(panel).queryByRole('combobox', { name: 'Tracker' })).not.toBeInTheDocument();
  });

  it('opens the tooltip of the clicked tick, naming that year (not the first one)', async () => {
    const u = userEvent.setup({ skipHover: true });
    const panel = renderPanel(multiTrackerDataset());
    await u.click(within(panel).getByRole('button', { name: /^2010/ }));
    const tip = within(panel).getByRole('tooltip');
    expect(tip).toHaveTextContent('2010 · TBIJ');
    expect(tip).not.toHaveTextContent('2004');
  });
});
