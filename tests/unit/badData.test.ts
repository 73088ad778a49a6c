/**
 * The malformed-dataset corpus (tests/fixtures/bad-data, described in its README): every file
 * goes through `loadDatasetFile`, the function the "Load dataset…" picker and the drop zone
 * call, and must produce exactly its expected problem lines while the dataset on screen, its
 * origin and the filters stay as they were.
 */
import { formatProblem } from '../../src/data/validation';
import { loadDatasetFile } from '../../src/import/loadDataset';
import { resetImportStore, useImportStore } from '../../src/import/importStore';
import { MAX_DATASET_BYTES } from '../../src/import/limits';
import { useDashboardStore } from '../../src/store/store';
import { smallDataset, smallDatasetText } from '../fixtures/loadFixture';

interface Expectation {
  description: string;
  /** The complete problem list, in order. */
  problems?: string[];
  /** For very long lists: the first lines, the total count and how many are listed. */
  first?: string[];
  total?: number;
  listed?: number;
}

// Read through Vite as raw text (the test project has no Node types); a File built from the
// text holds the same UTF-8 bytes the app would read, BOM and UTF-16 garbling included.
const files = import.meta.glob<string>('../fixtures/bad-data/*.json', { query: '?raw', import: 'default', eager: true });
const byName = new Map(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));
const expected = JSON.parse(byName.get('expected.json') ?? '{}') as Record<string, Expectation>;
byName.delete('expected.json');
const fixtureFiles = [...byName.keys()].sort();

function seedStore() {
  const store = useDashboardStore.getState();
  store.setDataset(smallDataset(), { kind: 'built-in', label: 'Built-in dataset' });
  store.setYearRange({ from: 2005, to: 2010 }, 'filter-bar');
  store.toggleTone('friction');
  const { dataset, datasetOrigin, filters } = useDashboardStore.getState();
  return { dataset, datasetOrigin, filters };
}

afterEach(() => resetImportStore());

describe('the bad-data corpus', () => {
  it('holds at least 40 fixtures, each with an expectation, and every expectation has its file', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(40);
    expect(fixtureFiles.filter((f) => !(f in expected))).toEqual([]);
    expect(Object.keys(expected).filter((f) => !fixtureFiles.includes(f))).toEqual([]);
  });

  it.each(fixtureFiles)('%s is rejected with its message and changes nothing', async (name) => {
    const before = seedStore();
    const outcome = await loadDatasetFile(new File([byName.get(name)!], name, { type: 'application/json' }));

    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    const lines = outcome.problems.map(formatProblem);
    const exp = expected[name]!;
    if (exp.problems) {
      expect(lines).toEqual(exp.problems);
      expect(outcome.problemCount).toBe(exp.problems.length);
    } else {
      expect(lines.slice(0, exp.first!.length)).toEqual(exp.first);
      expect(outcome.problemCount).toBe(exp.total);
      expect(lines).toHaveLength(exp.listed!);
    }

    // The UI reads the rejection from the import store: same file name, same problems.
    const rejection = useImportStore.getState().rejection;
    expect(rejection?.source).toBe(name);
    expect(rejection?.problems.map(formatProblem)).toEqual(lines);

    // Nothing lost: the same dataset object, origin and filters.
    const after = useDashboardStore.getState();
    expect(after.dataset).toBe(before.dataset);
    expect(after.datasetOrigin).toEqual(before.datasetOrigin);
    expect(after.filters).toEqual(before.filters);
  });

  it('keeps the byte-order mark of the BOM fixture (so the test really covers it)', () => {
    expect(byName.get('bom-with-defect.json')!.charCodeAt(0)).toBe(0xfeff);
  });

  it('refuses a 60 MB file on its size, without reading it', async () => {
    const before = seedStore();
    const chunk = 'x'.repeat(1024 * 1024);
    const huge = new File(Array.from({ length: 60 }, () => chunk), 'huge.json', { type: 'application/json' });
    expect(huge.size).toBeGreaterThan(MAX_DATASET_BYTES);
    const read = vi.spyOn(huge, 'text');

    const outcome = await loadDatasetFile(huge);

    expect(read).not.toHaveBeenCalled();
    expect(outcome.status === 'rejected' && outcome.problems.map(formatProblem)).toEqual([
      'the file is 60.0 MB; the largest dataset the dashboard reads is 50.0 MB, so it was not opened',
    ]);
    expect(useDashboardStore.getState().dataset).toBe(before.dataset);
    expect(useDashboardStore.getState().filters).toEqual(before.filters);
  });

  it('loads a valid file (with a BOM) through the same path, names it and resets the filters', async () => {
    seedStore();
    const outcome = await loadDatasetFile(new File([`\uFEFF${smallDatasetText()}`], 'mine.json'));
    expect(outcome).toMatchObject({ status: 'loaded', origin: { kind: 'file', local: { fileName: 'mine.json', rows: 11, merged: false } } });
    const state = useDashboardStore.getState();
    expect(state.datasetOrigin.label).toMatch(/^Your data: mine\.json, 11 rows, loaded \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    expect(state.dataset?.version).toBe('test-1');
    expect(state.filters.yearRange).toBeNull();
    expect(state.filters.tones).toEqual([]);
    expect(useImportStore.getState().rejection).toBeNull();
  });

  it('accepts partial data: a file without strikes loads', async () => {
    seedStore();
    const partial = smallDataset();
    delete partial.strikes;
    delete partial.strikeYears;
    const outcome = await loadDatasetFile(new File([JSON.stringify(partial)], 'no-strikes.json'));
    expect(outcome.status).toBe('loaded');
    expect(useDashboardStore.getState().dataset?.strikes).toBeUndefined();
  });

  it('keeps only the newest of two overlapping loads', async () => {
    seedStore();
    const slow = loadDatasetFile(new File([smallDatasetText()], 'first.json'));
    const fast = loadDatasetFile(new File([smallDatasetText()], 'second.json'));
    expect((await slow).status).toBe('superseded');
    expect((await fast).status).toBe('loaded');
    expect(useDashboardStore.getState().datasetOrigin.local?.fileName).toBe('second.json');
  });

  it('shows a rejected file’s name and quoted values without bidirectional controls, and changes nothing', async () => {
    const before = seedStore();
    const broken = smallDataset() as unknown as { aid: { amount: unknown }[] };
    broken.aid[0]!.amount = 'ten\u202E';
    const outcome = await loadDatasetFile(new File([JSON.stringify(broken)], 'report\u202Enosj.json'));
    expect(outcome.status).toBe('rejected');
    const rejection = useImportStore.getState().rejection;
    expect(rejection?.source).toBe('reportnosj.json');
    expect(rejection?.problems.map(formatProblem)).toEqual(['aid[0].amount: must be a number ≥ 0 (got "ten")']);
    expect(rejection?.problems.map(formatProblem).join('\n')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(useDashboardStore.getState().dataset).toBe(before.dataset);
  });

  it('loads a valid file whose text holds bidirectional controls, with them removed', async () => {
    seedStore();
    const hostile = smallDataset();
    hostile.events![0]!.title = '\u2066Sanctions\u2069 \u202Edeviaw';
    const outcome = await loadDatasetFile(new File([JSON.stringify(hostile)], 'mine.json'));
    expect(outcome.status).toBe('loaded');
    expect(useDashboardStore.getState().dataset?.events?.[0]?.title).toBe('Sanctions deviaw');
  });
});
