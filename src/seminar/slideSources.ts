/**
 * The sources behind what a slide shows, as source ids: the selected event's (incident's,
 * strike's) own sources first, then those each shown panel lists in its sources line. Loaded
 * with the deck editor (the panels' export adapters are loaded on demand).
 */
import type { Filters, PanelId } from '../crossfilter/filters';
import type { Dataset, Source } from '../data/schema';
import { PANEL_IDS, panelMeta } from '../panels/registry';
import type { SlideLayout } from './deck';

function selectionSources(dataset: Dataset, filters: Filters): string[] {
  const sel = filters.selection;
  if (!sel) return [];
  const table = sel.kind === 'event' ? dataset.events : sel.kind === 'incident' ? dataset.incidents : dataset.strikes;
  return table?.find((row) => row.id === sel.id)?.sources ?? [];
}

/** The panels a layout shows. */
export function layoutPanels(layout: SlideLayout): readonly PanelId[] {
  return layout === 'grid' ? PANEL_IDS : [layout];
}

export async function shownSourceIds(dataset: Dataset, filters: Filters, layout: SlideLayout): Promise<string[]> {
  // The panels name sources as "Publisher, Title"; map those back to ids.
  const byLabel = new Map(dataset.sources.map((s) => [`${s.publisher}, ${s.title}`, s.id]));
  const ids = new Set(selectionSources(dataset, filters));
  for (const panel of layoutPanels(layout)) {
    const adapter = await panelMeta(panel).exportAdapter();
    for (const label of adapter.info(dataset, filters).sources) {
      const id = byLabel.get(label);
      if (id) ids.add(id);
    }
  }
  const known = new Set(dataset.sources.map((s) => s.id));
  return [...ids].filter((id) => known.has(id));
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Sources whose title or publisher holds every word typed (never matched by id). */
export function searchSources(sources: readonly Source[], query: string, limit = 12): Source[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const out: Source[] = [];
  for (const source of sources) {
    const hay = fold(`${source.title} ${source.publisher}`);
    if (words.every((w) => hay.includes(w))) out.push(source);
    if (out.length >= limit) break;
  }
  return out;
}

/** "Publisher, Title", as the panels' sources lines write a source. */
export const sourceLabel = (source: Pick<Source, 'publisher' | 'title'>) => `${source.publisher}, ${source.title}`;
