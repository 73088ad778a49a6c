import {
  brushYears,
  clampZoom,
  fractionAtClientX,
  fractionOfTime,
  isBrushDrag,
  MAX_ZOOM,
  MIN_ZOOM,
  pixelsToYears,
  scrollForAnchor,
  tickLabelStep,
  wheelZoom,
  yearAtFraction,
  zoomIn,
  zoomOut,
} from './timelineController';

const axis = { from: 2001, to: 2024 }; // 24 year bands

describe('timeline controller', () => {
  it('steps zoom through its levels and clamps at both ends', () => {
    expect(zoomIn(1)).toBe(1.5);
    expect(zoomIn(1.7)).toBe(2);
    expect(zoomIn(MAX_ZOOM)).toBe(MAX_ZOOM);
    expect(zoomOut(2)).toBe(1.5);
    expect(zoomOut(MIN_ZOOM)).toBe(MIN_ZOOM);
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(wheelZoom(1, -200)).toBeGreaterThan(1);
    expect(wheelZoom(1, 200)).toBe(MIN_ZOOM);
  });

  it('maps positions to year bands', () => {
    expect(fractionOfTime(2001, axis)).toBe(0);
    expect(fractionOfTime(2025, axis)).toBe(1);
    expect(yearAtFraction(0, axis)).toBe(2001);
    expect(yearAtFraction(0.5, axis)).toBe(2013);
    expect(yearAtFraction(1, axis)).toBe(2024);
    expect(yearAtFraction(-0.2, axis)).toBe(2001);
  });

  it('turns a drag in either direction into the years it covers', () => {
    expect(brushYears(0.3, 0.1, axis)).toEqual({ from: 2003, to: 2008 });
    expect(brushYears(0.1, 0.3, axis)).toEqual({ from: 2003, to: 2008 });
    expect(fractionAtClientX(150, { left: 100, width: 200 })).toBe(0.25);
    expect(fractionAtClientX(500, { left: 100, width: 200 })).toBe(1);
    expect(fractionAtClientX(5, { left: 0, width: 0 })).toBe(0);
    expect(isBrushDrag(100, 102)).toBe(false);
    expect(isBrushDrag(100, 90)).toBe(true);
  });

  it('sizes markers and labels to the content width', () => {
    expect(pixelsToYears(24, 480, axis)).toBeCloseTo(1.2);
    expect(tickLabelStep(480, axis)).toBe(2); // 20 px per year
    expect(tickLabelStep(1200, axis)).toBe(1);
    expect(tickLabelStep(120, axis)).toBe(10);
  });

  it('keeps the zoom anchor in place and within bounds', () => {
    expect(scrollForAnchor(0.5, 300, 1200, 600)).toBe(300);
    expect(scrollForAnchor(0, 300, 1200, 600)).toBe(0);
    expect(scrollForAnchor(1, 0, 1200, 600)).toBe(600);
  });
});
