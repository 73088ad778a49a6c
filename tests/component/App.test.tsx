import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { smallDatasetText } from '../fixtures/loadFixture';
import { renderApp } from './renderApp';
import { PANELS } from '../../src/panels/registry';

// The names in PRODUCT.md's UI contract; every panel in the registry must show as well.
const CONTRACT_NAMES = ['US aid to Pakistan', 'Drone strikes', 'Border incidents map', 'Cooperation and friction timeline'];
const PANEL_NAMES = [...new Set([...CONTRACT_NAMES, ...PANELS.map((p) => p.title)])];

afterEach(() => vi.restoreAllMocks());

describe('App load states', () => {
  it('shows every panel frame as a skeleton while the dataset loads', async () => {
    let release: (r: Response) => void = () => {};
    vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise<Response>((resolve) => (release = resolve)));
    renderApp();
    for (const name of PANEL_NAMES) expect(screen.getByRole('region', { name })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading the dataset…')).toHaveAttribute('role', 'status');
    release(new Response(smallDatasetText()));
    await waitFor(() => expect(screen.getByRole('region', { name: 'US aid to Pakistan' })).not.toHaveAttribute('aria-busy'));
  });

  it('renders every named panel region and the header once loaded', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(smallDatasetText()));
    renderApp();
    expect(await screen.findByText('test-1')).toBeInTheDocument();
    for (const name of PANEL_NAMES) expect(screen.getByRole('region', { name })).not.toHaveAttribute('aria-busy');
    expect(screen.getByText('2001–2024')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'From year' })).toHaveValue(2001);
    expect(screen.getByRole('spinbutton', { name: 'To year' })).toHaveValue(2024);
    expect(screen.getByRole('button', { name: 'Reset all filters' })).toBeInTheDocument();
  });

  it('offers Retry after a network failure, and loads when the retry succeeds', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The dataset could not be loaded');
    expect(alert).toHaveTextContent('Failed to fetch');
    fetchMock.mockResolvedValue(new Response(smallDatasetText()));
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Drone strikes' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lists every problem of an invalid dataset by JSON path', async () => {
    const broken = JSON.parse(smallDatasetText()) as { aid: { amount: unknown }[]; events: { date: string }[] };
    broken.aid[2]!.amount = 'n/a';
    broken.events[0]!.date = '2011-02-30';
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(broken)));
    renderApp();
    const list = await screen.findByRole('list', { name: 'Dataset problems' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['aid[2].amount: must be a number ≥ 0 (got "n/a")', 'events[0].date: must be a date written YYYY-MM-DD, YYYY-MM or YYYY (got "2011-02-30")']);
    expect(screen.queryByRole('region', { name: 'US aid to Pakistan' })).not.toBeInTheDocument();
  });
});
