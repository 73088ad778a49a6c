/**
 * Deck exports' common loop, and "Export slides": each slide's view is applied in turn and
 * rendered while it is on screen; the filters in place before the export are restored
 * afterwards. "Export slides" renders each view with renderViewToPng (exactly width × height
 * pixels) and packs the PNGs into one ZIP (fflate, stored: PNGs are compressed already). The
 * PowerPoint and PDF exports (src/seminar/deckExport/) use the same loop. Independent of the
 * seminar code's types: a slide is a title, a caption, sources and an `apply` that puts its
 * filters on the dashboard.
 */
import { zipSync } from 'fflate';
import type { PanelId } from '../crossfilter/filters';
import { useDashboardStore } from '../store/store';
import { renderViewToPng } from './dashboardExport';
import { slugify } from './fileName';

export interface SlideToExport {
  title: string;
  caption?: string;
  sources?: readonly string[];
  panels?: readonly PanelId[];
  apply: () => void | Promise<void>;
}

export interface ExportSlidesOptions {
  width?: number;
  height?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Two frames, then idle: React commits, Recharts and Leaflet redraw. */
async function settle(): Promise<void> {
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  await new Promise<void>((r) => setTimeout(r, 150));
}

/**
 * Puts each slide's view on screen in turn and calls `visit` while it is there; the view the
 * user had comes back afterwards, also when a visit throws.
 */
export async function visitSlideViews<S extends Pick<SlideToExport, 'apply'>, R>(
  slides: readonly S[],
  visit: (slide: S, index: number) => Promise<R>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const saved = useDashboardStore.getState().filters;
  const out: R[] = [];
  try {
    for (const [i, slide] of slides.entries()) {
      await slide.apply();
      await settle();
      out.push(await visit(slide, i));
      onProgress?.(i + 1, slides.length);
    }
  } finally {
    useDashboardStore.setState({ filters: saved });
  }
  return out;
}

/** "01-salala-attack.png" */
export function slideFileName(index: number, title: string, total: number): string {
  const digits = String(total).length < 2 ? 2 : String(total).length;
  return `${String(index + 1).padStart(digits, '0')}-${slugify(title) || 'slide'}.png`;
}

export async function exportSlides(slides: readonly SlideToExport[], options: ExportSlidesOptions = {}): Promise<Blob> {
  const files: Record<string, Uint8Array> = {};
  await visitSlideViews(
    slides,
    async (slide, i) => {
      const png = await renderViewToPng({
        width: options.width ?? 1920,
        height: options.height ?? 1080,
        title: slide.title || 'Untitled slide',
        ...(slide.caption ? { caption: slide.caption } : {}),
        ...(slide.sources ? { sources: slide.sources } : {}),
        ...(slide.panels ? { panels: slide.panels } : {}),
      });
      files[slideFileName(i, slide.title, slides.length)] = new Uint8Array(await png.arrayBuffer());
    },
    options.onProgress,
  );
  const zip = zipSync(files, { level: 0 });
  return new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
