import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { MIN_ZOOM, scrollForAnchor, wheelZoom, zoomIn, zoomOut } from './timelineController';

/** Width assumed before layout (and in jsdom, which has none). */
const FALLBACK_WIDTH = 600;

/**
 * The timeline's zoom state wired to a scrolling viewport: the zoom factor widens the content,
 * the viewport scrolls to pan, and every zoom step keeps the point the user looked at in place.
 * The arithmetic lives in timelineController.ts; this hook only touches the DOM.
 */
export function useTimelineViewport() {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [zoom, setZoomState] = useState<number>(MIN_ZOOM);
  const [viewportWidth, setViewportWidth] = useState(0);
  const zoomRef = useRef(zoom);
  const anchor = useRef<{ fraction: number; offset: number } | null>(null);

  useLayoutEffect(() => {
    zoomRef.current = zoom;
  }, [zoom]);

  useLayoutEffect(() => {
    if (!scroller) return;
    const measure = () => setViewportWidth(scroller.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scroller]);

  /** Sets the zoom, anchored at a pointer's clientX or else at the viewport's centre. */
  const setZoom = useCallback(
    (next: number, anchorClientX?: number) => {
      if (scroller) {
        const width = scroller.clientWidth;
        const contentWidth = width * zoomRef.current;
        const offset = anchorClientX === undefined ? width / 2 : anchorClientX - scroller.getBoundingClientRect().left;
        anchor.current = contentWidth > 0 ? { fraction: (scroller.scrollLeft + offset) / contentWidth, offset } : null;
      }
      setZoomState(next);
    },
    [scroller],
  );

  // After the content has its new width, scroll so the anchor stays where it was.
  useLayoutEffect(() => {
    const a = anchor.current;
    anchor.current = null;
    if (!scroller || !a) return;
    const width = scroller.clientWidth;
    // jsdom has no scrollTo on elements (and no layout to scroll).
    if (typeof scroller.scrollTo === 'function') scroller.scrollTo({ left: scrollForAnchor(a.fraction, a.offset, width * zoom, width) });
  }, [zoom, scroller]);

  // Ctrl/Cmd + wheel zooms (the listener must be non-passive to keep the page from zooming).
  useEffect(() => {
    if (!scroller) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      setZoom(wheelZoom(zoomRef.current, event.deltaY), event.clientX);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [scroller, setZoom]);

  const width = viewportWidth > 0 ? viewportWidth : FALLBACK_WIDTH;
  return {
    /** Callback ref for the scrolling viewport. */
    attachScroller: setScroller,
    zoom,
    contentWidth: width * zoom,
    zoomIn: () => setZoom(zoomIn(zoom)),
    zoomOut: () => setZoom(zoomOut(zoom)),
    resetZoom: () => setZoom(MIN_ZOOM),
    /** Pans by most of a viewport: -1 earlier, +1 later (keyboard alternative to scrolling). */
    pan: (direction: -1 | 1) => {
      if (scroller && typeof scroller.scrollBy === 'function') scroller.scrollBy({ left: direction * scroller.clientWidth * 0.6 });
    },
  };
}
