/**
 * Where the data came from: the `?data=` request's timeout and network messages, the origin
 * named after a redirect, the words every export and slide carries, and the neutralising of
 * bidirectional control characters in text from outside.
 */
import { neutralizeBidi, neutralizeBidiDeep } from '../../src/data/bidi';
import { originDetails, originSource, originStatement } from '../../src/import/dataOrigin';
import { resetImportStore, useImportStore } from '../../src/import/importStore';
import { DATA_FETCH_TIMEOUT_MS, fileOrigin, foreignDataAddress, loadDatasetFromUrl, urlOrigin } from '../../src/import/loadDataset';
import { BUILT_IN_ORIGIN } from '../../src/store/datasetSlice';
import { useDashboardStore } from '../../src/store/store';
import { parseDeckText, serializeDeck } from '../../src/seminar/deck';
import { EXAMPLE_DECK } from '../../src/seminar/exampleDeck';
import { smallDataset, smallDatasetText } from '../fixtures/loadFixture';

/** A fetch that never answers, as a stalled server; it fails only when its signal aborts, as the browser's does. */
function hangingFetch() {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(
    (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      }),
  );
}

function seedStore() {
  useDashboardStore.getState().setDataset(smallDataset(), BUILT_IN_ORIGIN);
  useDashboardStore.getState().setYearRange({ from: 2005, to: 2010 }, 'filter-bar');
  return useDashboardStore.getState();
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  resetImportStore();
});

describe('a ?data= request', () => {
  it('that does not answer is stopped after 30 s with a message about the network, and nothing changes', async () => {
    vi.useFakeTimers();
    const before = seedStore();
    hangingFetch();
    let settled = false;
    const loading = loadDatasetFromUrl('https://slow.example.org/pk.json').then((outcome) => {
      settled = true;
      return outcome;
    });

    await vi.advanceTimersByTimeAsync(DATA_FETCH_TIMEOUT_MS - 1);
    expect(settled).toBe(false);
    expect(useImportStore.getState().busy).toBe('Loading https://slow.example.org/pk.json…');
    await vi.advanceTimersByTimeAsync(1);

    const outcome = await loading;
    expect(DATA_FETCH_TIMEOUT_MS).toBe(30_000);
    expect(outcome).toMatchObject({ status: 'rejected', network: true });
    expect(outcome.status === 'rejected' && outcome.problems.map((p) => p.message)).toEqual([
      'slow.example.org did not answer within 30 seconds, so the request was stopped. The server may be down or very slow; try again later.',
    ]);
    expect(useImportStore.getState()).toMatchObject({ busy: null, rejection: { source: 'https://slow.example.org/pk.json', network: true } });
    const after = useDashboardStore.getState();
    expect(after.dataset).toBe(before.dataset);
    expect(after.datasetOrigin).toBe(BUILT_IN_ORIGIN);
    expect(after.filters).toEqual(before.filters);
  });

  it('whose body stalls after the headers is stopped by the same timer', async () => {
    vi.useFakeTimers();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"version": "x", '));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('The operation was aborted.', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    });
    const loading = loadDatasetFromUrl('https://slow.example.org/pk.json');
    await vi.advanceTimersByTimeAsync(DATA_FETCH_TIMEOUT_MS);
    const outcome = await loading;
    expect(outcome.status === 'rejected' && outcome.problems[0]?.message).toMatch(/^slow\.example\.org did not answer within 30 seconds/);
  });

  it('cancelled by a newer load is dropped quietly, without a timeout message later', async () => {
    vi.useFakeTimers();
    hangingFetch();
    const controller = new AbortController();
    const loading = loadDatasetFromUrl('https://slow.example.org/pk.json', controller.signal);
    controller.abort();
    expect(await loading).toEqual({ status: 'superseded' });
    await vi.advanceTimersByTimeAsync(DATA_FETCH_TIMEOUT_MS);
    expect(useImportStore.getState().rejection).toBeNull();
  });

  it.each([
    [404, 'Not Found', 'data.example.org answered 404 Not Found: there is no file at this address. Check the link.'],
    [503, 'Service Unavailable', 'data.example.org answered 503 Service Unavailable, so it sent no dataset. The server had a problem; try again later.'],
    [403, '', 'data.example.org answered 403, so it sent no dataset. Check the link, or whether the file needs a login.'],
  ])('answered %i gets a message about the server, not about the file', async (status, statusText, message) => {
    seedStore();
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('<html>nope</html>', { status, statusText }));
    const outcome = await loadDatasetFromUrl('https://data.example.org/pk.json');
    expect(outcome).toMatchObject({ status: 'rejected', network: true, problems: [{ path: '', message }] });
  });

  it('that the browser refuses (CORS, no server) names the host and the likely causes', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const outcome = await loadDatasetFromUrl('https://data.example.org:8443/pk.json');
    expect(outcome.status === 'rejected' && outcome.problems[0]?.message).toBe(
      'data.example.org:8443 could not be reached, or it does not let other sites read this file (CORS). Check the address and the connection, or ask the site’s owner to allow cross-origin requests. The browser said: Failed to fetch',
    );
  });

  it('that is redirected is named by the server that sent the data (the response URL)', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      const response = new Response(smallDatasetText());
      Object.defineProperty(response, 'url', { value: 'http://localhost:9/final.json' });
      return response;
    });
    const outcome = await loadDatasetFromUrl('https://data.example.org/pk.json');
    expect(outcome).toEqual({
      status: 'loaded',
      origin: { kind: 'url', label: 'URL: http://localhost:9/final.json', remote: { url: 'http://localhost:9/final.json', host: 'localhost:9', requested: 'https://data.example.org/pk.json' } },
    });
    expect(useDashboardStore.getState().datasetOrigin.remote?.host).toBe('localhost:9');
  });
});

describe('which ?data= addresses ask first', () => {
  it('asks for another origin (another host, port or scheme) and not for a file on this site', () => {
    expect(foreignDataAddress('/shared/pk.json')).toBeNull();
    expect(foreignDataAddress(`${window.location.origin}/x.json`)).toBeNull();
    expect(foreignDataAddress('https://data.example.org/pk.json')).toEqual({ host: 'data.example.org', href: 'https://data.example.org/pk.json' });
    expect(foreignDataAddress('http://127.0.0.1:4999/pk.json')).toEqual({ host: '127.0.0.1:4999', href: 'http://127.0.0.1:4999/pk.json' });
    // Refused anyway (its problem is shown instead of a question).
    expect(foreignDataAddress('http://example.org/pk.json')).toBeNull();
    expect(foreignDataAddress('javascript:alert(1)')).toBeNull();
  });

  it('names an international host in its ASCII form, so look-alike letters cannot pass for another site', () => {
    expect(foreignDataAddress('https://раураl.com/x.json')?.host).toMatch(/^xn--[a-z0-9-]+\.com$/);
  });
});

describe('the words for the data’s origin', () => {
  it('say nothing for the built-in dataset', () => {
    expect(originSource(BUILT_IN_ORIGIN)).toBeNull();
    expect(originStatement(BUILT_IN_ORIGIN)).toBeNull();
    expect(originDetails(BUILT_IN_ORIGIN)).toBeNull();
  });

  it('name the host of an address, with the full address in the details', () => {
    const origin = urlOrigin('https://mirror.example.net/a/b.json', 'https://data.example.org/pk.json');
    expect(originStatement(origin)).toBe('Data from mirror.example.net, not the dashboard’s built-in dataset');
    expect(originDetails(origin)).toBe('Data from mirror.example.net, not the dashboard’s built-in dataset (address: https://mirror.example.net/a/b.json)');
  });

  it('name the user’s file, and a merge as the built-in dataset plus that file', () => {
    expect(originStatement(fileOrigin('pbc.csv', smallDataset()))).toBe('Data from the file pbc.csv, not the dashboard’s built-in dataset');
    expect(originStatement(fileOrigin('pbc.csv', smallDataset(), { merged: true }))).toBe('Data from the built-in dataset plus the file pbc.csv, not the dashboard’s built-in dataset');
  });
});

describe('bidirectional control characters', () => {
  const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

  it('are removed, each of U+202A–U+202E and U+2066–U+2069', () => {
    for (const c of CONTROLS) expect(neutralizeBidi(`a${c}b`)).toBe('ab');
    expect(neutralizeBidi('invoice_\u202Efdp.exe')).toBe('invoice_fdp.exe');
  });

  it('leave other text alone: the neighbours of the ranges, direction marks, Urdu', () => {
    const text = 'x\u2029\u202F\u2065\u206A\u200E\u200F پاکستان';
    expect(neutralizeBidi(text)).toBe(text);
  });

  it('are removed from every string of a dataset, which is copied only where it changes', () => {
    const clean = smallDataset();
    expect(neutralizeBidiDeep(clean)).toBe(clean);
    const hostile = smallDataset();
    hostile.events![0]!.title = 'Aid \u202Edeveiler\u202C';
    const result = neutralizeBidiDeep(hostile);
    expect(result.events![0]!.title).toBe('Aid deveiler');
    expect(result.events![1]).toBe(hostile.events![1]);
    expect(result.aid).toBe(hostile.aid);
    expect(hostile.events![0]!.title).toBe('Aid \u202Edeveiler\u202C');
  });

  it('never reach the screen from a loaded dataset or its file name', async () => {
    const hostile = smallDataset();
    hostile.events![0]!.title = 'Salala \u2067attack\u2069';
    hostile.sources[0]!.title = '\u202Ereversed';
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(hostile)));
    await loadDatasetFromUrl('/shared/pk.json');
    const { dataset } = useDashboardStore.getState();
    expect(dataset?.events?.[0]?.title).toBe('Salala attack');
    expect(dataset?.sources[0]?.title).toBe('reversed');
    expect(fileOrigin('my\u202Egnp.json', smallDataset()).local?.fileName).toBe('mygnp.json');
  });

  it('never reach the screen from an imported deck’s titles and speaker notes', () => {
    const deck = structuredClone(EXAMPLE_DECK);
    deck.title = 'Talk \u202Eevil';
    deck.slides[0]!.notes = 'Note \u2066isolated\u2069';
    const result = parseDeckText(serializeDeck(deck));
    expect(result.ok && result.deck.title).toBe('Talk evil');
    expect(result.ok && result.deck.slides[0]!.notes).toBe('Note isolated');
  });
});
