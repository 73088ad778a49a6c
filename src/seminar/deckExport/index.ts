/**
 * The deck's PowerPoint and PDF exports, loaded on demand by the deck editor: each renders the
 * slides' panels in turn (the view the user had comes back afterwards), then builds the file.
 * pptxgenjs and jsPDF load only with the export that needs them.
 */
import type { Dataset } from '../../data/schema';
import { exportProvenance, type ExportProvenance } from '../../export/provenance';
import { useDashboardStore } from '../../store/store';
import type { Deck } from '../deck';
import { renderDeckSlides } from './renderDeck';

export type DeckFileKind = 'pptx' | 'pdf';

export async function exportDeckFile(kind: DeckFileKind, deck: Deck, dataset: Dataset | null, onProgress?: (done: number, total: number) => void): Promise<Blob> {
  // Read before the slides are visited: the data, and so its origin, is the one the deck was exported from.
  const provenance: ExportProvenance | null = dataset ? exportProvenance(dataset, useDashboardStore.getState().datasetOrigin) : null;
  const rendered = await renderDeckSlides(deck, dataset, onProgress);
  if (kind === 'pptx') {
    const { buildPptx } = await import('./pptx');
    return buildPptx(deck, rendered, provenance);
  }
  const { buildPdf } = await import('./pdf');
  return buildPdf(deck, rendered, provenance);
}
