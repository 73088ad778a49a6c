/**
 * Seminar mode's public surface. App places `<SeminarControls />` in the header and
 * `<SeminarRoot />` once anywhere in the tree; the slide export reuses the deck helpers.
 */
export { SeminarControls, startPresentation } from './SeminarControls';
export { SeminarRoot, leaveSeminar } from './SeminarRoot';
export { applySlide, slideToFilters, DeckSchema, type Deck, type Slide, type SlideLayout } from './deck';
export { EXAMPLE_DECK } from './exampleDeck';
export { useSeminarStore } from './seminarStore';
