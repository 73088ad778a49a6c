/**
 * "Download PDF handout": one A4 page per deck slide with jsPDF (loaded on demand with this
 * file): the title, the caption, the slide's panels as a picture, the sources and the
 * speaker notes. Helvetica is one of PDF's built-in fonts, so every reader has it; long text
 * is set smaller until it fits the page, so a slide never spills onto a second page.
 */
import { jsPDF } from 'jspdf';
import type { ExportProvenance } from '../../export/provenance';
import type { Deck } from '../deck';
import { PANELS_IMAGE, type RenderedSlide } from './renderDeck';
import { toWinAnsi } from './slideText';

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const BOX_W = PAGE_W - 2 * MARGIN;
const LINE = 1.3;

/** `provenance`: the credit and the data's origin, which every page names when it is not the built-in dataset. */
export function buildPdf(deck: Deck, rendered: readonly RenderedSlide[], provenance: ExportProvenance | null): Blob {
  const pdf = new jsPDF({ unit: 'pt', format: 'a4', orientation: 'portrait', compress: true });
  pdf.setProperties({ title: toWinAnsi(deck.title || 'Slides'), subject: toWinAnsi(provenance ? (provenance.details ?? provenance.credit) : 'Slides') });
  const imageH = (BOX_W * PANELS_IMAGE.height) / PANELS_IMAGE.width;

  rendered.forEach(({ slide, sources, png }, i) => {
    if (i > 0) pdf.addPage();
    let y = MARGIN;
    const block = (text: string, size: number, style: 'normal' | 'bold' = 'normal', color = 27) => {
      pdf.setFont('helvetica', style);
      pdf.setFontSize(size);
      pdf.setTextColor(color);
      const lines = pdf.splitTextToSize(toWinAnsi(text), BOX_W) as string[];
      pdf.text(lines, MARGIN, y + size, { lineHeightFactor: LINE });
      y += lines.length * size * LINE + size * 0.6;
    };
    const heightOf = (text: string, size: number) => {
      pdf.setFontSize(size);
      return (pdf.splitTextToSize(toWinAnsi(text), BOX_W) as string[]).length * size * LINE + size * 0.6;
    };

    pdf.setFont('helvetica', 'normal');
    pdf.setFontSize(9);
    pdf.setTextColor(110);
    pdf.text(toWinAnsi(`${deck.title || 'Slides'} · slide ${i + 1} of ${rendered.length}`), MARGIN, MARGIN - 16);
    if (provenance?.origin) block(provenance.origin, 10, 'bold');
    block(slide.title || 'Untitled slide', 18, 'bold');
    if (slide.caption) block(slide.caption, 11);
    pdf.addImage(png, 'PNG', MARGIN, y, BOX_W, imageH, undefined, 'FAST');
    y += imageH + 14;

    // Sources and notes share the rest of the page: smaller type until both fit.
    const sourcesText = sources.length ? `Sources: ${sources.join('; ')}` : 'Sources: none listed for this slide.';
    const notes = slide.notes?.trim() ? `Speaker notes: ${slide.notes.trim()}` : '';
    const room = PAGE_H - MARGIN - y;
    let size = 10;
    while (size > 5 && heightOf(sourcesText, size) + (notes ? heightOf(notes, size) : 0) > room) size -= 0.5;
    block(sourcesText, size, 'normal', 70);
    if (notes) block(notes, size);
  });
  return pdf.output('blob');
}
