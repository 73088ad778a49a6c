import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { JsonFileButton } from '../components/JsonFileButton';
import { downloadBlob } from '../export/download';
import { slugify } from '../export/fileName';
import { PANELS } from '../panels/registry';
import { useDashboardStore } from '../store/store';
import { applySlide, captureSlide, describeSlideQuery, filtersToQuery, formatDeckProblems, MAX_CAPTION, MAX_SOURCES, MAX_TITLE, parseDeckText, serializeDeck, SLIDE_LAYOUTS, type Slide, type SlideLayout } from './deck';
import { EXAMPLE_DECK } from './exampleDeck';
import { useSeminarStore } from './seminarStore';

/** A deck is a few kilobytes; anything far larger is not a deck. */
const MAX_DECK_FILE_BYTES = 2 * 1024 * 1024;
const SHOWN_PROBLEMS = 50;

export const LAYOUT_LABELS: Record<SlideLayout, string> = {
  grid: 'All panels',
  ...Object.fromEntries(PANELS.map((p) => [p.id, `Only: ${p.title}`])),
};

const ID = /^[\w.:-]{1,120}$/;
function parseSourceIds(text: string): string[] {
  const ids = text.split(/[\s,;]+/).filter((id) => ID.test(id));
  return [...new Set(ids)].slice(0, MAX_SOURCES);
}

const deckSlug = (title: string) => slugify(title) || 'deck';

/**
 * The deck editor: a modal side sheet listing the slides. "Add slide" captures the view on
 * screen; each slide's title, caption, layout and sources can be edited, and slides can be
 * moved, re-captured, shown and deleted. Export/import use the JSON deck format; a bad file is
 * reported by JSON path and leaves the deck as it was.
 */
export function DeckEditor({ onClose, onPresent }: { onClose: () => void; onPresent: (index: number) => void }) {
  const titleId = useId();
  const sheetRef = useRef<HTMLDivElement>(null);
  const deck = useSeminarStore((s) => s.deck);
  const notice = useSeminarStore((s) => s.notice);
  const canUndo = useSeminarStore((s) => s.undoDeck !== null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: string[] } | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);

  useEffect(() => {
    sheetRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  // On the document, not the sheet: Esc must close it even after the focused control went away.
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [onClose]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Tab' || !sheetRef.current) return;
    // Keep Tab inside the modal sheet.
    const focusable = [...sheetRef.current.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([hidden]), select, textarea, [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const store = useSeminarStore.getState;

  const addSlide = () => {
    const slide = captureSlide(useDashboardStore.getState().filters, deck.slides);
    store().addSlide(slide);
    store().setNotice({ tone: 'info', text: `Added slide ${deck.slides.length + 1} with the current view.` });
    // Focus the new slide's title so the speaker can name it straight away.
    window.setTimeout(() => document.getElementById(`slide-title-${slide.id}`)?.focus(), 0);
  };

  const slideExportStatusId = useId();
  const [slideExport, setSlideExport] = useState<string | null>(null);
  /** One 1920×1080 PNG per slide, with its caption and sources, zipped; the export code loads on demand. */
  const exportDeckSlides = async () => {
    setSlideExport(`Rendering slide 1 of ${deck.slides.length}…`);
    try {
      const { exportSlides } = await import('../export/exportSlides');
      const sources = useDashboardStore.getState().dataset?.sources ?? [];
      const titleOf = (id: string) => sources.find((s) => s.id === id)?.title ?? id;
      const zip = await exportSlides(
        deck.slides.map((slide) => ({
          title: slide.title,
          caption: slide.caption,
          sources: slide.sources.map(titleOf),
          ...(slide.layout === 'grid' ? {} : { panels: [slide.layout] }),
          apply: () => void applySlide(slide),
        })),
        { onProgress: (done, total) => setSlideExport(done < total ? `Rendering slide ${done + 1} of ${total}…` : `Packing ${total} slides…`) },
      );
      downloadBlob(zip, `${deckSlug(deck.title)}_slides-1920x1080.zip`);
      store().setNotice({ tone: 'info', text: `Exported ${deck.slides.length} slides as PNG images in a ZIP file.` });
    } catch (error) {
      store().setNotice({ tone: 'error', text: `The slides could not be exported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSlideExport(null);
    }
  };

  const importFile = async (file: File) => {
    setImportProblems(null);
    if (file.size > MAX_DECK_FILE_BYTES) {
      setImportProblems({ file: file.name, problems: [`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a deck file is at most 2 MB`] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setImportProblems({ file: file.name, problems: [`the file could not be read: ${err instanceof Error ? err.message : String(err)}`] });
      return;
    }
    const result = parseDeckText(text);
    if (!result.ok) {
      setImportProblems({ file: file.name, problems: formatDeckProblems(result.problems) });
      return;
    }
    store().replaceDeck(result.deck, { tone: 'info', text: `Imported "${result.deck.title || 'Untitled deck'}" (${result.deck.slides.length} slides) from ${file.name}.` });
  };

  return createPortal(
    <div className="deck-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={sheetRef} className="deck-sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <header className="deck-sheet__header">
          <h2 id={titleId} className="deck-sheet__title">
            Slides
          </h2>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </header>
        <label className="deck-field">
          <span>Deck title</span>
          <input type="text" value={deck.title} maxLength={MAX_TITLE} onChange={(e) => store().replaceDeckTitle(e.target.value)} />
        </label>
        <div className="deck-sheet__toolbar">
          <button type="button" className="button button--primary" onClick={addSlide}>
            Add slide
          </button>
          <button type="button" className="button" onClick={() => downloadBlob(new Blob([serializeDeck(deck)], { type: 'application/json' }), `${deckSlug(deck.title)}.deck.json`)}>
            Export deck
          </button>
          <JsonFileButton inputLabel="Deck file" inputTestId="deck-file-input" onFile={(file) => void importFile(file)}>
            Import deck…
          </JsonFileButton>
          <button type="button" className="button" onClick={() => void exportDeckSlides()} disabled={slideExport !== null} aria-describedby={slideExport ? slideExportStatusId : undefined}>
            Export slides
          </button>
          {confirmRestore ? (
            <span className="deck-confirm" role="group" aria-label="Confirm restoring the example deck">
              <span>Replace these {deck.slides.length} slides with the example deck?</span>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setConfirmRestore(false);
                  store().replaceDeck(EXAMPLE_DECK, { tone: 'info', text: 'The example deck is back. Undo brings your slides back.' });
                }}
              >
                Replace
              </button>
              <button type="button" className="button" onClick={() => setConfirmRestore(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" className="button" onClick={() => setConfirmRestore(true)}>
              Restore example deck
            </button>
          )}
          {canUndo && (
            <button type="button" className="button" onClick={() => store().undo()} data-deck-undo>
              Undo
            </button>
          )}
        </div>
        <div role="status" className="deck-sheet__status">
          {slideExport && (
            <p id={slideExportStatusId} className="deck-notice deck-notice--info" role="status">
              {slideExport}
            </p>
          )}
          {notice && <p className={`deck-notice deck-notice--${notice.tone}`}>{notice.text}</p>}
        </div>
        {importProblems && (
          <div role="alert" className="deck-notice deck-notice--error">
            <p>
              <strong>{importProblems.file} was not imported.</strong> Your slides are unchanged. {importProblems.problems.length === 1 ? 'Problem' : `${importProblems.problems.length} problems`}:
            </p>
            <ul className="problem-list">
              {importProblems.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                <li key={i}>
                  <code>{p}</code>
                </li>
              ))}
            </ul>
            {importProblems.problems.length > SHOWN_PROBLEMS && <p>…and {importProblems.problems.length - SHOWN_PROBLEMS} more.</p>}
          </div>
        )}
        <ol className="deck-list">
          {deck.slides.map((slide, i) => (
            <SlideEditor key={slide.id} slide={slide} index={i} count={deck.slides.length} onPresent={onPresent} />
          ))}
        </ol>
      </div>
    </div>,
    document.body,
  );
}

function SlideEditor({ slide, index, count, onPresent }: { slide: Slide; index: number; count: number; onPresent: (index: number) => void }) {
  const n = index + 1;
  const sources = useDashboardStore((s) => s.dataset?.sources);
  const [sourcesDraft, setSourcesDraft] = useState(slide.sources.join(', '));
  const unknown = useMemo(() => (sources ? slide.sources.filter((id) => !sources.some((s) => s.id === id)) : []), [slide.sources, sources]);
  const store = useSeminarStore.getState;

  const move = (by: -1 | 1) => {
    store().moveSlide(slide.id, by);
    // Keep focus on the same control of the moved slide (it re-renders at its new place).
    const target = by < 0 ? (index - 1 === 0 ? 'down' : 'up') : index + 1 === count - 1 ? 'up' : 'down';
    window.setTimeout(() => document.getElementById(`slide-${target}-${slide.id}`)?.focus(), 0);
  };

  return (
    <li className="deck-slide" aria-label={`Slide ${n}: ${slide.title || 'Untitled slide'}`}>
      <div className="deck-slide__head">
        <span className="deck-slide__number" aria-hidden="true">
          {n}
        </span>
        <label className="deck-field deck-field--grow">
          <span>Title of slide {n}</span>
          <input id={`slide-title-${slide.id}`} type="text" value={slide.title} maxLength={MAX_TITLE} onChange={(e) => store().updateSlide(slide.id, { title: e.target.value })} />
        </label>
        <label className="deck-field">
          <span>Layout of slide {n}</span>
          <select value={slide.layout} onChange={(e) => store().updateSlide(slide.id, { layout: e.target.value as SlideLayout })}>
            {SLIDE_LAYOUTS.map((layout) => (
              <option key={layout} value={layout}>
                {LAYOUT_LABELS[layout]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="deck-field">
        <span>Caption of slide {n}</span>
        <textarea rows={3} value={slide.caption} maxLength={MAX_CAPTION} onChange={(e) => store().updateSlide(slide.id, { caption: e.target.value })} />
      </label>
      <label className="deck-field">
        <span>Source ids of slide {n} (comma-separated)</span>
        <input
          type="text"
          value={sourcesDraft}
          onChange={(e) => {
            setSourcesDraft(e.target.value);
            store().updateSlide(slide.id, { sources: parseSourceIds(e.target.value) });
          }}
          aria-describedby={unknown.length ? `slide-unknown-${slide.id}` : undefined}
        />
      </label>
      {unknown.length > 0 && (
        <p id={`slide-unknown-${slide.id}`} className="deck-slide__warning">
          Not in this dataset: {unknown.join(', ')}
        </p>
      )}
      <p className="deck-slide__view">
        <span className="deck-slide__view-label">View:</span> {describeSlideQuery(slide.query)}
      </p>
      <div className="deck-slide__actions">
        <button type="button" className="button" onClick={() => applySlide(slide)} aria-label={`Show slide ${n} in the dashboard`}>
          Show
        </button>
        <button type="button" className="button" onClick={() => store().updateSlide(slide.id, { query: filtersToQuery(useDashboardStore.getState().filters) })} aria-label={`Save the current view into slide ${n}`}>
          Use current view
        </button>
        <button type="button" className="button" onClick={() => onPresent(index)} aria-label={`Present from slide ${n}`}>
          Present from here
        </button>
        <button id={`slide-up-${slide.id}`} type="button" className="button" disabled={index === 0} onClick={() => move(-1)} aria-label={`Move slide ${n} up`}>
          Move up
        </button>
        <button id={`slide-down-${slide.id}`} type="button" className="button" disabled={index === count - 1} onClick={() => move(1)} aria-label={`Move slide ${n} down`}>
          Move down
        </button>
        <button type="button" className="button button--danger" disabled={count <= 1} onClick={() => {
            store().deleteSlide(slide.id);
            window.setTimeout(() => document.querySelector<HTMLElement>('[data-deck-undo]')?.focus(), 0);
          }} aria-label={`Delete slide ${n}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
