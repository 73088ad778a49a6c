import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { smallDataset, smallDatasetText } from '../fixtures/loadFixture';
import { resetImportStore } from '../../src/import/importStore';
import { useDashboardStore } from '../../src/store/store';
import { renderApp } from './renderApp';

const datasetLabel = () => screen.getByText('Dataset').nextElementSibling?.textContent;

/** Answers the built-in URL with the small fixture and any other URL from `others`. */
function mockFetch(others: Record<string, () => Response> = {}) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    if (url.pathname === '/data/dataset.json') return new Response(smallDatasetText());
    const answer = others[url.pathname] ?? others[url.href];
    if (answer) return answer();
    throw new TypeError('Failed to fetch');
  });
}

async function renderLoaded() {
  renderApp();
  await screen.findByRole('region', { name: 'Drone strikes' });
  await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
}

const fileInput = () => screen.getByLabelText('Dataset file') as HTMLInputElement;

afterEach(() => {
  vi.restoreAllMocks();
  resetImportStore();
  window.history.replaceState(null, '', '/');
});

describe('Load dataset…', () => {
  it('rejects a bad file with every problem, keeps the dashboard, and copies the list', async () => {
    const user = userEvent.setup();
    mockFetch();
    await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Restore the built-in dataset' })); // disabled: nothing happens
    const broken = smallDataset() as unknown as { strikes: { lat: unknown }[]; aid: { amount: unknown }[] };
    broken.strikes[1]!.lat = 134.2;
    broken.aid[0]!.amount = -5;

    await user.upload(fileInput(), new File([JSON.stringify(broken)], 'mine.json', { type: 'application/json' }));

    const alert = await screen.findByRole('alert', { name: '' });
    expect(within(alert).getByRole('heading', { name: 'mine.json was not loaded' })).toBeInTheDocument();
    const items = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['aid[0].amount: must be a number ≥ 0 (got -5)', 'strikes[1].lat: must be between -90 and 90 (got 134.2)']);
    expect(alert).toHaveTextContent('Nothing was changed. On screen: Built-in dataset.');
    expect(datasetLabel()).toBe('Built-in dataset');
    expect(screen.getByRole('region', { name: 'Drone strikes' })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Copy problems' }));
    expect(await navigator.clipboard.readText()).toBe(
      ['mine.json was not loaded', 'aid[0].amount: must be a number ≥ 0 (got -5)', 'strikes[1].lat: must be between -90 and 90 (got 134.2)'].join('\n'),
    );
    expect(within(alert).getByRole('status')).toHaveTextContent('Copied to the clipboard.');

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('heading', { name: 'mine.json was not loaded' })).not.toBeInTheDocument();
  });

  it('shows the problems as text when the browser refuses to copy', async () => {
    const user = userEvent.setup();
    mockFetch();
    await renderLoaded();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    await user.upload(fileInput(), new File(['{"version": '], 'cut.json'));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Copy problems' }));
    expect(await within(alert).findByRole('textbox', { name: 'Problems as text' })).toHaveValue(
      'cut.json was not loaded\nthe file is not valid JSON: it ends before the JSON is complete (line 1, column 13); the file looks cut short',
    );
  });

  it('loads a good file, names it in the header, resets filters, and restores the built-in dataset', async () => {
    const user = userEvent.setup();
    mockFetch();
    await renderLoaded();
    act(() => useDashboardStore.getState().toggleTone('friction'));
    const mine = smallDataset();
    mine.version = 'mine-7';

    await user.upload(fileInput(), new File([JSON.stringify(mine)], 'mine.json'));

    await waitFor(() => expect(datasetLabel()).toMatch(/^Your data: mine\.json, \d+ rows, loaded /));
    expect(screen.getByText('mine-7')).toBeInTheDocument();
    expect(useDashboardStore.getState().filters.tones).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Restore the built-in dataset' }));
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
    expect(screen.getByText('test-1')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore the built-in dataset' })).toBeDisabled();
  });

  it('accepts a file dropped anywhere on the page, with an overlay while dragging', async () => {
    mockFetch();
    await renderLoaded();
    const mine = smallDataset();
    mine.version = 'dropped-1';
    const file = new File([JSON.stringify(mine)], 'dropped.json');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };

    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop the file to load it as the dataset');
    fireEvent.drop(window, { dataTransfer });

    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    await waitFor(() => expect(datasetLabel()).toMatch(/^Your data: dropped\.json, \d+ rows, loaded /));
    expect(screen.getByText('dropped-1')).toBeInTheDocument();
  });

  it('ignores drags that carry no files (a brush, selected text)', async () => {
    mockFetch();
    await renderLoaded();
    fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });
});

describe('?data=<url>', () => {
  const banner = () => screen.getByRole('note', { name: 'Data origin' });

  it('loads a file on this site without asking, keeps the link’s filters and names the URL in the header and the banner', async () => {
    const remote = smallDataset();
    remote.version = 'remote-3';
    const fetchMock = mockFetch({ '/shared/pk.json': () => new Response(JSON.stringify(remote)) });
    window.history.replaceState(null, '', '/?data=/shared/pk.json&from=2005');

    renderApp();

    await waitFor(() => expect(datasetLabel()).toBe(`URL: ${window.location.origin}/shared/pk.json`));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByText('remote-3')).toBeInTheDocument();
    // The file's own version is labelled as the file's claim, not as the dashboard's data version.
    expect(screen.getByText('remote-3').previousElementSibling).toHaveTextContent('Version (as the file says)');
    expect(banner()).toHaveTextContent(`Data from ${window.location.host}, not the dashboard’s built-in dataset.`);
    expect(screen.getByRole('spinbutton', { name: 'From year' })).toHaveValue(2005);
    expect(new URLSearchParams(window.location.search).get('data')).toBe('/shared/pk.json');
    expect(fetchMock).toHaveBeenCalled();
  });

  it('asks before loading from another site; Cancel keeps the built-in dataset and says so', async () => {
    const user = userEvent.setup();
    const fetchMock = mockFetch({ 'https://data.example.org/pk.json': () => new Response(smallDatasetText()) });
    window.history.replaceState(null, '', '/?data=https://data.example.org/pk.json');

    renderApp();

    const dialog = await screen.findByRole('alertdialog', { name: 'Load data from data.example.org?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(dialog).toHaveTextContent('Address: https://data.example.org/pk.json');
    expect(fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.includes('example.org'))).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
    expect(screen.getByRole('note', { name: 'Data from data.example.org was not loaded: the built-in dataset is shown' })).toBeInTheDocument();
    expect(screen.queryByRole('note', { name: 'Data origin' })).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
    expect(document.activeElement).not.toBe(document.body);
    expect(fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.includes('example.org'))).toEqual([]);
  });

  it('keeps Tab inside the question, and Escape cancels', async () => {
    const user = userEvent.setup();
    mockFetch();
    window.history.replaceState(null, '', '/?data=https://data.example.org/pk.json');
    renderApp();
    const dialog = await screen.findByRole('alertdialog', { name: 'Load data from data.example.org?' });
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Load' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
  });

  it('on Load, shows a banner naming the host that served the data after a redirect, with the way back', async () => {
    const user = userEvent.setup();
    const remote = smallDataset();
    remote.version = 'their-9';
    mockFetch({
      'https://data.example.org/pk.json': () => {
        const response = new Response(JSON.stringify(remote));
        Object.defineProperty(response, 'url', { value: 'https://a-very-long-mirror-host-name.cdn.example.net/final/pk.json' });
        return response;
      },
    });
    window.history.replaceState(null, '', '/?data=https://data.example.org/pk.json');
    renderApp();

    await user.click(within(await screen.findByRole('alertdialog', { name: 'Load data from data.example.org?' })).getByRole('button', { name: 'Load' }));

    await waitFor(() => expect(banner()).toBeInTheDocument());
    expect(banner()).toHaveTextContent('Data from a-very-long-mirror-host-name.cdn.example.net, not the dashboard’s built-in dataset.');
    expect(banner()).toHaveTextContent(
      'Served from https://a-very-long-mirror-host-name.cdn.example.net/final/pk.json (the link asked for https://data.example.org/pk.json and was redirected)',
    );
    expect(datasetLabel()).toBe('URL: https://a-very-long-mirror-host-name.cdn.example.net/final/pk.json');
    expect(useDashboardStore.getState().datasetOrigin.remote?.host).toBe('a-very-long-mirror-host-name.cdn.example.net');
    // One button of that name, in the banner.
    expect(screen.getAllByRole('button', { name: 'Restore the built-in dataset' })).toHaveLength(1);

    await user.click(within(banner()).getByRole('button', { name: 'Restore the built-in dataset' }));
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
    expect(screen.queryByRole('note', { name: 'Data origin' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Restore the built-in dataset' })).toBeDisabled();
  });

  it('falls back to the built-in dataset and shows the problems when the address holds a bad dataset', async () => {
    mockFetch({ '/shared/bad.json': () => new Response('{"version": 1}') });
    window.history.replaceState(null, '', '/?data=/shared/bad.json');

    renderApp();

    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
    const heading = await screen.findByRole('heading', { name: `${window.location.origin}/shared/bad.json was not loaded` });
    const alert = heading.closest('[role="alert"]') as HTMLElement;
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toContain('version: must be text (got 1)');
    expect(window.location.search).toBe('');
  });

  it('says what happened on the network when the address cannot be fetched (CORS or no server)', async () => {
    const user = userEvent.setup();
    mockFetch();
    window.history.replaceState(null, '', '/?data=https://example.org/nowhere.json');
    renderApp();
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Load' }));
    const heading = await screen.findByRole('heading', { name: 'https://example.org/nowhere.json was not loaded' });
    const alert = heading.closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('example.org could not be reached, or it does not let other sites read this file (CORS).');
    expect(alert).toHaveTextContent('The browser said: Failed to fetch');
    expect(alert).not.toHaveTextContent('where in the file');
    expect(alert).toHaveTextContent('Nothing was changed. On screen: Built-in dataset.');
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
  });

  it('says the server answered 404, not that the file has problems', async () => {
    mockFetch({ '/shared/gone.json': () => new Response('Not here', { status: 404, statusText: 'Not Found' }) });
    window.history.replaceState(null, '', '/?data=/shared/gone.json');
    renderApp();
    const heading = await screen.findByRole('heading', { name: `${window.location.origin}/shared/gone.json was not loaded` });
    const alert = heading.closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent(`${window.location.host} answered 404 Not Found: there is no file at this address.`);
    expect(alert).not.toHaveTextContent('problem was found');
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
  });

  it('refuses javascript: and plain-http foreign addresses without asking or fetching them', async () => {
    const fetchMock = mockFetch();
    window.history.replaceState(null, '', `/?data=${encodeURIComponent('javascript:alert(1)')}`);
    renderApp();
    expect(await screen.findByText(/only https:\/\/ addresses, files on this site and addresses on this computer \(localhost\) can be loaded; this address uses javascript:/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() => expect(datasetLabel()).toBe('Built-in dataset'));
    expect(fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.includes('alert'))).toEqual([]);
  });

  it('refuses a plain-http address on another site', async () => {
    const fetchMock = mockFetch();
    window.history.replaceState(null, '', '/?data=http://example.org/data.json');
    renderApp();
    expect(await screen.findByText(/this address uses http:/)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([input]) => String(input)).filter((url) => url.includes('example.org'))).toEqual([]);
  });
});
