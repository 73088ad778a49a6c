import { DatasetInvalidError, DatasetNetworkError, datasetQueryOptions, fetchDataset } from '../../src/data/datasetQuery';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { smallDatasetText } from '../fixtures/loadFixture';
import { validateDataset } from '../../src/data/validation';

declare const __BUILT_IN_DATASET_SHA256__: string | null;
const shippedText = readFileSync('public/data/dataset.json', 'utf8');

const respondWith = (body: string, init?: ResponseInit) => vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, init));

afterEach(() => vi.restoreAllMocks());

describe('fetchDataset', () => {
  it('returns the validated dataset', async () => {
    respondWith(smallDatasetText());
    const dataset = await fetchDataset('/data/dataset.json');
    expect(dataset.version).toBe('test-1');
    expect(dataset.events?.map((e) => e.id)).toEqual(['ev-2001-sanctions', 'ev-2011-salala']);
  });

  it('turns an HTTP error into a network error naming the status', async () => {
    respondWith('nope', { status: 503, statusText: 'Service Unavailable' });
    await expect(fetchDataset('/data/dataset.json')).rejects.toThrow(new DatasetNetworkError('The server answered 503 Service Unavailable for /data/dataset.json'));
  });

  it('turns a refused connection into a network error', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(fetchDataset('/x.json')).rejects.toBeInstanceOf(DatasetNetworkError);
  });

  it('turns an invalid file into a list of problems', async () => {
    respondWith('{"version": 3}');
    const error = await fetchDataset('/x.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetInvalidError);
    expect((error as DatasetInvalidError).problems.map((p) => p.path)).toEqual(expect.arrayContaining(['version', 'generated', 'sources']));
  });
});

describe('the shipped dataset, checked at build', () => {
  it('is given to the app by the digest of the exact bytes that passed validation', () => {
    expect(__BUILT_IN_DATASET_SHA256__).toBe(createHash('sha256').update(readFileSync('public/data/dataset.json')).digest('hex'));
  });

  it('loads as the same dataset the validator returns', async () => {
    respondWith(shippedText);
    const dataset = await fetchDataset('/data/dataset.json');
    const validated = validateDataset(JSON.parse(shippedText));
    expect(validated.ok).toBe(true);
    expect(dataset).toEqual(validated.ok && validated.dataset);
  });

  it('is validated again when a single value was changed after the build', async () => {
    const strikeId = (JSON.parse(shippedText) as { strikes: { id: string }[] }).strikes[0]!.id;
    const tampered = shippedText.replace(/"civiliansMin":\s*(\d+|null)/, '"civiliansMin": -1');
    expect(tampered).not.toBe(shippedText);
    respondWith(tampered);
    const error = await fetchDataset('/data/dataset.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetInvalidError);
    expect((error as DatasetInvalidError).problems).toContainEqual(expect.objectContaining({ rowId: strikeId, message: 'must be a number ≥ 0' }));
  });
});

describe('datasetQueryOptions', () => {
  it('keeps the dataset fresh forever and retries only network failures', () => {
    const options = datasetQueryOptions('/data/dataset.json');
    expect(options.staleTime).toBe(Infinity);
    expect(options.queryKey).toEqual(['dataset', '/data/dataset.json']);
    const retry = options.retry as (count: number, error: Error) => boolean;
    expect(retry(0, new DatasetNetworkError('x'))).toBe(true);
    expect(retry(1, new DatasetNetworkError('x'))).toBe(false);
    expect(retry(0, new DatasetInvalidError([]))).toBe(false);
  });
});
