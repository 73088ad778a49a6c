/**
 * "Export to PowerPoint": one 16:9 slide per deck slide, made with pptxgenjs (loaded on
 * demand with this file). Title and caption are editable text boxes, the panels one PNG of
 * 2400 px wide, the sources a text line under it and the speaker notes in the notes pane.
 * Only plain text boxes, a picture and notes: what PowerPoint, Keynote, Google Slides and
 * LibreOffice Impress all read. Text is set in Arial (Liberation Sans, its metric twin, on
 * Linux), sized from a wide-font estimate so it fits its box even where Arial is missing.
 */
import PptxGenJS from 'pptxgenjs';
import type { ExportProvenance } from '../../export/provenance';
import type { Deck } from '../deck';
import { PANELS_IMAGE, pngDataUrl, type RenderedSlide } from './renderDeck';
import { shortSourcesLine } from './slideText';
import { neutralizeBidi } from '../../data/bidi';

const SLIDE_W = 13.333;
const MARGIN = 0.5;
const BOX_W = SLIDE_W - 2 * MARGIN;
const FONT = 'Arial';
const INK = '1B2233';
const MUTED = '4A5568';
/** Average advance of a wide sans-serif (DejaVu Sans) in em: more than Arial's, so there is room. */
const WIDE_EM = 0.6;
const LINE = 1.2;

/** The largest size from `max` down to `min` (pt) at which `text` fits a box of w × h inches. */
export function fitFontSize(text: string, w: number, h: number, max: number, min: number): number {
  for (let size = max; size > min; size--) {
    const perLine = Math.floor((w * 72) / (size * WIDE_EM));
    const lines = text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
    if (lines * size * LINE <= h * 72) return size;
  }
  return min;
}

/** Characters that fit `lines` lines of a box `w` inches wide at `size` pt, with a margin. */
const charBudget = (w: number, size: number, lines: number) => Math.floor(((w * 72) / (size * WIDE_EM)) * lines * 0.95);

/**
 * `provenance`: the credit and the data's origin (null without a dataset). Every slide names the
 * origin when the data is not the built-in dataset, and so does the file's subject.
 */
export async function buildPptx(deck: Deck, rendered: readonly RenderedSlide[], provenance: ExportProvenance | null): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = neutralizeBidi(deck.title || 'Slides');
  if (provenance) pptx.subject = provenance.details ?? provenance.credit;

  const imageH = (BOX_W * PANELS_IMAGE.height) / PANELS_IMAGE.width;
  const titleBox = { x: MARGIN, y: 0.3, w: BOX_W, h: 0.85 };
  const captionBox = { x: MARGIN, y: 1.15, w: BOX_W, h: 0.8 };
  const imageTop = 2.0;
  const sourcesBox = { x: MARGIN, y: imageTop + imageH + 0.08, w: BOX_W, h: 7.5 - (imageTop + imageH + 0.08) - 0.1 };
  const sourcesSize = 9;

  for (const { slide, sources, png } of rendered) {
    const page = pptx.addSlide();
    const title = slide.title || 'Untitled slide';
    const text = { fontFace: FONT, margin: 0, valign: 'top' as const, fit: 'shrink' as const };
    page.addText(title, { ...titleBox, ...text, bold: true, color: INK, fontSize: fitFontSize(title, titleBox.w, titleBox.h, 28, 16) });
    if (slide.caption) page.addText(slide.caption, { ...captionBox, ...text, color: INK, fontSize: fitFontSize(slide.caption, captionBox.w, captionBox.h, 16, 9) });
    page.addImage({ data: pngDataUrl(png), x: MARGIN, y: imageTop, w: BOX_W, h: imageH, altText: `${title}: the dashboard panels this slide shows` });
    const sourcesLine = shortSourcesLine(sources, charBudget(sourcesBox.w, sourcesSize, 2));
    const origin = provenance?.origin;
    page.addText(
      origin ? [{ text: sourcesLine, options: { breakLine: true } }, { text: origin, options: { bold: true, color: INK } }] : sourcesLine,
      { ...sourcesBox, ...text, color: MUTED, fontSize: sourcesSize },
    );
    const fullList = sourcesLine.endsWith('(see the table)') ? `\n\nAll sources: ${sources.join('; ')}` : '';
    const notes = neutralizeBidi(`${slide.notes ?? ''}${fullList}`.trim());
    if (notes) page.addNotes(notes);
  }
  const out = await pptx.write({ outputType: 'blob' });
  return out instanceof Blob ? out : new Blob([out as ArrayBuffer], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
