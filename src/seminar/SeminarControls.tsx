import { Suspense, useEffect, useRef, useState, type JSX } from 'react';
import { useDashboardStore } from '../store/store';
import { requestFullscreenSafely } from './fullscreen';
import { useSeminarStore } from './seminarStore';
import { lazyWithReload } from '../app/lazyWithReload';
import './seminar.css';

/** The deck editor loads on demand, when "Slides" is first pressed. */
const DeckEditor = lazyWithReload(() => import('./DeckEditor').then((m) => ({ default: m.DeckEditor })));

export const DECK_NOTICE_ID = 'seminar-deck';

/** Starts the presentation: seminar mode at once, full screen if the browser allows it. */
export function startPresentation(index?: number): void {
  useSeminarStore.getState().enter(index);
  // Called inside the click handler: the Fullscreen API needs the user's gesture.
  void requestFullscreenSafely();
}

/**
 * The header's "Present" and "Slides" buttons. "Slides" opens the deck editor; a saved deck
 * that could not be read is reported through the dashboard's notices.
 */
export function SeminarControls(): JSX.Element {
  const hasDataset = useDashboardStore((s) => s.dataset !== null);
  const [editorOpen, setEditorOpen] = useState(false);
  const slidesButton = useRef<HTMLButtonElement>(null);
  const count = useSeminarStore((s) => s.deck.slides.length);

  useEffect(() => {
    const { storageNotice } = useSeminarStore.getState();
    if (storageNotice) useDashboardStore.getState().showNotice({ id: DECK_NOTICE_ID, tone: 'warning', title: 'Saved slides could not be read', details: [storageNotice] });
  }, []);

  return (
    <div className="seminar-controls">
      <button type="button" className="button button--primary" onClick={() => startPresentation()} disabled={!hasDataset || count === 0} aria-describedby="seminar-present-hint">
        Present
      </button>
      <span id="seminar-present-hint" className="sr-only">
        Full-screen seminar mode: step through the {count} slides with the arrow keys; Esc leaves.
      </span>
      <button ref={slidesButton} type="button" className="button" aria-haspopup="dialog" aria-expanded={editorOpen} onClick={() => setEditorOpen(true)}>
        Slides
      </button>
      {editorOpen && (
        <Suspense fallback={<span role="status">Opening the slides…</span>}>
        <DeckEditor
          onClose={() => {
            setEditorOpen(false);
            slidesButton.current?.focus();
          }}
          onPresent={(index) => {
            setEditorOpen(false);
            startPresentation(index);
          }}
        />
        </Suspense>
      )}
    </div>
  );
}
