import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { importWithReload } from '../app/lazyWithReload';
import { keepTabInside } from '../components/focusTargets';
import { JsonFileButton } from '../components/JsonFileButton';
import { downloadBlob } from '../export/download';
import { slugify } from '../export/fileName';
import { panelMeta } from '../panels/registry';
import { useDashboardStore } from '../store/store';
import {
  applySlide,
  captureSlide,
  describeSlideQuery,
  filtersToQuery,
  formatDeckProblems,
  LAYOUT_LABELS,
  MAX_CAPTION,
  MAX_NOTES,
  MAX_SOURCES,
  MAX_TITLE,
  parseDeckText,
  serializeDeck,
  SLIDE_LAYOUTS,
  type Deck,
  type Slide,
  type SlideLayout,
} from './deck';
import { EXAMPLE_DECK } from './exampleDeck';
import { hasUnsavedWork, useSeminarStore } from './seminarStore';
import { layoutPanels, searchSources, shownSourceIds, sourceLabel } from './slideSources';
import './deckEditor.css';

/** A deck is a few kilobytes; anything far larger is not a deck. */
const MAX_DECK_FILE_BYTES = 2 * 1024 * 1024;
const SHOWN_PROBLEMS = 50;

const deckSlug = (title: string) => slugify(title) || 'deck';

type ExportKind = 'zip' | 'pptx' | 'pdf';
const EXPORT_WORDS: Record<ExportKind, string> = { zip: 'PNG images in a ZIP file', pptx: 'a PowerPoint file', pdf: 'a PDF handout' };

function downloadDeckJson(deck: Deck) {
  downloadBlob(new Blob([serializeDeck(deck)], { type: 'application/json' }), `${deckSlug(deck.title)}.deck.json`);
  useSeminarStore.getState().markInFile();
}

/**
 * The deck editor: a modal side sheet listing the slides. "New deck" empties it (undoably);
 * "Add slide" captures the view on screen with the sources behind it; each slide's title,
 * caption, layout, sources (picked by title or publisher) and speaker notes can be edited, and
 * slides can be dragged or moved by keyboard, re-captured, shown and deleted. The deck goes out
 * as JSON, a ZIP of PNGs, PowerPoint or a PDF handout; a bad file is reported by JSON path and
 * leaves the deck as it was. A save the browser refuses is reported at once, with a way out.
 */
export function DeckEditor({ onClose, onPresent, layout }: { onClose: () => void; onPresent: (index: number) => void; layout?: SlideLayout }) {
  const titleId = useId();
  const sheetRef = useRef<HTMLDivElement>(null);
  const deck = useSeminarStore((s) => s.deck);
  const notice = useSeminarStore((s) => s.notice);
  const saveError = useSeminarStore((s) => s.saveError);
  const canUndo = useSeminarStore((s) => s.undoDeck !== null);
  const [importProblems, setImportProblems] = useState<{ file: string; problems: string[] } | null>(null);
  const [pendingImport, setPendingImport] = useState<{ file: string; deck: Deck } | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const dragging = useRef(false);

  useEffect(() => {
    sheetRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  // On the document, not the sheet: Esc must close it even after the focused control went away.
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      // During a keyboard drag, Esc cancels the drag (dnd-kit), not the editor.
      if (event.key !== 'Escape' || event.defaultPrevented || dragging.current) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, [onClose]);

  const onKeyDown = (event: ReactKeyboardEvent) => {
    keepTabInside(event, sheetRef.current);
  };

  const store = useSeminarStore.getState;

  const addSlide = async () => {
    const { filters, dataset } = useDashboardStore.getState();
    // The panels on screen: seminar mode's layout while presenting, else the dashboard's four.
    const shown: SlideLayout = layout ?? (store().active ? store().layout : 'grid');
    let sources: string[] = [];
    try {
      if (dataset) sources = await shownSourceIds(dataset, filters, shown);
    } catch {
      /* the speaker can still pick sources by hand */
    }
    const existing = store().deck.slides;
    const slide = captureSlide(filters, existing, shown, dataset, sources);
    const failed = store().addSlide(slide);
    if (failed) return;
    const n = store().deck.slides.length;
    store().setNotice({ tone: 'info', text: `Added slide ${n}, "${slide.title}", with the current view and ${slide.sources.length} ${slide.sources.length === 1 ? 'source' : 'sources'}.` });
    // Focus the new slide's title so the speaker can name it straight away.
    window.setTimeout(() => document.getElementById(`slide-title-${slide.id}`)?.focus(), 0);
  };

  const progressId = useId();
  const runExport = async (kind: ExportKind) => {
    const current = store().deck;
    const dataset = useDashboardStore.getState().dataset;
    const onProgress = (done: number, total: number) => setProgress(done < total ? `Rendering slide ${done + 1} of ${total}…` : `Packing ${total} slides…`);
    setProgress(`Rendering slide 1 of ${current.slides.length}…`);
    try {
      let blob: Blob;
      let fileName: string;
      if (kind === 'zip') {
        const { exportSlides } = await importWithReload(() => import('../export/exportSlides'));
        const { sourceTitlesOf } = await importWithReload(() => import('./deckExport/renderDeck'));
        blob = await exportSlides(
          current.slides.map((slide) => ({
            title: slide.title,
            caption: slide.caption,
            sources: sourceTitlesOf(slide, dataset),
            panels: layoutPanels(slide.layout),
            apply: () => void applySlide(slide),
          })),
          { onProgress },
        );
        fileName = `${deckSlug(current.title)}_slides-1920x1080.zip`;
      } else {
        const { exportDeckFile } = await importWithReload(() => import('./deckExport'));
        blob = await exportDeckFile(kind, current, dataset, onProgress);
        fileName = `${deckSlug(current.title)}.${kind === 'pptx' ? 'pptx' : 'handout.pdf'}`;
      }
      downloadBlob(blob, fileName);
      store().setNotice({ tone: 'info', text: `Exported ${current.slides.length} slides as ${EXPORT_WORDS[kind]} (${fileName}).` });
    } catch (error) {
      store().setNotice({ tone: 'error', text: `The slides could not be exported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setProgress(null);
    }
  };

  const importDeck = (file: string, imported: Deck) => {
    setPendingImport(null);
    store().replaceDeck(imported, { tone: 'info', text: `Imported "${imported.title || 'Untitled deck'}" (${imported.slides.length} slides) from ${file}.` });
    store().markInFile();
  };

  const importFile = async (file: File) => {
    setImportProblems(null);
    setPendingImport(null);
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
    // Slides that are in no file (or not even saved in the browser) are not replaced without asking.
    if (hasUnsavedWork(store())) setPendingImport({ file: file.name, deck: result.deck });
    else importDeck(file.name, result.deck);
  };

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const positionOf = (id: string | number) => store().deck.slides.findIndex((s) => s.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up slide ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `Slide ${positionOf(active.id)} is over position ${positionOf(over.id)}.` : `Slide ${positionOf(active.id)} is not over a position.`),
    // Announced after the move: the slide's own position is its new one.
    onDragEnd: ({ active, over }) => (over ? `Slide moved to position ${positionOf(active.id)}.` : `Slide ${positionOf(active.id)} dropped.`),
    onDragCancel: ({ active }) => `Moving cancelled. Slide ${positionOf(active.id)} stays where it was.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    dragging.current = false;
    if (!over || active.id === over.id) return;
    store().moveSlideTo(String(active.id), positionOf(over.id) - 1);
  };

  const empty = deck.slides.length === 0;
  const busy = progress !== null;
  return createPortal(
    <div className="deck-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={sheetRef} className="deck-sheet" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        {/* A div, not <header>: in a dialog at the top of the page a header would be a second banner landmark. */}
        <div className="deck-sheet__header">
          <h2 id={titleId} className="deck-sheet__title">
            Slides
          </h2>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
        <label className="deck-field">
          <span>Deck title</span>
          <input type="text" value={deck.title} placeholder="Untitled deck" maxLength={MAX_TITLE} onChange={(e) => store().replaceDeckTitle(e.target.value)} />
        </label>
        <div className="deck-sheet__toolbar" role="group" aria-label="Deck">
          <button type="button" className="button" onClick={() => store().newDeck()} disabled={empty}>
            New deck
          </button>
          <button type="button" className="button button--primary" onClick={() => void addSlide()}>
            Add slide
          </button>
          <button type="button" className="button" onClick={() => downloadDeckJson(deck)}>
            Export deck
          </button>
          <JsonFileButton inputLabel="Deck file" inputTestId="deck-file-input" onFile={(file) => void importFile(file)}>
            Import deck…
          </JsonFileButton>
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
        <div className="deck-sheet__toolbar" role="group" aria-label="Export the slides">
          {(['zip', 'pptx', 'pdf'] as const).map((kind) => (
            <button key={kind} type="button" className="button" onClick={() => void runExport(kind)} disabled={busy || empty} aria-describedby={busy ? progressId : undefined}>
              {kind === 'zip' ? 'Export slides' : kind === 'pptx' ? 'Export to PowerPoint' : 'Download PDF handout'}
            </button>
          ))}
        </div>
        {saveError && (
          <div role="alert" className="deck-notice deck-notice--error deck-save-error">
            <p>
              <strong>Not saved.</strong> {saveError} The slides stay on screen until you close this tab.
            </p>
            <button type="button" className="button" onClick={() => downloadDeckJson(deck)}>
              Export deck
            </button>
          </div>
        )}
        {pendingImport && (
          <div className="deck-confirm deck-confirm--block" role="group" aria-label="Confirm replacing the slides with the imported deck">
            <span>
              Replace your {deck.slides.length} slides with “{pendingImport.deck.title || 'Untitled deck'}” ({pendingImport.deck.slides.length} slides) from {pendingImport.file}? Your slides are not in a
              file yet: export them first to keep a copy.
            </span>
            <button type="button" className="button" onClick={() => downloadDeckJson(deck)}>
              Export deck first
            </button>
            <button type="button" className="button" onClick={() => importDeck(pendingImport.file, pendingImport.deck)}>
              Import and replace
            </button>
            <button type="button" className="button" onClick={() => setPendingImport(null)}>
              Keep my slides
            </button>
          </div>
        )}
        <div role="status" aria-label="Deck messages" className="deck-sheet__status">
          {progress && (
            <p id={progressId} className="deck-notice deck-notice--info">
              {progress}
            </p>
          )}
          {notice && !(saveError && notice.tone === 'error') && <p className={`deck-notice deck-notice--${notice.tone}`}>{notice.text}</p>}
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
        {empty && <p className="deck-empty">This deck has no slides yet. Set up a view on the dashboard, then press “Add slide”.</p>}
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          // The drag announcements live outside the sheet, so the sheet keeps a single status region.
          accessibility={{ container: document.body, announcements, screenReaderInstructions: { draggable: 'To move a slide, press Space, then the arrow keys; Space again drops it, Escape cancels. Or use its Move up and Move down buttons.' } }}
          onDragStart={() => (dragging.current = true)}
          onDragCancel={() => (dragging.current = false)}
          onDragEnd={onDragEnd}
        >
          <SortableContext items={deck.slides.map((s) => s.id)} strategy={verticalListSortingStrategy}>
            <ol className="deck-list">
              {deck.slides.map((slide, i) => (
                <SlideEditor key={slide.id} slide={slide} index={i} count={deck.slides.length} onPresent={onPresent} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      </div>
    </div>,
    document.body,
  );
}

const SHORT_PANEL_NAMES: Record<string, string> = { aid: 'Aid', drones: 'Drones', map: 'Map', timeline: 'Timeline' };

/** A small 16:9 picture of the slide: its title and the panels it shows, where they sit. */
function SlideThumbnail({ slide, n }: { slide: Slide; n: number }) {
  const panels = layoutPanels(slide.layout);
  return (
    <div className={`deck-thumb deck-thumb--${panels.length > 1 ? 'grid' : 'single'}`} role="img" aria-label={`Slide ${n} thumbnail: ${(LAYOUT_LABELS[slide.layout] ?? slide.layout).toLowerCase()}`}>
      <span className="deck-thumb__title">{slide.title || 'Untitled slide'}</span>
      <span className="deck-thumb__cells">
        {panels.map((id) => (
          <span key={id} className={`deck-thumb__cell deck-thumb__cell--${id}`} title={panelMeta(id).title}>
            {SHORT_PANEL_NAMES[id] ?? panelMeta(id).title}
          </span>
        ))}
      </span>
    </div>
  );
}

/** The slide's sources: chosen ones as ticked boxes, and a search by title or publisher to add more. */
function SourcePicker({ slide, n }: { slide: Slide; n: number }) {
  const sources = useDashboardStore((s) => s.dataset?.sources);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s])), [sources]);
  const chosen = slide.sources;
  const found = useMemo(() => searchSources(sources ?? [], query), [sources, query]);
  const matches = found.filter((s) => !chosen.includes(s.id));
  const unknown = sources ? chosen.filter((id) => !byId.has(id)) : [];
  const full = chosen.length >= MAX_SOURCES;
  const set = (ids: string[]) => useSeminarStore.getState().updateSlide(slide.id, { sources: ids });

  return (
    <fieldset className="deck-sources">
      <legend>Sources of slide {n}</legend>
      {chosen.length === 0 ? (
        <p className="deck-sources__none">No sources chosen: the exports will say so. Find them by title or publisher below.</p>
      ) : (
        <ul className="deck-sources__list" aria-label={`Chosen sources of slide ${n}`}>
          {chosen.map((id) => {
            const source = byId.get(id);
            return (
              <li key={id}>
                <label>
                  <input type="checkbox" checked onChange={() => set(chosen.filter((c) => c !== id))} />
                  <span>{source ? sourceLabel(source) : `Not in this dataset: ${id}`}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <label className="deck-field">
        <span>Find a source for slide {n} (by title or publisher)</span>
        <input ref={searchRef} type="search" value={query} onChange={(e) => setQuery(e.target.value)} disabled={!sources} />
      </label>
      {query.trim() !== '' && (
        <>
          {matches.length === 0 ? (
            <p className="deck-sources__none" role="status">
              {found.length > 0 ? `Every source matching “${query.trim()}” is chosen already.` : `No source title or publisher matches “${query.trim()}”.`}
            </p>
          ) : (
            <ul className="deck-sources__list deck-sources__list--matches" aria-label={`Sources matching “${query.trim()}”`}>
              {matches.map((source) => (
                <li key={source.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={false}
                      disabled={full}
                      onChange={() => {
                        set([...chosen, source.id]);
                        searchRef.current?.focus();
                      }}
                    />
                    <span>{sourceLabel(source)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {full && <p className="deck-slide__warning">A slide lists at most {MAX_SOURCES} sources.</p>}
        </>
      )}
      {unknown.length > 0 && <p className="deck-slide__warning">{unknown.length === 1 ? 'One source is' : `${unknown.length} sources are`} not in the loaded dataset; untick to remove.</p>}
    </fieldset>
  );
}

function SlideEditor({ slide, index, count, onPresent }: { slide: Slide; index: number; count: number; onPresent: (index: number) => void }) {
  const n = index + 1;
  const dataset = useDashboardStore((s) => s.dataset);
  const store = useSeminarStore.getState;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: slide.id });

  const move = (by: -1 | 1) => {
    store().moveSlide(slide.id, by);
    // Keep focus on the same control of the moved slide (it re-renders at its new place).
    const target = by < 0 ? (index - 1 === 0 ? 'down' : 'up') : index + 1 === count - 1 ? 'up' : 'down';
    window.setTimeout(() => document.getElementById(`slide-${target}-${slide.id}`)?.focus(), 0);
  };

  return (
    <li
      ref={setNodeRef}
      className={`deck-slide${isDragging ? ' deck-slide--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-label={`Slide ${n}: ${slide.title || 'Untitled slide'}`}
    >
      <div className="deck-slide__head">
        <button type="button" ref={setActivatorNodeRef} className="deck-slide__handle" {...attributes} {...listeners} aria-label={`Drag slide ${n} to another position`}>
          <span aria-hidden="true">⠿</span>
          <span className="deck-slide__number" aria-hidden="true">
            {n}
          </span>
        </button>
        <SlideThumbnail slide={slide} n={n} />
        <div className="deck-slide__fields">
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
      </div>
      <p className="deck-slide__view">
        <span className="deck-slide__view-label">View:</span> {describeSlideQuery(slide.query, slide.layout, dataset)}
      </p>
      <label className="deck-field">
        <span>Caption of slide {n}</span>
        <textarea rows={2} value={slide.caption} maxLength={MAX_CAPTION} onChange={(e) => store().updateSlide(slide.id, { caption: e.target.value })} />
      </label>
      <SourcePicker slide={slide} n={n} />
      <label className="deck-field">
        <span>Speaker notes of slide {n}</span>
        <textarea rows={3} value={slide.notes ?? ''} maxLength={MAX_NOTES} onChange={(e) => store().updateSlide(slide.id, { notes: e.target.value })} />
      </label>
      <div className="deck-slide__actions">
        <button type="button" className="button" onClick={() => applySlide(slide)} aria-label={`Show slide ${n} in the dashboard`}>
          Show
        </button>
        <button type="button" className="button" onClick={() => store().updateSlide(slide.id, { query: filtersToQuery(useDashboardStore.getState().filters) })} aria-label={`Use current view for slide ${n}`}>
          Use current view
        </button>
        <button type="button" className="button" onClick={() => onPresent(index)} aria-label={`Present from here: slide ${n}`}>
          Present from here
        </button>
        <button id={`slide-up-${slide.id}`} type="button" className="button" disabled={index === 0} onClick={() => move(-1)} aria-label={`Move up: slide ${n}`}>
          Move up
        </button>
        <button id={`slide-down-${slide.id}`} type="button" className="button" disabled={index === count - 1} onClick={() => move(1)} aria-label={`Move down: slide ${n}`}>
          Move down
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            store().deleteSlide(slide.id);
            window.setTimeout(() => document.querySelector<HTMLElement>('[data-deck-undo]')?.focus(), 0);
          }}
          aria-label={`Delete slide ${n}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
