/**
 * The seminar deck: a list of saved views ("slides"). A slide stores the complete filter and
 * selection state as the URL query string that `encodeUrlState` writes, so a slide is exactly a
 * shareable link, and an imported deck is checked by the same codec that checks links.
 *
 * Everything here is plain TypeScript (no React): the deck editor, seminar mode, the tests and
 * the slide export all use it.
 */
// First: zod without `new Function` (the CSP has no 'unsafe-eval'), before any schema exists.
import '../data/zodConfig';
import { neutralizeBidiDeep } from '../data/bidi';
import { z } from 'zod';
import { DEFAULT_FILTERS, type Filters, type PanelId } from '../crossfilter/filters';
import type { Dataset } from '../data/schema';
import { filterLine } from '../export/filterLine';
import { AID_MEASURE_INFO } from '../panels/aid/aidSelectors';
import { DOLLAR_BASIS_LABELS } from '../crossfilter/constantDollars';
import { PANEL_IDS, PANELS, panelMeta } from '../panels/registry';
import { AID_CATEGORY_LABELS, THEME_LABELS, TONE_LABELS } from '../theme/palette';
import { describeValue, formatProblem, problemsFromZod, type DatasetProblem } from '../data/problems';
import { decodeUrlState, encodeUrlState, type YearBounds } from '../url/urlCodec';
import { useDashboardStore } from '../store/store';

export const DECK_FORMAT = 'pk-us-dashboard-deck';
export const DECK_VERSION = 1;
export const MAX_SLIDES = 100;
export const MAX_TITLE = 120;
export const MAX_CAPTION = 600;
// A four-panel view can rest on some forty sources; exports shorten the line, never the list.
export const MAX_SOURCES = 60;
export const MAX_NOTES = 4000;
const MAX_QUERY = 2000;
const ID = /^[\w.:-]{1,120}$/;

/**
 * Which panels a slide shows, and how:
 * - "grid": the first four panels as a 2×2 grid;
 * - a panel id: that panel alone;
 * - "a+b": two panels side by side;
 * - "a+events" / "events": a panel beside the events list, or the list alone;
 * - "a:v": one of a panel's own slide variants (its meta's `slideVariants`, e.g. "lens:claims");
 * - "answer": the live answer to "what happened in these years?": aid, strikes and the named events.
 */
export type SlideLayout = string;

/** Pairs worth putting side by side: money against events, strikes against events, place against time. */
const PAIRS: readonly [PanelId, PanelId][] = [
  ['aid', 'drones'],
  ['aid', 'timeline'],
  ['drones', 'timeline'],
  ['map', 'timeline'],
  ['aid', 'map'],
  ['drones', 'map'],
];

const availablePairs = () => PAIRS.filter(([a, b]) => PANEL_IDS.includes(a) && PANEL_IDS.includes(b));

export const SLIDE_LAYOUTS: readonly SlideLayout[] = [
  'grid',
  ...PANEL_IDS,
  ...availablePairs().map(([a, b]) => `${a}+${b}`),
  ...PANEL_IDS.filter((p) => p !== 'timeline').map((p) => `${p}+events`),
  ...PANELS.flatMap((p) => (p.slideVariants ?? []).map((v) => `${p.id}:${v.id}`)),
  'events',
  'answer',
];

/** One cell of a slide: a panel, or the timeline's events list. */
export interface SlideCell {
  panel: PanelId;
  /** 'list' (the timeline's events list) or one of the panel's `slideVariants`. */
  variant?: string;
}

/** A panel's own slide variant named by a layout "panel:variant", if the registry has it. */
function panelVariant(layout: SlideLayout): SlideCell | null {
  const [panel, variant, ...rest] = layout.split(':');
  if (!panel || !variant || rest.length) return null;
  const meta = PANELS.find((p) => p.id === panel);
  return meta?.slideVariants?.some((v) => v.id === variant) ? { panel, variant } : null;
}

/** The words for a cell: the panel's title, its variant's label, or "events list". */
function cellName(c: SlideCell, titles: Readonly<Record<string, string>>): string {
  if (c.variant === 'list') return 'events list';
  const title = titles[c.panel] ?? c.panel;
  const variant = c.variant ? PANELS.find((p) => p.id === c.panel)?.slideVariants?.find((v) => v.id === c.variant) : undefined;
  return variant ? `${title}: ${variant.label}` : title;
}

export type SlideArrangement = 'single' | 'pair' | 'grid' | 'answer';

/** The cells a layout shows and how they are arranged. Unknown layouts show the grid. */
export function layoutCells(layout: SlideLayout): { arrangement: SlideArrangement; cells: SlideCell[] } {
  const list: SlideCell = { panel: 'timeline', variant: 'list' };
  if (layout === 'events') return { arrangement: 'single', cells: [list] };
  if (layout === 'answer') return { arrangement: 'answer', cells: [{ panel: 'aid' }, { panel: 'drones' }, { panel: 'timeline' }] };
  if ((PANEL_IDS as readonly string[]).includes(layout)) return { arrangement: 'single', cells: [{ panel: layout as PanelId }] };
  const own = panelVariant(layout);
  if (own) return { arrangement: 'single', cells: [own] };
  const [a, b] = layout.split('+');
  if (a && b && (PANEL_IDS as readonly string[]).includes(a)) {
    if (b === 'events') return { arrangement: 'pair', cells: [{ panel: a as PanelId }, list] };
    if ((PANEL_IDS as readonly string[]).includes(b)) return { arrangement: 'pair', cells: [{ panel: a as PanelId }, { panel: b as PanelId }] };
  }
  return { arrangement: 'grid', cells: PANEL_IDS.slice(0, 4).map((panel) => ({ panel })) };
}

/** The layout's name in the "Panels shown" control and the deck editor. */
export function layoutLabel(layout: SlideLayout, titles: Readonly<Record<string, string>>): string {
  if (layout === 'grid') return 'All four panels (2×2)';
  if (layout === 'events') return 'Events list';
  if (layout === 'answer') return 'Answer: aid, strikes and events';
  const { cells } = layoutCells(layout);
  const name = (c: SlideCell) => cellName(c, titles);
  if (cells.length === 1) return `Only: ${name(cells[0]!)}`;
  return cells[1]?.variant === 'list' ? `${name(cells[0]!)} with the events list` : `${name(cells[0]!)} and ${name(cells[1]!)}`;
}

/** The layouts in words, for the deck editor's and seminar mode's "Panels shown" selects. */
export const LAYOUT_LABELS: Record<SlideLayout, string> = Object.fromEntries(
  SLIDE_LAYOUTS.map((l) => [l, layoutLabel(l, Object.fromEntries(PANELS.map((p) => [p.id, p.title])))]),
);

/**
 * A filter query is valid when the URL codec reads every part of it without dropping or
 * correcting anything. `data=` (a dataset address) has no place in a slide.
 */
export function queryProblems(query: string): string[] {
  if (query !== '' && !query.startsWith('?')) return ['must be empty or start with "?"'];
  const { ignored } = decodeUrlState(query);
  const params = new URLSearchParams(query);
  if (params.has('data')) ignored.push('data= (a dataset address) is not part of a slide');
  return ignored;
}

const FilterQuery = z
  .string()
  .max(MAX_QUERY, `must be at most ${MAX_QUERY} characters`)
  .superRefine((value, ctx) => {
    const problems = queryProblems(value);
    if (problems.length > 0) ctx.addIssue({ code: 'custom', message: `is not a valid filter query: ${problems.join('; ')}` });
  });

export const SlideSchema = z.strictObject({
  id: z.string().regex(ID, 'must be an id of letters, digits and - _ . : (at most 120)'),
  // May be empty while the speaker edits it; seminar mode then shows "Untitled slide".
  title: z.string().max(MAX_TITLE, `must be at most ${MAX_TITLE} characters`),
  caption: z.string().max(MAX_CAPTION, `must be at most ${MAX_CAPTION} characters`),
  query: FilterQuery,
  layout: z.enum(SLIDE_LAYOUTS as [SlideLayout, ...SlideLayout[]]),
  sources: z.array(z.string().regex(ID, 'must be a source id')).max(MAX_SOURCES, `must list at most ${MAX_SOURCES} sources`),
  // Optional: decks saved before speaker notes existed still load.
  notes: z.string().max(MAX_NOTES, `must be at most ${MAX_NOTES} characters`).optional(),
});

export const DeckSchema = z
  .strictObject({
    format: z.literal(DECK_FORMAT),
    version: z.literal(DECK_VERSION),
    title: z.string().max(MAX_TITLE, `must be at most ${MAX_TITLE} characters`),
    // May be empty: "New deck" starts with no slides, and the last slide can be deleted.
    slides: z.array(SlideSchema).max(MAX_SLIDES, `must hold at most ${MAX_SLIDES} slides`),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>();
    deck.slides.forEach((slide, i) => {
      if (seen.has(slide.id)) ctx.addIssue({ code: 'custom', path: ['slides', i, 'id'], message: `repeats the id "${slide.id}" of an earlier slide` });
      seen.add(slide.id);
    });
  });

export type Slide = z.infer<typeof SlideSchema>;
export type Deck = z.infer<typeof DeckSchema>;

export type DeckResult = { ok: true; deck: Deck } | { ok: false; problems: DatasetProblem[] };

export function validateDeck(input: unknown): DeckResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'a deck must be a JSON object with "format", "version", "title" and "slides"', got: describeValue(input) }] };
  }
  const result = DeckSchema.safeParse(input);
  // A deck file may come from anyone: its titles, captions and notes are shown and exported.
  if (result.success) return { ok: true, deck: neutralizeBidiDeep(result.data) };
  return { ok: false, problems: problemsFromZod(result.error, input) };
}

/** Parses a deck file's text. A byte-order mark is tolerated. */
export function parseDeckText(text: string): DeckResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `the file is not valid JSON: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  return validateDeck(parsed);
}

export function formatDeckProblems(problems: readonly DatasetProblem[]): string[] {
  return problems.map(formatProblem);
}

export function serializeDeck(deck: Deck): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Slides ⇄ filters

/** The filters a slide stands for, clamped to the dataset's years. Pure: the export uses it too. */
export function slideToFilters(slide: Pick<Slide, 'query'>, bounds?: YearBounds): Filters {
  return decodeUrlState(slide.query, bounds).filters;
}

/** The query string a slide stores for the given filters. */
export function filtersToQuery(filters: Filters): string {
  return encodeUrlState(filters);
}

/** True when the filters on screen are the slide's (so "Back to slide" has nothing to do). */
export function filtersMatchSlide(filters: Filters, slide: Pick<Slide, 'query'>, bounds?: YearBounds): boolean {
  return encodeUrlState(filters) === encodeUrlState(slideToFilters(slide, bounds));
}

/** Drops a selection that names nothing in the dataset (a deck made for another dataset). */
export function withKnownSelection(filters: Filters, dataset: Dataset | null): Filters {
  const sel = filters.selection;
  if (!sel || !dataset) return filters;
  const table = sel.kind === 'event' ? dataset.events : sel.kind === 'incident' ? dataset.incidents : dataset.strikes;
  return table?.some((row) => row.id === sel.id) ? filters : { ...filters, selection: null };
}

export function datasetBounds(dataset: Dataset | null): YearBounds | undefined {
  return dataset ? { min: dataset.coverage.from, max: dataset.coverage.to } : undefined;
}

/**
 * Puts a slide's filters into the dashboard store (every panel follows). Which panels to show
 * is `slide.layout`; seminar mode reads it from its own store.
 */
export function applySlide(slide: Pick<Slide, 'query'>): Filters {
  const { dataset, replaceFilters } = useDashboardStore.getState();
  const filters = withKnownSelection(slideToFilters(slide, datasetBounds(dataset)), dataset);
  replaceFilters(filters);
  return filters;
}

let idCounter = 0;
export function newSlideId(existing: readonly Slide[] = []): string {
  const taken = new Set(existing.map((s) => s.id));
  let id: string;
  do {
    idCounter += 1;
    id = `slide-${Date.now().toString(36)}-${idCounter}`;
  } while (taken.has(id));
  return id;
}

/** The row a selection names, for its title ("Salala attack"). */
function selectionTitle(filters: Filters, dataset: Dataset | null): string | null {
  const sel = filters.selection;
  if (!sel || !dataset) return null;
  if (sel.kind === 'event') return dataset.events?.find((e) => e.id === sel.id)?.title ?? null;
  if (sel.kind === 'incident') return dataset.incidents?.find((i) => i.id === sel.id)?.name ?? null;
  const strike = dataset.strikes?.find((s) => s.id === sel.id);
  return strike ? `Drone strike, ${strike.date}${strike.place ? `, ${strike.place}` : ''}` : null;
}

/**
 * A slide title from what is shown: the selected event (incident, strike), else the panel (for
 * a one-panel layout), the years and the filters: "Drone strikes: 2008–2011 · friction".
 */
export function slideTitleFor(filters: Filters, layout: SlideLayout, dataset: Dataset | null): string {
  const selected = selectionTitle(filters, dataset);
  if (selected) return selected.slice(0, MAX_TITLE);
  const coverage = dataset?.coverage ?? { from: 2001, to: 2024 };
  const line = filterLine(filters, coverage);
  const settings = panelSettings(filters, layout);
  const own = panelVariant(layout);
  const what = layout === 'grid' ? line : `${own ? cellName(own, Object.fromEntries(PANELS.map((p) => [p.id, p.title]))) : panelMeta(layout).title}: ${line}`;
  return (settings.includes('By programme') && (layout === 'grid' || layout === 'aid') ? `${what} · by programme` : what).slice(0, MAX_TITLE);
}

/** A new slide holding the view on screen, in the layout on screen, titled from what it shows. */
export function captureSlide(filters: Filters, existing: readonly Slide[], layout: SlideLayout, dataset: Dataset | null = null, sources: readonly string[] = []): Slide {
  return {
    id: newSlideId(existing),
    title: slideTitleFor(filters, layout, dataset),
    caption: '',
    query: filtersToQuery(filters),
    layout,
    sources: [...new Set(sources)].slice(0, MAX_SOURCES),
    notes: '',
  };
}

/** The panel settings that differ from the defaults, in the words the panels' controls use. */
function panelSettings(f: Filters, layout: SlideLayout, dataset: Dataset | null = null): string[] {
  const shows = (panel: PanelId) => layout === 'grid' || layout === panel;
  const parts: string[] = [];
  if (shows('aid') && f.aidMeasure !== DEFAULT_FILTERS.aidMeasure) parts.push(`measure: ${AID_MEASURE_INFO[f.aidMeasure].label}`);
  if (shows('aid')) parts.push(f.aidView === 'programme' ? 'By programme' : 'By category');
  if ((shows('aid') || shows('lens')) && f.aidDollars !== DEFAULT_FILTERS.aidDollars) parts.push(DOLLAR_BASIS_LABELS[f.aidDollars]);
  if (shows('aid') && f.aidCompare) parts.push('aid measures compared');
  if (shows('aid') && f.aidCategories.length) parts.push(`aid highlighted: ${f.aidCategories.map((c) => AID_CATEGORY_LABELS[c]).join(', ')}`);
  if (shows('drones') && f.droneSeries) parts.push(`strike tracker: ${dataset?.sources.find((s) => s.id === f.droneSeries)?.publisher ?? f.droneSeries}`);
  if (shows('drones') && f.droneCompare) parts.push('drone sources compared');
  if (shows('map')) {
    const hidden = (Object.keys(f.mapLayers) as (keyof Filters['mapLayers'])[]).filter((l) => !f.mapLayers[l]);
    if (hidden.length) parts.push(`map layers hidden: ${hidden.join(', ')}`);
  }
  return parts;
}

/** A short plain-language summary of what a slide shows (filters and panel settings), for the deck editor. */
export function describeSlideQuery(query: string, layout: SlideLayout = 'grid', dataset: Dataset | null = null): string {
  const f = slideToFilters({ query });
  const parts: string[] = [];
  parts.push(f.yearRange ? (f.yearRange.from === f.yearRange.to ? `Year ${f.yearRange.from}` : `Years ${f.yearRange.from}–${f.yearRange.to}`) : 'All years');
  if (f.tones.length) parts.push(`tone: ${f.tones.map((t) => TONE_LABELS[t].toLowerCase()).join(', ')}`);
  if (f.themes.length) parts.push(`theme: ${f.themes.map((t) => THEME_LABELS[t]).join(', ')}`);
  parts.push(...panelSettings(f, layout, dataset));
  if (f.selection) parts.push(`selected ${f.selection.kind}: ${selectionTitle(f, dataset) ?? f.selection.id}`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// Persistence

export const DECK_STORAGE_KEY = 'pk-us-dashboard.seminar-deck';
/** Where an unreadable saved deck is kept, so a later save does not destroy it. */
export const DECK_BACKUP_KEY = `${DECK_STORAGE_KEY}.unreadable`;

export interface LoadedDeck {
  deck: Deck;
  /** Set when a saved deck existed but could not be used. */
  notice: string | null;
  fromStorage: boolean;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function safeStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** Reads the saved deck; anything missing or unreadable falls back to `fallback`, never throws. */
export function loadDeck(fallback: Deck, storage: StorageLike | null = safeStorage()): LoadedDeck {
  let raw: string | null;
  try {
    raw = storage ? storage.getItem(DECK_STORAGE_KEY) : null;
  } catch {
    return { deck: fallback, notice: 'Saved slides could not be read (browser storage is not available); showing the example deck.', fromStorage: false };
  }
  if (raw === null) return { deck: fallback, notice: null, fromStorage: false };
  const result = parseDeckText(raw);
  if (result.ok) return { deck: result.deck, notice: null, fromStorage: true };
  try {
    storage?.setItem(DECK_BACKUP_KEY, raw);
  } catch {
    /* storage full: the notice still says what happened */
  }
  const first = result.problems[0];
  const why = first ? formatProblem(first) : 'unknown problem';
  return { deck: fallback, notice: `The saved slide deck could not be read (${why}); showing the example deck instead.`, fromStorage: false };
}

/** Saves the deck; returns an error message when the browser refuses (quota, privacy mode). */
export function saveDeck(deck: Deck, storage: StorageLike | null = safeStorage()): string | null {
  if (!storage) return 'Browser storage is not available: the slides will not survive a reload. Export the deck to keep it.';
  try {
    storage.setItem(DECK_STORAGE_KEY, JSON.stringify(deck));
    return null;
  } catch {
    return 'The slides could not be saved in this browser (storage full or blocked). Export the deck to keep it.';
  }
}
