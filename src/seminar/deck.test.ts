import { beforeEach, describe, expect, it } from 'vitest';
import datasetText from '../../public/data/dataset.json?raw';
import { validateDataset } from '../data/validation';
import { DEFAULT_FILTERS } from '../crossfilter/filters';
import { encodeUrlState } from '../url/urlCodec';
import { useDashboardStore } from '../store/store';
import { applySlide, captureSlide, describeSlideQuery, DECK_BACKUP_KEY, DECK_STORAGE_KEY, formatDeckProblems, LAYOUT_LABELS, layoutCells, loadDeck, MAX_SLIDES, SLIDE_LAYOUTS, parseDeckText, saveDeck, serializeDeck, slideToFilters, validateDeck, type Deck } from './deck';
import { EXAMPLE_DECK } from './exampleDeck';
import { createSeminarStore, EMPTY_DECK, hasUnsavedWork } from './seminarStore';

const parsed = validateDataset(JSON.parse(datasetText));
if (!parsed.ok) throw new Error('the shipped dataset must be valid');
const dataset = parsed.dataset;

const clone = (deck: Deck = EXAMPLE_DECK): Deck => JSON.parse(JSON.stringify(deck)) as Deck;
const problemsOf = (input: unknown) => {
  const result = validateDeck(input);
  if (result.ok) throw new Error('expected the deck to be rejected');
  return formatDeckProblems(result.problems);
};

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('DeckSchema', () => {
  it('accepts the example deck and round-trips it through export and import', () => {
    const text = serializeDeck(EXAMPLE_DECK);
    const result = parseDeckText(text);
    expect(result).toEqual({ ok: true, deck: EXAMPLE_DECK });
  });

  it('rejects wrong types and missing fields, naming each JSON path', () => {
    const deck = clone() as unknown as { slides: Record<string, unknown>[]; title: unknown };
    deck.title = 42;
    deck.slides[1]!.layout = 'carousel';
    delete deck.slides[2]!.caption;
    deck.slides[3]!.sources = 'tbij';
    const problems = problemsOf(deck);
    expect(problems).toContain('title: must be text (got 42)');
    expect(problems.some((p) => p.startsWith('slides[1].layout: must be one of "grid", "aid"'))).toBe(true);
    expect(problems).toContain('slides[2].caption: is required but missing');
    expect(problems).toContain('slides[3].sources: must be a list (got "tbij")');
  });

  it('rejects filter query strings the URL codec cannot read in full', () => {
    const deck = clone();
    deck.slides[0]!.query = '?from=banana&tone=angry';
    deck.slides[1]!.query = 'from=2001';
    deck.slides[2]!.query = '?data=https://example.org/x.json';
    const problems = problemsOf(deck);
    expect(problems.find((p) => p.startsWith('slides[0].query'))).toMatch(/not a valid filter query: from="banana" is not a year; tone: unknown value "angry"/);
    expect(problems.find((p) => p.startsWith('slides[1].query'))).toMatch(/start with "\?"/);
    expect(problems.find((p) => p.startsWith('slides[2].query'))).toMatch(/data=/);
  });

  it('rejects too many slides, no slides, repeated ids, unknown fields and other formats', () => {
    const many = clone();
    many.slides = Array.from({ length: MAX_SLIDES + 1 }, (_, i) => ({ ...EXAMPLE_DECK.slides[0]!, id: `s${i}` }));
    expect(problemsOf(many)).toEqual([`slides: must hold at most ${MAX_SLIDES} slides (got a list of ${MAX_SLIDES + 1})`]);
    // An empty deck is a deck ("New deck" makes one).
    expect(validateDeck({ ...clone(), slides: [] })).toEqual({ ok: true, deck: { ...clone(), slides: [] } });
    const repeated = clone();
    repeated.slides[1]!.id = repeated.slides[0]!.id;
    expect(problemsOf(repeated)).toEqual([`slides[1].id: repeats the id "${repeated.slides[0]!.id}" of an earlier slide (got "${repeated.slides[0]!.id}")`]);
    expect(problemsOf({ ...clone(), extra: true })).toEqual(['has unknown field extra']);
    expect(problemsOf({ ...clone(), format: 'something-else' })[0]).toMatch(/^format: must be one of "pk-us-dashboard-deck"/);
    expect(problemsOf([1, 2])).toEqual(['a deck must be a JSON object with "format", "version", "title" and "slides" (got a list of 2)']);
  });

  it('loads decks saved before speaker notes existed, and keeps notes when present', () => {
    const old = clone();
    for (const slide of old.slides) expect(slide).not.toHaveProperty('notes');
    expect(validateDeck(old).ok).toBe(true);
    const withNotes = clone();
    withNotes.slides[0]!.notes = 'Start with the map.';
    expect(parseDeckText(serializeDeck(withNotes))).toEqual({ ok: true, deck: withNotes });
    expect(problemsOf({ ...withNotes, slides: [{ ...withNotes.slides[0]!, notes: 5 }] })).toEqual(['slides[0].notes: must be text (got 5)']);
  });

  it('reports text that is not JSON', () => {
    const result = parseDeckText('{"format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/^the file is not valid JSON/);
    expect(parseDeckText('  ')).toEqual({ ok: false, problems: [{ path: '', message: 'the file is empty' }] });
  });
});

describe('panel slide variants', () => {
  it('a panel’s own variant is a layout of one cell, named by the panel and the variant', () => {
    expect(SLIDE_LAYOUTS).toContain('lens:claims');
    expect(layoutCells('lens:claims')).toEqual({ arrangement: 'single', cells: [{ panel: 'lens', variant: 'claims' }] });
    expect(LAYOUT_LABELS['lens:claims']).toBe('Only: Carrot and stick: Claims vs data');
    // A variant the panel does not list is no layout (the grid is shown instead).
    expect(SLIDE_LAYOUTS).not.toContain('lens:table');
    expect(layoutCells('lens:table').arrangement).toBe('grid');
  });
});

describe('the example deck', () => {
  it('has 10–16 slides with captions and sources that exist in the shipped dataset', () => {
    expect(EXAMPLE_DECK.slides.length).toBeGreaterThanOrEqual(10);
    expect(EXAMPLE_DECK.slides.length).toBeLessThanOrEqual(16);
    const sourceIds = new Set(dataset.sources.map((s) => s.id));
    for (const slide of EXAMPLE_DECK.slides) {
      expect(slide.caption.length, slide.id).toBeGreaterThan(40);
      expect(slide.sources.length, slide.id).toBeGreaterThan(0);
      for (const id of slide.sources) expect(sourceIds.has(id), `${slide.id}: source ${id}`).toBe(true);
    }
  });

  it('selects real events and incidents, within the dataset years, in canonical query form', () => {
    const bounds = { min: dataset.coverage.from, max: dataset.coverage.to };
    for (const slide of EXAMPLE_DECK.slides) {
      const filters = slideToFilters(slide, bounds);
      expect(encodeUrlState(filters), slide.id).toBe(slide.query);
      const sel = filters.selection;
      if (sel) {
        const table = sel.kind === 'event' ? dataset.events : sel.kind === 'incident' ? dataset.incidents : dataset.strikes;
        expect(table?.some((row) => row.id === sel.id), `${slide.id}: ${sel.kind} ${sel.id}`).toBe(true);
      }
    }
  });
});

describe('slides and the dashboard store', () => {
  it('applySlide puts the slide filters in the store; captureSlide takes them back', () => {
    useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
    const slide = EXAMPLE_DECK.slides[4]!;
    const filters = applySlide(slide);
    expect(useDashboardStore.getState().filters).toEqual(filters);
    expect(filters.yearRange).toEqual({ from: 2011, to: 2011 });
    expect(filters.tones).toEqual(['friction']);
    expect(filters.selection).toEqual({ kind: 'event', id: '2011-abbottabad' });
    const captured = captureSlide(filters, EXAMPLE_DECK.slides, 'timeline', dataset);
    expect(captured.query).toBe(slide.query);
    expect(captured.layout).toBe('timeline');
    // Titled from what is shown: the selected event.
    expect(captured.title).toBe(dataset.events!.find((e) => e.id === '2011-abbottabad')!.title);
  });

  it('titles a slide without a selection from the panel, the years and the filters, and describes panel settings', () => {
    const filters = { ...DEFAULT_FILTERS, yearRange: { from: 2008, to: 2011 }, tones: ['friction' as const], aidView: 'programme' as const };
    expect(captureSlide(filters, [], 'grid', dataset).title).toBe('2008–2011 · friction · by programme');
    expect(captureSlide(filters, [], 'drones', dataset).title).toBe('Drone strikes: 2008–2011 · friction');
    expect(captureSlide(DEFAULT_FILTERS, [], 'grid', dataset).title).toBe(`All years (${dataset.coverage.from}–${dataset.coverage.to})`);
    const query = captureSlide(filters, [], 'grid', dataset).query;
    expect(describeSlideQuery(query, 'grid', dataset)).toBe('Years 2008–2011 · tone: friction · By programme');
    expect(describeSlideQuery(query, 'map', dataset)).toBe('Years 2008–2011 · tone: friction');
    const hidden = captureSlide({ ...DEFAULT_FILTERS, mapLayers: { incidents: true, strikes: false, operations: true }, droneCompare: true }, [], 'grid', dataset).query;
    expect(describeSlideQuery(hidden, 'grid', dataset)).toBe('All years · By category · drone sources compared · map layers hidden: strikes');
  });

  it('drops a selection that the loaded dataset does not hold', () => {
    useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
    applySlide({ query: '?sel=event%3Anot-in-this-dataset' });
    expect(useDashboardStore.getState().filters).toEqual(DEFAULT_FILTERS);
  });
});

describe('persistence', () => {
  beforeEach(() => localStorage.clear());

  it('falls back to the example deck when nothing is saved', () => {
    expect(loadDeck(EXAMPLE_DECK, memoryStorage())).toEqual({ deck: EXAMPLE_DECK, notice: null, fromStorage: false });
  });

  it('reads back a saved deck', () => {
    const storage = memoryStorage();
    const deck = { ...clone(), title: 'My talk' };
    expect(saveDeck(deck, storage)).toBeNull();
    expect(loadDeck(EXAMPLE_DECK, storage)).toEqual({ deck, notice: null, fromStorage: true });
  });

  it('survives corrupt storage: bad JSON or an invalid deck gives the example deck, a notice and a backup', () => {
    const storage = memoryStorage({ [DECK_STORAGE_KEY]: '{not json' });
    const loaded = loadDeck(EXAMPLE_DECK, storage);
    expect(loaded.deck).toBe(EXAMPLE_DECK);
    expect(loaded.notice).toMatch(/could not be read \(the file is not valid JSON/);
    expect(storage.data.get(DECK_BACKUP_KEY)).toBe('{not json');

    const invalid = memoryStorage({ [DECK_STORAGE_KEY]: JSON.stringify({ ...clone(), slides: 'none' }) });
    expect(loadDeck(EXAMPLE_DECK, invalid).notice).toMatch(/slides: must be a list/);
  });

  it('never throws when storage itself throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(loadDeck(EXAMPLE_DECK, broken).deck).toBe(EXAMPLE_DECK);
    expect(saveDeck(EXAMPLE_DECK, broken)).toMatch(/could not be saved/);
  });

  it('the store saves every edit to localStorage and a new store (a reload) reads it back', () => {
    const store = createSeminarStore();
    const first = store.getState().deck.slides[0]!;
    store.getState().updateSlide(first.id, { title: 'Opening' });
    store.getState().moveSlide(first.id, 1);
    const saved = JSON.parse(localStorage.getItem(DECK_STORAGE_KEY)!) as Deck;
    expect(saved.slides[1]!.title).toBe('Opening');
    const reloaded = createSeminarStore();
    expect(reloaded.getState().deck).toEqual(store.getState().deck);
  });

  it('a corrupt saved deck starts the store on the example deck with a notice', () => {
    localStorage.setItem(DECK_STORAGE_KEY, '][');
    const store = createSeminarStore();
    expect(store.getState().deck).toEqual(EXAMPLE_DECK);
    expect(store.getState().storageNotice).toMatch(/could not be read/);
  });

  it('deleting, replacing and "New deck" can be undone; the last slide can be deleted too', () => {
    const store = createSeminarStore();
    const before = store.getState().deck;
    store.getState().deleteSlide(before.slides[0]!.id);
    expect(store.getState().deck.slides).toHaveLength(before.slides.length - 1);
    store.getState().undo();
    expect(store.getState().deck).toEqual(before);
    store.getState().replaceDeck({ ...before, slides: [before.slides[0]!] });
    store.getState().deleteSlide(before.slides[0]!.id);
    expect(store.getState().deck.slides).toEqual([]);
    store.getState().undo();
    expect(store.getState().deck.slides).toEqual([before.slides[0]]);

    store.getState().newDeck();
    expect(store.getState().deck).toEqual(EMPTY_DECK);
    expect(createSeminarStore().getState().deck).toEqual(EMPTY_DECK);
    store.getState().undo();
    expect(store.getState().deck.slides).toEqual([before.slides[0]]);
  });

  it('moves a slide to any position (drag and drop)', () => {
    const store = createSeminarStore();
    const ids = store.getState().deck.slides.map((s) => s.id);
    store.getState().moveSlideTo(ids[0]!, 3);
    expect(store.getState().deck.slides.map((s) => s.id)).toEqual([ids[1], ids[2], ids[3], ids[0], ...ids.slice(4)]);
    store.getState().moveSlideTo(ids[0]!, 0);
    expect(store.getState().deck.slides.map((s) => s.id)).toEqual(ids);
  });

  it('two tabs editing the deck both keep their slides: each edit builds on what the other saved', () => {
    const tabA = createSeminarStore();
    const tabB = createSeminarStore();
    const filters = DEFAULT_FILTERS;
    expect(tabA.getState().addSlide(captureSlide(filters, [], 'grid', dataset))).toBeNull();
    expect(tabB.getState().addSlide({ ...captureSlide(filters, [], 'aid', dataset), title: 'From B' })).toBeNull();
    const saved = JSON.parse(localStorage.getItem(DECK_STORAGE_KEY)!) as Deck;
    expect(saved.slides).toHaveLength(EXAMPLE_DECK.slides.length + 2);
    expect(saved.slides.at(-1)!.title).toBe('From B');
    expect(tabB.getState().deck).toEqual(saved);
  });

  it('picks up a deck another tab saved (the storage event)', () => {
    const store = createSeminarStore();
    const other = { ...clone(), title: 'Changed elsewhere' };
    const raw = JSON.stringify(other);
    localStorage.setItem(DECK_STORAGE_KEY, raw);
    window.dispatchEvent(new StorageEvent('storage', { key: DECK_STORAGE_KEY, newValue: raw }));
    expect(store.getState().deck.title).toBe('Changed elsewhere');
    expect(store.getState().notice?.text).toMatch(/changed in another tab/);
  });

  it('a refused save is reported at once and the deck stays on screen, counted as unsaved work', () => {
    const store = createSeminarStore();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const slide = captureSlide(DEFAULT_FILTERS, [], 'grid', dataset);
    expect(store.getState().addSlide(slide)).toMatch(/could not be saved/);
    expect(store.getState().saveError).toMatch(/could not be saved/);
    expect(store.getState().deck.slides.at(-1)).toEqual(slide);
    expect(hasUnsavedWork(store.getState())).toBe(true);
    setItem.mockRestore();
    expect(store.getState().addSlide(captureSlide(DEFAULT_FILTERS, store.getState().deck.slides, 'grid', dataset))).toBeNull();
    expect(store.getState().saveError).toBeNull();
    expect((JSON.parse(localStorage.getItem(DECK_STORAGE_KEY)!) as Deck).slides).toHaveLength(EXAMPLE_DECK.slides.length + 2);
  });

  it('counts a deck as unsaved work until it is in a file', () => {
    const store = createSeminarStore();
    expect(hasUnsavedWork(store.getState())).toBe(false);
    store.getState().replaceDeckTitle('Mine');
    expect(hasUnsavedWork(store.getState())).toBe(true);
    store.getState().markInFile();
    expect(hasUnsavedWork(store.getState())).toBe(false);
  });
});
