import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Dataset } from '../../data/schema';
import { useDashboardStore } from '../../store/store';
import { TimelinePanel } from './TimelinePanel';
import { timelineDataset } from './timelineTestData';

function renderPanel(dataset: Dataset = timelineDataset()) {
  act(() => useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' }));
  render(<TimelinePanel />);
  return screen.getByRole('region', { name: 'Cooperation and friction timeline' });
}

const filters = () => useDashboardStore.getState().filters;

describe('TimelinePanel', () => {
  it('draws events as buttons named by date and title, in lanes with visible labels', () => {
    const panel = renderPanel();
    expect(within(panel).getByRole('button', { name: '26 Nov 2011: Salala attack on Pakistani border posts' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Jun 2004: Major non-NATO ally status' })).toHaveClass('timeline-event--month');
    expect(within(panel).getByRole('button', { name: '2009: Kerry–Lugar–Berman aid law' })).toHaveClass('timeline-event--year');
    const friction = within(panel).getByRole('group', { name: 'Friction events' });
    expect(within(friction).getAllByRole('button')).toHaveLength(3);
    for (const lane of ['Cooperation', 'Context', 'Friction']) expect(within(panel).getByRole('button', { name: `${lane} lane` })).toHaveAttribute('aria-pressed', 'false');
  });

  it('stacks events close in time instead of hiding one under another', () => {
    const panel = renderPanel();
    const a = within(panel).getByRole('button', { name: /Salala attack/ });
    const b = within(panel).getByRole('button', { name: /supply routes closed/ });
    expect(a.style.top).not.toBe(b.style.top);
  });

  it('opens a detail card with the linked incident and the sources; only http(s) URLs are links', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: '26 Nov 2011: Salala attack on Pakistani border posts' }));
    expect(filters().selection).toEqual({ kind: 'event', id: 'ev-2011-salala' });
    const card = within(panel).getByRole('article', { name: 'Salala attack on Pakistani border posts' });
    expect(card).toHaveTextContent('26 Nov 2011');
    expect(card).toHaveTextContent('Friction');
    expect(card).toHaveTextContent('Border');
    expect(card).toHaveTextContent('Salala checkpost attack');
    expect(card).toHaveTextContent('Salala checkposts, Mohmand');
    expect(card).toHaveTextContent(/Killed\s*24–28/);
    expect(card).toHaveTextContent(/Wounded\s*unknown/);
    expect(card).toHaveTextContent('approximate location');
    expect(card).toHaveTextContent('Pakistan–US relations during OEF');
    // The javascript: URL is shown as text, never as a link.
    expect(within(card).queryByRole('link')).toBeNull();
    expect(within(card).getByText('Hostile link')).toBeInTheDocument();
    expect(card.querySelector('a[href^="javascript"]')).toBeNull();
    expect(card).toHaveTextContent('(javascript:alert(1))');
    expect(within(panel).getByRole('button', { name: /Salala attack/ })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(card).getByRole('button', { name: 'Close event details' }));
    expect(filters().selection).toBeNull();
    expect(within(panel).queryByRole('article')).toBeNull();
  });

  it('lists a disputed toll in the card as each value with its sources', async () => {
    const user = userEvent.setup();
    const d = timelineDataset();
    d.sources.push({ id: 'xinhua', title: 'Xinhua report', publisher: 'Xinhua', date: '2011-11-28', url: null, measures: 'casualties' });
    d.incidents![0]!.figures = [{ field: 'killed', values: [{ min: 24, max: 24, sources: ['paper'] }, { min: 28, max: 28, sources: ['xinhua'] }] }];
    const panel = renderPanel(d);
    await user.click(within(panel).getByRole('button', { name: '26 Nov 2011: Salala attack on Pakistani border posts' }));
    const card = within(panel).getByRole('article', { name: 'Salala attack on Pakistani border posts' });
    const list = within(card).getByRole('list', { name: 'By source' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['24 (Ali et al., IJCISS)', '28 (Xinhua)']);
    expect(card).toHaveTextContent(/Wounded\s*unknown/);
  });

  it('links http(s) sources in a new tab without opener, and flags single-source claims', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: '22 Sep 2001: Sanctions waived' }));
    const link = within(panel).getByRole('link', { name: 'CRS aid table' });
    expect(link).toHaveAttribute('href', 'https://example.org/crs');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await user.click(within(panel).getByRole('button', { name: '17 Jun 2011: Border incident claimed' }));
    expect(within(panel).getByRole('article')).toHaveTextContent('Single source: claim made only by Ali et al., IJCISS');
  });

  it('renders a hostile title as text', () => {
    const dataset = timelineDataset();
    dataset.events![0]!.title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const panel = renderPanel(dataset);
    expect(within(panel).getByRole('button', { name: '22 Sep 2001: <script>alert(1)</script><img src=x onerror=alert(2)>' })).toBeInTheDocument();
    act(() => useDashboardStore.getState().select({ kind: 'event', id: 'ev-2001-sanctions' }));
    expect(within(panel).getByRole('heading', { name: '<script>alert(1)</script><img src=x onerror=alert(2)>' })).toBeInTheDocument();
    expect(panel.querySelector('script')).toBeNull();
    expect(panel.querySelector('img')).toBeNull();
  });

  it('highlights the events linked to an incident selected on the map and shows the first', () => {
    const panel = renderPanel();
    act(() => useDashboardStore.getState().select({ kind: 'incident', id: 'salala_2011' }));
    expect(within(panel).getByRole('button', { name: /Salala attack/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByRole('button', { name: /supply routes closed/ })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByRole('button', { name: /Border incident claimed/ })).toHaveAttribute('aria-pressed', 'false');
    expect(within(panel).getByRole('article', { name: 'Salala attack on Pakistani border posts' })).toHaveTextContent('Linked to the incident selected on the map');
  });

  it('brushes a year range by dragging across the strip, and dims (not removes) events outside it', () => {
    const panel = renderPanel();
    const strip = within(panel).getByTestId('timeline-brush');
    // jsdom has no layout: the strip is 240 px wide from x = 0, so each of the 24 years is 10 px.
    strip.getBoundingClientRect = () => ({ left: 0, top: 0, right: 240, bottom: 26, width: 240, height: 26, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(strip, { clientX: 35, button: 0, pointerId: 1 });
    fireEvent.pointerMove(strip, { clientX: 60, pointerId: 1 });
    fireEvent.pointerMove(strip, { clientX: 85, pointerId: 1 });
    fireEvent.pointerUp(strip, { clientX: 85, pointerId: 1 });
    expect(filters().yearRange).toEqual({ from: 2004, to: 2009 });
    expect(filters().yearRangeOrigin).toBe('timeline');
    // Still six events: the timeline is not filtered by its own brush.
    expect(within(panel).getAllByRole('button', { name: /^\d|^[A-Z][a-z]{2} \d{4}:/ }).filter((b) => b.classList.contains('timeline-event'))).toHaveLength(6);
    expect(within(panel).getByRole('button', { name: /Salala attack/ })).toHaveClass('is-dimmed');
    expect(within(panel).getByRole('button', { name: /Major non-NATO/ })).not.toHaveClass('is-dimmed');
    // The panel's own Reset clears the brush.
    fireEvent.click(within(panel).getByRole('button', { name: 'Reset Cooperation and friction timeline' }));
    expect(filters().yearRange).toBeNull();
  });

  it('treats a press without movement as a click, not a brush', () => {
    const panel = renderPanel();
    const strip = within(panel).getByTestId('timeline-brush');
    strip.getBoundingClientRect = () => ({ left: 0, top: 0, right: 240, bottom: 26, width: 240, height: 26, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.pointerDown(strip, { clientX: 35, button: 0, pointerId: 1 });
    fireEvent.pointerUp(strip, { clientX: 36, pointerId: 1 });
    expect(filters().yearRange).toBeNull();
  });

  it('toggles a single year from its tick', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'Year 2011' }));
    expect(filters().yearRange).toEqual({ from: 2011, to: 2011 });
    expect(filters().yearRangeOrigin).toBe('timeline');
    expect(within(panel).getByRole('button', { name: 'Year 2011' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(panel).getByRole('button', { name: 'Year 2011' }));
    expect(filters().yearRange).toBeNull();
  });

  it('is filtered by a range set elsewhere, and says so when the range holds nothing', () => {
    const panel = renderPanel();
    act(() => useDashboardStore.getState().setYearRange({ from: 2004, to: 2009 }, 'filter-bar'));
    expect(within(panel).queryByRole('button', { name: /Salala attack/ })).toBeNull();
    expect(within(panel).getByRole('button', { name: /Major non-NATO/ })).not.toHaveClass('is-dimmed');
    expect(within(panel).queryByRole('button', { name: /Reset Cooperation/ })).toBeNull();
    act(() => useDashboardStore.getState().setYearRange({ from: 2015, to: 2020 }, 'aid'));
    expect(within(panel).getByText('No events in 2015–2020.')).toBeInTheDocument();
  });

  it('toggles tone and theme filters from the lane labels and the legend', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'Cooperation lane' }));
    expect(filters().tones).toEqual(['cooperation']);
    expect(within(panel).getByRole('button', { name: 'Cooperation lane' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).queryByRole('button', { name: /Salala attack/ })).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Cooperation lane' }));
    const legend = within(panel).getByRole('group', { name: 'Filter by theme' });
    await user.click(within(legend).getByRole('button', { name: 'Aid' }));
    expect(filters().themes).toEqual(['aid']);
    expect(within(panel).getAllByRole('button').filter((b) => b.classList.contains('timeline-event'))).toHaveLength(1);
    await user.click(within(panel).getByRole('button', { name: 'Reset Cooperation and friction timeline' }));
    expect(filters().themes).toEqual([]);
  });

  it('shows a table of exactly the events shown', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    act(() => useDashboardStore.getState().toggleTone('friction'));
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    const table = within(panel).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3 friction events
    expect(table).toHaveTextContent('Salala checkpost attack');
    expect(within(panel).getByText(/Sources:/).parentElement).toHaveTextContent('Ali et al., IJCISS, Pakistan–US relations during OEF');
  });

  it('moves between events with the arrow keys', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    within(panel).getByRole('button', { name: /Border incident claimed/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(within(panel).getByRole('button', { name: /Salala attack/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(panel).getByRole('button', { name: /Kerry–Lugar–Berman/ })).toHaveFocus();
  });

  it('zooms in and back out', async () => {
    const user = userEvent.setup();
    const panel = renderPanel();
    expect(within(panel).getByRole('button', { name: 'Zoom out' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Zoom in' }));
    expect(within(panel).getByText('1.5×')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Pan to later years' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Reset zoom' }));
    expect(within(panel).getByText('All years')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Pan to later years' })).toBeNull();
  });

  it('says which table is missing', () => {
    const dataset = timelineDataset();
    delete dataset.events;
    const panel = renderPanel(dataset);
    expect(within(panel).getByText(/no events table/)).toBeInTheDocument();
  });
});
