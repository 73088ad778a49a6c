import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import type { Dataset } from '../../data/schema';
import { useDashboardStore } from '../../store/store';

// jsdom has no SVG geometry, so Leaflet would find no vector renderer. A stub is enough for
// Leaflet to draw paths as elements (there is no layout to measure, and we never assert coordinates).
vi.hoisted(() => {
  const proto = globalThis.SVGSVGElement?.prototype as { createSVGRect?: () => DOMRect } | undefined;
  if (proto && !proto.createSVGRect) proto.createSVGRect = () => new DOMRect();
});

const { BorderMapPanel } = await import('./BorderMapPanel');

/** A tiny basemap in the shipped format: one country, one FATA district, one province, a border and a coast. */
const TINY_BASEMAP = {
  type: 'Topology',
  arcs: [
    [
      [66, 29],
      [75, 29],
      [75, 37],
      [66, 37],
      [66, 29],
    ],
    [
      [71, 34],
      [71.5, 34],
      [71.5, 34.6],
      [71, 34],
    ],
    [
      [66, 33],
      [67, 33],
      [67, 34],
      [66, 33],
    ],
    [
      [69, 30],
      [71, 36],
    ],
    [
      [66, 25],
      [68, 24],
    ],
  ],
  objects: {
    countries: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { name: 'Pakistan', iso: '586' } }] },
    districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[1]], properties: { name: 'Mohmand', fata: true } }] },
    provinces: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[2]], properties: { name: 'Kunar' } }] },
    borders: { type: 'GeometryCollection', geometries: [{ type: 'MultiLineString', arcs: [[3]], properties: {} }] },
    coast: { type: 'GeometryCollection', geometries: [{ type: 'MultiLineString', arcs: [[4]], properties: {} }] },
  },
};

let fetchMock: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(JSON.stringify(TINY_BASEMAP)));
});
afterEach(() => vi.restoreAllMocks());

function renderPanel(dataset: Dataset = smallDataset()) {
  act(() => useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' }));
  const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  const result = render(
    <QueryClientProvider client={client}>
      <BorderMapPanel />
    </QueryClientProvider>,
  );
  const region = screen.getByRole('region', { name: 'Border incidents map' });
  return { ...result, region };
}

/** Strikes are drawn on one canvas (no per-strike elements); it says how many it holds. */
const strikePaths = (region: HTMLElement) => ({ length: Number(region.querySelector('.leaflet-strikes-pane canvas')?.getAttribute('data-strike-count') ?? 0) });

describe('BorderMapPanel', () => {
  it('fetches the offline basemap from its own origin and draws it under the data', async () => {
    const { region } = renderPanel();
    await waitFor(() => expect(region.querySelectorAll('.leaflet-basemap-pane path').length).toBe(5));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]![0])).toMatch(/^\/geo\/basemap\.json$/);
    expect(region.querySelector('.leaflet-tile')).toBeNull();
    expect(screen.queryByText(/Loading the basemap/)).not.toBeInTheDocument();
  });

  it('still draws the markers, and says so quietly, when the basemap cannot be loaded', async () => {
    fetchMock.mockImplementation(async () => new Response('not found', { status: 404 }));
    const { region } = renderPanel();
    expect(await within(region).findByText('The basemap could not be loaded; markers are drawn without it.')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /Salala attack/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names incident markers and makes them keyboard-focusable buttons', () => {
    const { region } = renderPanel();
    const marker = within(region).getByRole('button', { name: 'Salala attack, 26 Nov 2011 (approximate location)' });
    expect(marker).toHaveAttribute('tabindex', '0');
    expect(marker).toHaveAttribute('aria-pressed', 'false');
    expect(marker).toHaveClass('map-marker--border-incident', 'map-marker--approx');
    expect(within(region).getByText('Showing 1 incident, 2 drone strikes, 0 military operations (all years).')).toBeInTheDocument();
  });

  it('toggles layers with the checkboxes, and Reset turns them all back on', async () => {
    const user = userEvent.setup();
    const { region } = renderPanel();
    const incidents = within(region).getByRole('checkbox', { name: 'Incidents' });
    const strikes = within(region).getByRole('checkbox', { name: 'Drone strikes' });
    const operations = within(region).getByRole('checkbox', { name: 'Military operations' });
    for (const box of [incidents, strikes, operations]) expect(box).toBeChecked();
    expect(strikePaths(region)).toHaveLength(2);
    expect(within(region).queryByRole('button', { name: 'Reset Border incidents map' })).not.toBeInTheDocument();

    await user.click(incidents);
    expect(incidents).not.toBeChecked();
    expect(useDashboardStore.getState().filters.mapLayers.incidents).toBe(false);
    expect(within(region).queryByRole('button', { name: /Salala attack/ })).not.toBeInTheDocument();
    expect(strikePaths(region)).toHaveLength(2);

    await user.click(strikes);
    expect(strikePaths(region)).toHaveLength(0);
    await user.click(operations);
    expect(within(region).getByText('All map layers are off. Turn on Incidents, Drone strikes or Military operations to see them.')).toBeInTheDocument();

    await user.click(within(region).getByRole('button', { name: 'Reset Border incidents map' }));
    for (const box of [incidents, strikes, operations]) expect(box).toBeChecked();
    expect(within(region).getByRole('button', { name: /Salala attack/ })).toBeInTheDocument();
    expect(strikePaths(region)).toHaveLength(2);
  });

  it('selects a marker with Enter, highlights it and opens its popup as text', async () => {
    const user = userEvent.setup();
    const { region } = renderPanel();
    const marker = within(region).getByRole('button', { name: /Salala attack/ });
    act(() => marker.focus()); // focus opens the marker tooltip (React state)
    expect(region.querySelector('.leaflet-tooltip')).toHaveTextContent('Salala attack, 26 Nov 2011');
    await user.keyboard('{Enter}');
    expect(useDashboardStore.getState().filters.selection).toEqual({ kind: 'incident', id: 'salala_2011' });
    expect(marker).toHaveAttribute('aria-pressed', 'true');
    expect(marker).toHaveClass('map-marker--selected');
    const popup = await within(region).findByRole('article', { name: 'Salala attack' });
    expect(popup).toHaveTextContent('Approximate location: Salala checkposts, Mohmand');
    expect(popup).toHaveTextContent('Killed24–28');
    expect(popup).toHaveTextContent('Wounded13');
    expect(popup).toHaveTextContent('Border incident');
    expect(popup).toHaveTextContent('Sources: Pakistan–US relations during OEF');

    await user.keyboard(' ');
    expect(useDashboardStore.getState().filters.selection).toBeNull();
    expect(marker).toHaveAttribute('aria-pressed', 'false');
  });

  it('closes the popup on Escape from inside it, and gives focus back to its marker', async () => {
    const user = userEvent.setup();
    const { region } = renderPanel();
    const marker = within(region).getByRole('button', { name: /Salala attack/ });
    act(() => marker.focus());
    await user.keyboard('{Enter}');
    const popup = await within(region).findByRole('article', { name: 'Salala attack' });
    act(() => popup.focus());
    await user.keyboard('{Escape}');
    expect(useDashboardStore.getState().filters.selection).toBeNull();
    await waitFor(() => expect(within(region).queryByRole('group', { name: 'Salala attack' })).toBeNull());
    expect(marker).toHaveFocus();
  });

  it('highlights the incident of an event selected on the timeline', async () => {
    const { region } = renderPanel();
    act(() => useDashboardStore.getState().select({ kind: 'event', id: 'ev-2011-salala' }));
    expect(within(region).getByRole('button', { name: /Salala attack/ })).toHaveAttribute('aria-pressed', 'true');
    expect(await within(region).findByRole('article', { name: 'Salala attack' })).toBeInTheDocument();
  });

  it('draws strikes on one canvas (the selection on its own) and opens the selected strike’s popup as text', async () => {
    const { region } = renderPanel();
    expect(region.querySelectorAll('.leaflet-strikes-pane canvas[data-strike-count]')).toHaveLength(1);
    expect(region.querySelectorAll('.leaflet-strikes-pane canvas')).toHaveLength(2);
    expect(region.querySelector('.leaflet-strikes-pane path')).toBeNull();
    const strike = smallDataset().strikes![0]!;
    act(() => useDashboardStore.getState().select({ kind: 'strike', id: strike.id }));
    const popup = await within(region).findByRole('article', { name: /TBIJ B1/ });
    expect(popup).toHaveTextContent('Killed');
    act(() => useDashboardStore.getState().select(null));
    await waitFor(() => expect(within(region).queryByRole('group', { name: /TBIJ B1/ })).not.toBeInTheDocument());
  });

  it('follows the year range and the tone filter', () => {
    const { region } = renderPanel();
    act(() => useDashboardStore.getState().setYearRange({ from: 2004, to: 2010 }, 'drones'));
    expect(within(region).queryByRole('button', { name: /Salala attack/ })).not.toBeInTheDocument();
    expect(strikePaths(region)).toHaveLength(2);
    act(() => useDashboardStore.getState().setYearRange({ from: 2030, to: 2030 }, 'filter-bar'));
    expect(strikePaths(region)).toHaveLength(0);
    expect(within(region).getByText('Nothing on the map for 2030 under the current filters.')).toBeInTheDocument();
    act(() => useDashboardStore.getState().setYearRange(null, 'filter-bar'));
    act(() => useDashboardStore.getState().toggleTone('cooperation'));
    expect(within(region).queryByRole('button', { name: /Salala attack/ })).not.toBeInTheDocument();
    expect(strikePaths(region)).toHaveLength(2);
  });

  it('shows a table of exactly what the map shows', async () => {
    const user = userEvent.setup();
    const { region } = renderPanel();
    await user.click(within(region).getByRole('button', { name: 'Show table' }));
    const table = within(region).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Salala attack');
    expect(rows[0]).toHaveTextContent('24–28');
    expect(rows[1]).toHaveTextContent('Drone strike (TBIJ B1)');
    await user.click(within(region).getByRole('checkbox', { name: 'Drone strikes' }));
    expect(within(within(region).getByRole('table')).getAllByRole('row').slice(1)).toHaveLength(1);
    // With strikes off, the sources line names only the incident's source.
    const sourcesLine = region.querySelector('.panel__sources');
    expect(sourcesLine).toHaveTextContent('Pakistan–US relations during OEF');
    expect(sourcesLine).not.toHaveTextContent('Drone war: Pakistan');
  });

  it('renders hostile text from the dataset as text, never as HTML', async () => {
    const user = userEvent.setup();
    const hostile = '<img src=x onerror=alert(1)>';
    const dataset = smallDataset();
    const salala = dataset.incidents![0]!;
    salala.name = hostile;
    salala.description = hostile;
    salala.place = hostile;
    dataset.sources.find((s) => s.id === 'paper')!.title = hostile;
    const { region, container } = renderPanel(dataset);

    const marker = within(region).getByRole('button', { name: `${hostile}, 26 Nov 2011 (approximate location)` });
    await user.click(within(region).getByRole('button', { name: 'Show table' }));
    act(() => marker.focus()); // focus opens the marker tooltip (React state)
    await user.keyboard('{Enter}');
    const popup = await within(region).findByRole('article', { name: hostile });
    expect(popup).toHaveTextContent(`Approximate location: ${hostile}, Mohmand`);
    expect(within(popup).getAllByText(hostile).length).toBeGreaterThan(0);
    expect(within(within(region).getByRole('table')).getAllByText(hostile)).toHaveLength(2); // name and source cells
    expect(within(within(region).getByRole('table')).getByText(`${hostile}, Mohmand`)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says which tables are missing', () => {
    const noStrikes = smallDataset();
    delete noStrikes.strikes;
    const { region, unmount } = renderPanel(noStrikes);
    expect(within(region).getByText(/This dataset has no strikes table\./)).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: /Salala attack/ })).toBeInTheDocument();
    unmount();

    const neither = smallDataset();
    delete neither.strikes;
    delete neither.incidents;
    neither.events = neither.events!.map(({ incidentId: _drop, ...e }) => e);
    const second = renderPanel(neither);
    expect(within(second.region).getByText('This dataset has no incidents table and no strikes table, so the map has nothing to place.')).toBeInTheDocument();
    expect(within(second.region).queryByRole('checkbox')).not.toBeInTheDocument();
  });
});
