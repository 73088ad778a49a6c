/**
 * The headless part of the timeline's zoom and brush (OWID Grapher style: logic apart from the
 * view). Everything is a pure function of plain numbers, so the tests need no layout engine.
 *
 * The axis runs from the start of `axis.from` to the end of `axis.to`: each year is a band of
 * equal width, and positions are fractions (0–1) of the full axis. Zooming widens the drawn
 * content to `zoom` times the visible width; the view scrolls inside the panel to pan.
 */
import type { YearRange } from '../../crossfilter/filters';

/** The zoom factors the buttons step through. 1 shows all of 2001–2024. */
export const ZOOM_LEVELS = [1, 1.5, 2, 3, 4, 6, 8] as const;
export const MIN_ZOOM = ZOOM_LEVELS[0];
export const MAX_ZOOM = ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next zoom level in. */
export function zoomIn(zoom: number): number {
  return ZOOM_LEVELS.find((z) => z > zoom + 1e-9) ?? MAX_ZOOM;
}

/** The next zoom level out. */
export function zoomOut(zoom: number): number {
  return [...ZOOM_LEVELS].reverse().find((z) => z < zoom - 1e-9) ?? MIN_ZOOM;
}

/** Ctrl+wheel zoom: continuous, proportional to the wheel delta, clamped. */
export function wheelZoom(zoom: number, deltaY: number): number {
  return clampZoom(zoom * Math.exp(-deltaY * 0.002));
}

/** The number of year bands on the axis. */
export function axisYears(axis: YearRange): number {
  return axis.to - axis.from + 1;
}

/** Where a time (fractional year) sits on the axis, as a fraction 0–1. */
export function fractionOfTime(t: number, axis: YearRange): number {
  return (t - axis.from) / axisYears(axis);
}

/** The year whose band holds an axis fraction, clamped to the axis. */
export function yearAtFraction(fraction: number, axis: YearRange): number {
  const year = Math.floor(axis.from + fraction * axisYears(axis));
  return Math.min(axis.to, Math.max(axis.from, year));
}

/** A brush drag between two axis fractions covers every year band it touches. */
export function brushYears(startFraction: number, endFraction: number, axis: YearRange): YearRange {
  const a = yearAtFraction(Math.min(startFraction, endFraction), axis);
  const b = yearAtFraction(Math.max(startFraction, endFraction), axis);
  return { from: a, to: b };
}

/** The fraction of an element's box under a pointer's clientX. */
export function fractionAtClientX(clientX: number, rect: { left: number; width: number }): number {
  if (rect.width <= 0) return 0;
  return Math.min(1, Math.max(0, (clientX - rect.left) / rect.width));
}

/** A pointer that moved less than this many pixels made a click, not a brush. */
export const BRUSH_THRESHOLD_PX = 4;

export function isBrushDrag(startClientX: number, clientX: number): boolean {
  return Math.abs(clientX - startClientX) >= BRUSH_THRESHOLD_PX;
}

/** Converts a marker's width in pixels into years at the current content width (for lane packing). */
export function pixelsToYears(px: number, contentWidthPx: number, axis: YearRange): number {
  return contentWidthPx > 0 ? (px / contentWidthPx) * axisYears(axis) : 0;
}

/** Which year ticks carry a visible label: every year when there is room, else every 2nd or 5th. */
export function tickLabelStep(contentWidthPx: number, axis: YearRange, minLabelPx = 38): number {
  const perYear = contentWidthPx / axisYears(axis);
  return [1, 2, 5, 10].find((step) => perYear * step >= minLabelPx) ?? 10;
}

/**
 * The scrollLeft that keeps an anchor (an axis fraction shown `offsetPx` from the viewport's left
 * edge) in place after the content width changes: zoom stays centred on what the user looked at.
 */
export function scrollForAnchor(anchorFraction: number, offsetPx: number, contentWidthPx: number, viewportWidthPx: number): number {
  const max = Math.max(0, contentWidthPx - viewportWidthPx);
  return Math.min(max, Math.max(0, anchorFraction * contentWidthPx - offsetPx));
}
