/**
 * Seminar mode's own small store: whether the presentation is on, which slide is shown, the
 * digits typed for a jump, the live layout, and the deck (saved to localStorage on every change).
 * It is separate from the dashboard store: slides only ever reach the panels through
 * `applySlide`, i.e. through the same filters every other control sets.
 */
import { create } from 'zustand';
import type { Filters } from '../crossfilter/filters';
import { useDashboardStore } from '../store/store';
import { applySlide, loadDeck, saveDeck, type Deck, type Slide, type SlideLayout } from './deck';
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
  /** The deck before the last replace/delete, for "Undo". */
  undoDeck: Deck | null;
  /** Set at start-up when a saved deck existed but could not be read. */
  storageNotice: string | null;
  /** The filters on screen before presenting: leaving present mode brings them back. */
  filtersBefore: Filters | null;

  enter: (index?: number) => void;
  exit: () => void;
  /** Moves through the deck and applies the slide reached. */
  navigate: (action: NavAction) => void;
  /** Re-applies the current slide's filters and layout ("Back to slide"). */
  backToSlide: () => void;
  setLayout: (layout: SlideLayout) => void;

  replaceDeck: (deck: Deck, notice?: DeckNotice | null) => void;
  replaceDeckTitle: (title: string) => void;
  addSlide: (slide: Slide) => void;
  updateSlide: (id: string, change: Partial<Omit<Slide, 'id'>>) => void;
  moveSlide: (id: string, by: -1 | 1) => void;
  deleteSlide: (id: string) => void;
  undo: () => void;
  setNotice: (notice: DeckNotice | null) => void;
}

function initialDeck(): Pick<SeminarState, 'deck' | 'notice' | 'storageNotice'> {
  const loaded = loadDeck(EXAMPLE_DECK);
  return { deck: loaded.deck, notice: loaded.notice ? { tone: 'warning', text: loaded.notice } : null, storageNotice: loaded.notice };
}

export const createSeminarStore = () =>
  create<SeminarState>()((set, get) => {
    const showSlide = (index: number) => {
      const slide = get().deck.slides[index];
      if (!slide) return;
      applySlide(slide);
      set({ index, layout: slide.layout, digits: '' });
    };
    const changeDeck = (deck: Deck, extra: Partial<SeminarState> = {}) => {
      const failed = saveDeck(deck);
      set({ deck, index: clampIndex(get().index, deck.slides.length), ...extra, ...(failed ? { notice: { tone: 'error', text: failed } } : {}) });
    };
    return {
      active: false,
      index: 0,
      digits: '',
      layout: 'grid',
      ...initialDeck(),
      undoDeck: null,
      filtersBefore: null,

      enter: (index = get().index) => {
        if (!get().active) set({ active: true, filtersBefore: useDashboardStore.getState().filters });
        showSlide(clampIndex(index, get().deck.slides.length));
      },
      exit: () => {
        const before = get().filtersBefore;
        set({ active: false, digits: '', filtersBefore: null });
        if (before) useDashboardStore.getState().replaceFilters(before);
      },
      navigate: (action) => {
        const { index, digits, deck } = get();
        const next = navReducer({ index, digits }, action, deck.slides.length);
        if (next.index !== index) showSlide(next.index);
        else set({ digits: next.digits });
      },
      backToSlide: () => showSlide(get().index),
      setLayout: (layout) => set({ layout }),

      replaceDeck: (deck, notice = null) => changeDeck(deck, { undoDeck: get().deck, notice, index: 0 }),
      replaceDeckTitle: (title) => changeDeck({ ...get().deck, title }),
      addSlide: (slide) => changeDeck({ ...get().deck, slides: [...get().deck.slides, slide] }),
      updateSlide: (id, change) => changeDeck({ ...get().deck, slides: get().deck.slides.map((s) => (s.id === id ? { ...s, ...change } : s)) }),
      moveSlide: (id, by) => {
        const slides = [...get().deck.slides];
        const from = slides.findIndex((s) => s.id === id);
        const to = from + by;
        if (from < 0 || to < 0 || to >= slides.length) return;
        [slides[from], slides[to]] = [slides[to]!, slides[from]!];
        changeDeck({ ...get().deck, slides });
      },
      deleteSlide: (id) => {
        const { deck } = get();
        const slide = deck.slides.find((s) => s.id === id);
        if (!slide || deck.slides.length <= 1) return;
        changeDeck({ ...deck, slides: deck.slides.filter((s) => s.id !== id) }, { undoDeck: deck, notice: { tone: 'info', text: `Deleted slide "${slide.title}".` } });
      },
      undo: () => {
        const { undoDeck } = get();
        if (undoDeck) changeDeck(undoDeck, { undoDeck: null, notice: { tone: 'info', text: 'Undone.' } });
      },
      setNotice: (notice) => set({ notice }),
    };
  });

export const useSeminarStore = createSeminarStore();
