import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import datasetText from '../../public/data/dataset.json?raw';
import { validateDataset } from '../data/validation';
import { useDashboardStore } from '../store/store';
import { DECK_STORAGE_KEY, serializeDeck, type Deck } from './deck';
import { EXAMPLE_DECK } from './exampleDeck';
import { useSeminarStore } from './seminarStore';

// Leaflet needs an SVG renderer; jsdom has no SVG geometry (see BorderMapPanel.test.tsx).
vi.hoisted(() => {
  const proto = globalThis.SVGSVGElement?.prototype as { createSVGRect?: () => DOMRect } | undefined;
  if (proto && !proto.createSVGRect) proto.createSVGRect = () => new DOMRect();
});

const { SeminarControls, SeminarRoot } = await import('./index');
// Present mode loads on demand; on a busy machine the first lazy load can take a few seconds.
configure({ asyncUtilTimeout: 10_000 });
await import('./SeminarView');

const parsed = validateDataset(JSON.parse(datasetText));
if (!parsed.ok) throw new Error('the shipped dataset must be valid');
const dataset = parsed.dataset;
const initialSeminar = useSeminarStore.getState();

function renderSeminar() {
  useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SeminarControls />
      <SeminarRoot />
    </QueryClientProvider>,
  );
}

const seminar = () => screen.getByRole('main', { name: 'Seminar mode' });
const yearRange = () => useDashboardStore.getState().filters.yearRange;

beforeEach(() => {
  localStorage.clear();
  useSeminarStore.setState({ ...initialSeminar, deck: EXAMPLE_DECK, active: false, index: 0, digits: '', layout: 'grid', notice: null, undoDeck: null, storageNotice: null }, true);
  // The basemap request has no server in jsdom; the map panel shows its own error state.
  vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline in tests'));
});

afterEach(() => {
  act(() => useSeminarStore.getState().exit());
  vi.restoreAllMocks();
});

// Every test renders the four real panels on the real dataset: slow in jsdom.
describe('seminar mode', { timeout: 30_000 }, () => {
  it('"Present" enters seminar mode with the first slide applied, in page when full screen is unavailable', async () => {
    const user = userEvent.setup();
    renderSeminar();
    expect(screen.queryByRole('main', { name: 'Seminar mode' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    expect(seminar()).toBeInTheDocument();
    expect(within(seminar()).getByRole('heading', { level: 1, name: EXAMPLE_DECK.slides[0]!.title })).toBeInTheDocument();
    expect(within(seminar()).getByText(`Slide 1 of ${EXAMPLE_DECK.slides.length}`)).toBeInTheDocument();
    const progress = within(seminar()).getByRole('progressbar', { name: 'Slide progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '1');
    expect(progress).toHaveAttribute('aria-valuemax', String(EXAMPLE_DECK.slides.length));
    for (const name of ['US aid to Pakistan', 'Drone strikes', 'Border incidents map', 'Cooperation and friction timeline']) {
      expect(await within(seminar()).findByRole('region', { name })).toBeInTheDocument();
    }
    expect(document.documentElement).toHaveClass('seminar-active');
  });

  it('keyboard navigation applies each slide’s filters', async () => {
    const user = userEvent.setup();
    renderSeminar();
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    expect(yearRange()).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(yearRange()).toEqual({ from: 2001, to: 2001 });
    expect(useDashboardStore.getState().filters.selection).toEqual({ kind: 'event', id: '2001-sanctions-waived' });
    await user.keyboard('{PageDown}');
    expect(yearRange()).toEqual({ from: 2004, to: 2004 });
    await user.keyboard('{ArrowLeft}');
    expect(yearRange()).toEqual({ from: 2001, to: 2001 });
    await user.keyboard('{End}');
    expect(yearRange()).toEqual({ from: 2022, to: 2024 });
    expect(within(seminar()).getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(EXAMPLE_DECK.slides.length));
    await user.keyboard('{Home}');
    expect(yearRange()).toBeNull();
    await user.keyboard('5{Enter}');
    expect(yearRange()).toEqual({ from: 2011, to: 2011 });
    expect(useDashboardStore.getState().filters.tones).toEqual(['friction']);
    expect(within(seminar()).getByText(`Slide 5 of ${EXAMPLE_DECK.slides.length}`)).toBeInTheDocument();
    // A one-panel slide shows only that panel.
    expect(await within(seminar()).findByRole('region', { name: 'Cooperation and friction timeline' })).toBeVisible();
    expect(within(seminar()).queryByRole('region', { name: 'US aid to Pakistan' })).toBeNull();
  });

  it('shows the slide’s years in the From/To fields, and B restores the slide after a live change', async () => {
    const user = userEvent.setup();
    renderSeminar();
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    await user.keyboard('{ArrowRight}{ArrowRight}');
    // The live filters are out of sight until F (jsdom has no CSS, so they are reachable here).
    await user.keyboard('f');
    expect(within(seminar()).getByRole('button', { name: 'Filters' })).toHaveAttribute('aria-expanded', 'true');
    const from = within(seminar()).getByRole('spinbutton', { name: 'From year' });
    const to = within(seminar()).getByRole('spinbutton', { name: 'To year' });
    expect(from).toHaveValue(2004);
    expect(to).toHaveValue(2004);

    // A live answer: "what about 2008 to 2012?"
    fireEvent.change(to, { target: { value: '2012' } });
    await user.click(within(seminar()).getByRole('button', { name: 'Friction' }));
    expect(yearRange()).toEqual({ from: 2004, to: 2012 });
    expect(within(seminar()).getByText(/Live view: filters changed/)).toBeInTheDocument();

    // B while a field has focus is typing, not a command: move focus off the field first.
    seminar().focus();
    await user.keyboard('b');
    expect(yearRange()).toEqual({ from: 2004, to: 2004 });
    expect(useDashboardStore.getState().filters.tones).toEqual([]);
    expect(to).toHaveValue(2004);
    expect(within(seminar()).getByText('Showing the slide’s view.')).toBeInTheDocument();

    fireEvent.change(from, { target: { value: '2002' } });
    await user.click(within(seminar()).getByRole('button', { name: 'Back to slide' }));
    expect(yearRange()).toEqual({ from: 2004, to: 2004 });
  });

  it('Esc leaves seminar mode and gives focus back to "Present"', async () => {
    const user = userEvent.setup();
    renderSeminar();
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('main', { name: 'Seminar mode' })).toBeNull();
    expect(useSeminarStore.getState().active).toBe(false);
    expect(document.documentElement).not.toHaveClass('seminar-active');
    expect(screen.getByRole('button', { name: 'Present' })).toHaveFocus();
  });

  it('Esc brings back the filters the user had before presenting', async () => {
    const user = userEvent.setup();
    renderSeminar();
    act(() => useDashboardStore.getState().setYearRange({ from: 2005, to: 2007 }, 'filter-bar'));
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    await user.keyboard('{ArrowRight}');
    expect(yearRange()).toEqual({ from: 2001, to: 2001 });
    await user.keyboard('{Escape}');
    expect(yearRange()).toEqual({ from: 2005, to: 2007 });
  });

  it('leaving full screen leaves seminar mode', async () => {
    const user = userEvent.setup();
    let fullscreenElement: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => fullscreenElement });
    const request = vi.fn(() => {
      fullscreenElement = document.documentElement;
      document.dispatchEvent(new Event('fullscreenchange'));
      return Promise.resolve();
    });
    Object.defineProperty(document.documentElement, 'requestFullscreen', { configurable: true, value: request });
    try {
      renderSeminar();
      await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
      expect(request).toHaveBeenCalled();
      expect(seminar()).toBeInTheDocument();
      act(() => {
        fullscreenElement = null;
        document.dispatchEvent(new Event('fullscreenchange'));
      });
      expect(screen.queryByRole('main', { name: 'Seminar mode' })).toBeNull();
    } finally {
      delete (document.documentElement as { requestFullscreen?: unknown }).requestFullscreen;
      delete (document as { fullscreenElement?: unknown }).fullscreenElement;
    }
  });

  it('still enters seminar mode when requestFullscreen rejects', async () => {
    const user = userEvent.setup();
    Object.defineProperty(document.documentElement, 'requestFullscreen', { configurable: true, value: () => Promise.reject(new TypeError('denied')) });
    try {
      renderSeminar();
      await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
      expect(seminar()).toBeInTheDocument();
    } finally {
      delete (document.documentElement as { requestFullscreen?: unknown }).requestFullscreen;
    }
  });

  it('names the data’s origin on every slide when it is not the built-in dataset', async () => {
    const user = userEvent.setup();
    renderSeminar();
    const origin = { kind: 'url' as const, label: 'URL: https://mirror.example.net/pk.json', remote: { url: 'https://mirror.example.net/pk.json', host: 'mirror.example.net', requested: 'https://data.example.org/pk.json' } };
    act(() => useDashboardStore.getState().setDataset(dataset, origin));
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    const line = 'Data from mirror.example.net, not the dashboard’s built-in dataset';
    expect(within(seminar()).getByText(line)).toBeVisible();
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(screen.getByText(/^Slide 2 of/)).toBeInTheDocument());
    expect(within(seminar()).getByText(line)).toBeVisible();
  });

  it('shows no origin line for the built-in dataset', async () => {
    const user = userEvent.setup();
    renderSeminar();
    await user.click(screen.getByRole('button', { name: 'Present' }));
    await screen.findByRole('main', { name: 'Seminar mode' });
    expect(within(seminar()).queryByText(/not the dashboard’s built-in dataset/)).toBeNull();
  });
});

describe('deck editor', { timeout: 30_000 }, () => {
  const openEditor = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(screen.getByRole('button', { name: 'Slides' }));
    return screen.findByRole('dialog', { name: 'Slides' });
  };

  it('adds a slide from the current view with its sources, edits, picks sources by title, reorders and deletes it, saving each change', async () => {
    const user = userEvent.setup();
    renderSeminar();
    act(() => useDashboardStore.getState().setYearRange({ from: 2009, to: 2010 }, 'filter-bar'));
    const dialog = await openEditor(user);
    const n = EXAMPLE_DECK.slides.length;
    await user.click(within(dialog).getByRole('button', { name: 'Add slide' }));
    await waitFor(() => expect(useSeminarStore.getState().deck.slides).toHaveLength(n + 1));
    const added = useSeminarStore.getState().deck.slides[n]!;
    expect(added).toMatchObject({ query: '?from=2009&to=2010', layout: 'grid', title: '2009–2010' });
    // The sources behind the panels shown are pre-selected, and shown by title.
    expect(added.sources.length).toBeGreaterThan(0);
    const chosen = within(dialog).getByRole('list', { name: `Chosen sources of slide ${n + 1}` });
    const first = dataset.sources.find((s) => s.id === added.sources[0])!;
    expect(within(chosen).getByRole('checkbox', { name: `${first.publisher}, ${first.title}` })).toBeChecked();
    expect(within(dialog).getByRole('status', { name: 'Deck messages' })).toHaveTextContent(`Added slide ${n + 1}, "2009–2010"`);

    // The picker finds sources by title, never by id.
    const label = (s: { publisher: string; title: string }) => `${s.publisher}, ${s.title}`;
    const chosenLabels = new Set(dataset.sources.filter((s) => added.sources.includes(s.id)).map(label));
    const unchosen = dataset.sources.find((s) => !chosenLabels.has(label(s)) && !`${s.title} ${s.publisher}`.toLowerCase().includes(s.id))!;
    const item = within(dialog).getByRole('listitem', { name: `Slide ${n + 1}: 2009–2010` });
    const search = within(item).getByRole('searchbox', { name: `Find a source for slide ${n + 1} (by title or publisher)` });
    await user.type(search, unchosen.id);
    expect(within(item).queryByRole('checkbox', { name: `${unchosen.publisher}, ${unchosen.title}` })).toBeNull();
    await user.clear(search);
    await user.type(search, unchosen.title.slice(0, 30));
    await user.click(within(item).getByRole('checkbox', { name: `${unchosen.publisher}, ${unchosen.title}` }));
    expect(useSeminarStore.getState().deck.slides[n]!.sources.at(-1)).toBe(unchosen.id);
    await user.click(within(chosen).getByRole('checkbox', { name: `${first.publisher}, ${first.title}` }));
    expect(useSeminarStore.getState().deck.slides[n]!.sources).not.toContain(first.id);

    const title = within(dialog).getByRole('textbox', { name: `Title of slide ${n + 1}` });
    await user.clear(title);
    await user.type(title, 'My view');
    await user.type(within(dialog).getByRole('textbox', { name: `Speaker notes of slide ${n + 1}` }), 'Ask about 2010.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: `Layout of slide ${n + 1}` }), 'map');
    await user.click(within(dialog).getByRole('button', { name: `Move slide ${n + 1} up` }));
    const slides = useSeminarStore.getState().deck.slides;
    expect(slides[n - 1]).toMatchObject({ title: 'My view', layout: 'map', notes: 'Ask about 2010.' });
    expect(within(dialog).getByRole('button', { name: `Move slide ${n} up` })).toHaveFocus();
    expect((JSON.parse(localStorage.getItem(DECK_STORAGE_KEY)!) as Deck).slides[n - 1]!.title).toBe('My view');
    await user.click(within(dialog).getByRole('button', { name: `Delete slide ${n}` }));
    expect(useSeminarStore.getState().deck).toEqual(EXAMPLE_DECK);
  });

  it('"New deck" empties the deck undoably, and the last slide can be deleted', async () => {
    const user = userEvent.setup();
    renderSeminar();
    const dialog = await openEditor(user);
    await user.click(within(dialog).getByRole('button', { name: 'New deck' }));
    expect(useSeminarStore.getState().deck.slides).toEqual([]);
    expect(within(dialog).getByText(/This deck has no slides yet/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Export to PowerPoint' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Add slide' }));
    await waitFor(() => expect(useSeminarStore.getState().deck.slides).toHaveLength(1));
    await user.click(within(dialog).getByRole('button', { name: 'Delete slide 1' }));
    expect(useSeminarStore.getState().deck.slides).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(useSeminarStore.getState().deck.slides).toHaveLength(1);
  });

  it('a refused save shows an alert with "Export deck" and keeps the slide on screen', async () => {
    const user = userEvent.setup();
    renderSeminar();
    const dialog = await openEditor(user);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await user.click(within(dialog).getByRole('button', { name: 'Add slide' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Not saved. The slides could not be saved in this browser');
    expect(within(alert).getByRole('button', { name: 'Export deck' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: `Title of slide ${EXAMPLE_DECK.slides.length + 1}` })).toBeInTheDocument();
  });

  it('asks before an import replaces slides that are in no file', async () => {
    const user = userEvent.setup();
    renderSeminar();
    act(() => useSeminarStore.getState().replaceDeckTitle('My own talk'));
    const dialog = await openEditor(user);
    const good: Deck = { ...EXAMPLE_DECK, title: 'Imported talk', slides: EXAMPLE_DECK.slides.slice(0, 2) };
    await user.upload(within(dialog).getByLabelText('Deck file'), new File([serializeDeck(good)], 'talk.deck.json', { type: 'application/json' }));
    const confirm = await within(dialog).findByRole('group', { name: 'Confirm replacing the slides with the imported deck' });
    expect(useSeminarStore.getState().deck.title).toBe('My own talk');
    await user.click(within(confirm).getByRole('button', { name: 'Keep my slides' }));
    expect(useSeminarStore.getState().deck.title).toBe('My own talk');
    await user.upload(within(dialog).getByLabelText('Deck file'), new File([serializeDeck(good)], 'talk.deck.json', { type: 'application/json' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Import and replace' }));
    expect(useSeminarStore.getState().deck).toEqual(good);
  });

  it('imports a good deck file and rejects a bad one with path messages, leaving the deck unchanged', async () => {
    const user = userEvent.setup();
    renderSeminar();
    const dialog = await openEditor(user);
    const input = within(dialog).getByLabelText('Deck file');

    const good: Deck = { ...EXAMPLE_DECK, title: 'Imported talk', slides: EXAMPLE_DECK.slides.slice(0, 3) };
    await user.upload(input, new File([serializeDeck(good)], 'talk.deck.json', { type: 'application/json' }));
    await waitFor(() => expect(useSeminarStore.getState().deck).toEqual(good));
    expect(within(dialog).getByRole('status', { name: 'Deck messages' })).toHaveTextContent('Imported "Imported talk" (3 slides)');

    const bad = JSON.parse(serializeDeck(EXAMPLE_DECK)) as { slides: Record<string, unknown>[] };
    bad.slides[0]!.query = '?from=banana';
    bad.slides[1]!.title = 7;
    await user.upload(input, new File([JSON.stringify(bad)], 'bad.deck.json', { type: 'application/json' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('bad.deck.json was not imported. Your slides are unchanged.');
    expect(alert).toHaveTextContent('slides[0].query: is not a valid filter query: from="banana" is not a year');
    expect(alert).toHaveTextContent('slides[1].title: must be text (got 7)');
    expect(useSeminarStore.getState().deck).toEqual(good);
  });

  it('restores the example deck after a confirmation, and Esc closes the editor', async () => {
    const user = userEvent.setup();
    renderSeminar();
    act(() => useSeminarStore.getState().replaceDeck({ ...EXAMPLE_DECK, title: 'Mine', slides: EXAMPLE_DECK.slides.slice(0, 2) }));
    const dialog = await openEditor(user);
    await user.click(within(dialog).getByRole('button', { name: 'Restore example deck' }));
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    expect(useSeminarStore.getState().deck).toEqual(EXAMPLE_DECK);
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(useSeminarStore.getState().deck.title).toBe('Mine');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Slides' })).toHaveFocus();
  });
});
