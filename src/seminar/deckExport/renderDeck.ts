/**
 * The picture part of each deck slide, for the PowerPoint and PDF exports: the slide's panels
 * (no title or sources: those go in as text) rendered while its view is on screen, as a PNG at
 * least 1920 px wide.
 */
import type { Dataset } from '../../data/schema';
import { renderViewToPng } from '../../export/dashboardExport';
import { visitSlideViews } from '../../export/exportSlides';
import { applySlide, type Deck, type Slide } from '../deck';
import { layoutPanels, sourceLabel } from '../slideSources';

/** The panels image: 2400 × 900 px, the shape of the picture area on a 16:9 slide under the title and caption. */
export const PANELS_IMAGE = { width: 2400, height: 900 } as const;

export interface RenderedSlide {
  slide: Slide;
  /** "Publisher, Title" of each chosen source (ids the dataset lacks are kept as ids). */
  sources: string[];
  png: Uint8Array;
}

export function sourceTitlesOf(slide: Slide, dataset: Dataset | null): string[] {
  return slide.sources.map((id) => {
    const source = dataset?.sources.find((s) => s.id === id);
    return source ? sourceLabel(source) : id;
  });
}

export async function renderDeckSlides(deck: Deck, dataset: Dataset | null, onProgress?: (done: number, total: number) => void): Promise<RenderedSlide[]> {
  return visitSlideViews(
    deck.slides.map((slide) => ({ slide, apply: () => void applySlide(slide) })),
    async ({ slide }) => {
      const blob = await renderViewToPng({ ...PANELS_IMAGE, title: slide.title, panels: layoutPanels(slide.layout), panelsOnly: true });
      return { slide, sources: sourceTitlesOf(slide, dataset), png: new Uint8Array(await blob.arrayBuffer()) };
    },
    onProgress,
  );
}

export function pngDataUrl(png: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < png.length; i += 0x8000) binary += String.fromCharCode(...png.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}
