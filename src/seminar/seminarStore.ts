/**
 * Seminar mode's own small store: whether the presentation is on, which slide is shown, the
 * digits typed for a jump, the live layout, and the deck (saved to localStorage on every change).
 * It is separate from the dashboard store: slides only ever reach the panels through
 * `applySlide`, i.e. through the same filters every other control sets.
 */
import { create } from 'zustand';
import { applySlide, DECK_FORMAT, DECK_STORAGE_KEY, DECK_VERSION, loadDeck, newSlideId, parseDeckText, saveDeck, serializeDeck, type Deck, type Slide, type SlideLayout } from './deck';
import { EXAMPLE_DECK } from './exampleDeck';
import { clampIndex, navReducer, type NavAction } from './navigation';

export interface DeckNotice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface SeminarState {
  active: boolean;
  index: number;
  digits: string;
  /** The panels shown right now: the slide's layout, until the speaker changes it live. */
  layout: SlideLayout;
  deck: Deck;
  /** What happened to the deck that the speaker should know (storage fallback, import, save failure). */
  notice: DeckNotice | null;
  /** Set while the deck on screen could not be saved in the browser (it lives only in this tab). */
  saveError: string | null;
  /** The deck as last exported to or imported from a file (serialised), to tell unsaved work. */
  fileDeck: string | null;
  /** The deck before the last replace/delete, for "Undo". */
  undoDeck: Deck | null;
  /** Set at start-up when a saved deck existed but could not be read. */
  storageNotice: string | null;

  enter: (index?: number) => void;
  exit: () => void;
  /** Moves through the deck and applies the slide reached. */
  navigate: (action: NavAction) => void;
  /** Re-applies the current slide's filters and layout ("Back to slide"). */
  backToSlide: () => void;
  setLayout: (layout: SlideLayout) => void;

  replaceDeck: (deck: Deck, notice?: DeckNotice | null) => void;
  /** An empty deck, undoably. */
  newDeck: () => void;
  replaceDeckTitle: (title: string) => void;
  /** Adds a slide; returns the save error, if the browser refused to keep it. */
  addSlide: (slide: Slide) => string | null;
  updateSlide: (id: string, change: Partial<Omit<Slide, 'id'>>) => void;
  moveSlide: (id: string, by: -1 | 1) => void;
  /** Moves a slide to a position (drag and drop). */
  moveSlideTo: (id: string, to: number) => void;
  deleteSlide: (id: string) => void;
  undo: () => void;
  /** Records that the deck on screen is now in a file (exported or imported). */
  markInFile: () => void;
  setNotice: (notice: DeckNotice | null) => void;
}

export const EMPTY_DECK: Deck = { format: DECK_FORMAT, version: DECK_VERSION, title: '', slides: [] };

type StorageLike = Pick<Storage, 'getItem'>;
function readRaw(): string | null {
  try {
    return (window.localStorage as StorageLike).getItem(DECK_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** True when the deck holds work that is neither in a file nor the untouched example (or empty) deck. */
export function hasUnsavedWork(state: Pick<SeminarState, 'deck' | 'fileDeck' | 'saveError'>): boolean {
  if (state.deck.slides.length === 0) return false;
  if (state.saveError) return true;
  const text = serializeDeck(state.deck);
  return text !== state.fileDeck && text !== serializeDeck(EXAMPLE_DECK);
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

export const createSeminarStore = () =>
  create<SeminarState>()((set, get) => {
    const loaded = loadDeck(EXAMPLE_DECK);
    /** What this tab last read from or wrote to storage: anything else there came from another tab. */
    let lastRaw: string | null = readRaw();

    const showSlide = (index: number) => {
      const slide = get().deck.slides[index];
      if (!slide) return;
      applySlide(slide);
      set({ index, layout: slide.layout, digits: '' });
    };

    /** The deck another tab saved since this tab last looked, if any (so an edit here builds on it). */
    const freshestDeck = (): Deck => {
      const raw = readRaw();
      if (raw === null || raw === lastRaw || get().saveError) return get().deck;
      const result = parseDeckText(raw);
      lastRaw = raw;
      return result.ok ? result.deck : get().deck;
    };

    /**
     * Every edit is a change applied to the freshest deck (this tab's, or the one another tab
     * saved a moment ago), then saved at once; a refused save is reported and the deck stays.
     */
    const changeDeck = (change: (deck: Deck) => Deck, extra: Partial<SeminarState> = {}): string | null => {
      const deck = change(freshestDeck());
      const failed = saveDeck(deck);
      if (!failed) lastRaw = readRaw();
      set({
        deck,
        index: clampIndex(get().index, deck.slides.length),
        ...extra,
        // The editor shows a refused save as an alert, with "Export deck" as the way out.
        saveError: failed,
      });
      return failed;
    };

    // Another tab saved the deck: show its deck here, unless this tab holds changes it could not save.
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key !== DECK_STORAGE_KEY || event.newValue === null || event.newValue === lastRaw) return;
        if (get().saveError) {
          set({ notice: { tone: 'warning', text: 'Another tab changed the saved deck. The slides here could not be saved and are kept as they are: use "Export deck" to keep them.' } });
          return;
        }
        const result = parseDeckText(event.newValue);
        if (!result.ok) return;
        lastRaw = event.newValue;
        set({ deck: result.deck, index: clampIndex(get().index, result.deck.slides.length), notice: { tone: 'info', text: 'The deck was changed in another tab; showing its latest version.' } });
      });
    }

    return {
      active: false,
      index: 0,
      digits: '',
      layout: 'grid',
      deck: loaded.deck,
      notice: loaded.notice ? { tone: 'warning', text: loaded.notice } : null,
      storageNotice: loaded.notice,
      saveError: null,
      fileDeck: null,
      undoDeck: null,

      enter: (index = get().index) => {
        set({ active: true });
        showSlide(clampIndex(index, get().deck.slides.length));
      },
      exit: () => set({ active: false, digits: '' }),
      navigate: (action) => {
        const { index, digits, deck } = get();
        const next = navReducer({ index, digits }, action, deck.slides.length);
        if (next.index !== index) showSlide(next.index);
        else set({ digits: next.digits });
      },
      backToSlide: () => showSlide(get().index),
      setLayout: (layout) => set({ layout }),

      replaceDeck: (deck, notice = null) => void changeDeck(() => deck, { undoDeck: get().deck, notice, index: 0 }),
      newDeck: () => void changeDeck(() => EMPTY_DECK, { undoDeck: get().deck, index: 0, notice: { tone: 'info', text: 'Started a new, empty deck. Undo brings the previous slides back.' } }),
      replaceDeckTitle: (title) => void changeDeck((deck) => ({ ...deck, title })),
      addSlide: (slide) =>
        changeDeck((deck) => ({ ...deck, slides: [...deck.slides, deck.slides.some((s) => s.id === slide.id) ? { ...slide, id: newSlideId(deck.slides) } : slide] })),
      updateSlide: (id, change) => void changeDeck((deck) => ({ ...deck, slides: deck.slides.map((s) => (s.id === id ? { ...s, ...change } : s)) })),
      moveSlide: (id, by) =>
        void changeDeck((deck) => {
          const from = deck.slides.findIndex((s) => s.id === id);
          const to = from + by;
          return from < 0 || to < 0 || to >= deck.slides.length ? deck : { ...deck, slides: move(deck.slides, from, to) };
        }),
      moveSlideTo: (id, to) =>
        void changeDeck((deck) => {
          const from = deck.slides.findIndex((s) => s.id === id);
          return from < 0 || from === to ? deck : { ...deck, slides: move(deck.slides, from, clampIndex(to, deck.slides.length)) };
        }),
      deleteSlide: (id) => {
        const { deck } = get();
        const slide = deck.slides.find((s) => s.id === id);
        if (!slide) return;
        changeDeck((fresh) => ({ ...fresh, slides: fresh.slides.filter((s) => s.id !== id) }), {
          undoDeck: deck,
          notice: { tone: 'info', text: `Deleted slide "${slide.title || 'Untitled slide'}".` },
        });
      },
      undo: () => {
        const { undoDeck } = get();
        if (undoDeck) changeDeck(() => undoDeck, { undoDeck: null, notice: { tone: 'info', text: 'Undone.' } });
      },
      markInFile: () => set({ fileDeck: serializeDeck(get().deck) }),
      setNotice: (notice) => set({ notice }),
    };
  });

export const useSeminarStore = createSeminarStore();
