import { labelStep, niceTicks, placeLabels, slideUnit, slideWindow, wrapText } from './slideKit';
import { layoutTimelineSlide } from '../../panels/timeline/timelineSlideLayout';
import type { TimelineEventView } from '../../panels/timeline/timelineSelectors';

describe('slide arithmetic', () => {
  it('scales a slide point with the viewport height', () => {
    expect(slideUnit(1080)).toBe(1);
    expect(slideUnit(720) * 24).toBeCloseTo(16);
  });

  it('places labels in rows without any two touching, and counts the ones that do not fit', () => {
    const requests = Array.from({ length: 12 }, (_, i) => ({ id: `e${i}`, x: 100 + i * 20, width: 120, priority: i === 5 ? 100 : 0 }));
    const { placed, hidden } = placeLabels(requests, 600, 3, 8);
    expect(placed.length + hidden.length).toBe(12);
    expect(placed.some((p) => p.id === 'e5')).toBe(true);
    for (const a of placed)
      for (const b of placed) {
        if (a === b || a.row !== b.row) continue;
        expect(a.left + 120 + 8 <= b.left || b.left + 120 + 8 <= a.left).toBe(true);
      }
    for (const p of placed) expect(p.left).toBeGreaterThanOrEqual(0);
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('widens a one-year slide to seven years inside the data, and keeps long ranges as they are', () => {
    expect(slideWindow({ from: 2011, to: 2011 }, { from: 2001, to: 2024 })).toEqual({ from: 2008, to: 2014 });
    expect(slideWindow({ from: 2001, to: 2001 }, { from: 2001, to: 2024 })).toEqual({ from: 2001, to: 2007 });
    expect(slideWindow({ from: 2004, to: 2018 }, { from: 2001, to: 2024 })).toEqual({ from: 2004, to: 2018 });
  });

  it('thins axis labels and picks nice ticks', () => {
    expect(labelStep(24, 480, 50, 10)).toBe(3);
    expect(niceTicks(4504, 4)).toEqual([0, 2000, 4000, 6000]);
  });

  it('wraps to two lines and ends a cut line with an ellipsis', () => {
    const lines = wrapText('Salala: NATO strike kills 24 Pakistani soldiers at two border posts in Mohmand', 24, 200, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });
});

describe('the timeline slide layout', () => {
  const event = (id: string, month: number, tone: TimelineEventView['tone'], highlighted = false): TimelineEventView => ({
    id,
    date: `2011-${String(month).padStart(2, '0')}-15`,
    dateLabel: '',
    precision: 'day',
    tone,
    theme: 'border',
    title: `Event ${id} with a fairly long title`,
    description: '',
    t: 2011 + (month - 0.5) / 12,
    name: id,
    dimmed: false,
    highlighted,
    incidentId: null,
    sources: [],
  });

  it('puts cooperation above the axis and friction below, labels the selected event, and no labels overlap', () => {
    const events = [event('a', 1, 'cooperation'), event('b', 5, 'friction', true), event('c', 5, 'friction'), event('d', 11, 'friction'), event('e', 11, 'friction')];
    const layout = layoutTimelineSlide(events, { from: 2011, to: 2011 }, 1800, 600, 1);
    expect(layout.ticks.map((t) => t.text)).toContain('Nov');
    const byId = new Map(layout.labels.map((l) => [l.id, l]));
    expect(byId.get('a')!.above).toBe(true);
    expect(byId.get('b')!.above).toBe(false);
    expect(byId.get('b')!.top).toBeGreaterThan(layout.axisY);
    expect(byId.get('a')!.top + byId.get('a')!.height).toBeLessThan(layout.axisY);
    for (const x of layout.labels)
      for (const y of layout.labels) {
        if (x === y) continue;
        const apart = x.left + x.width <= y.left || y.left + y.width <= x.left || x.top + x.height <= y.top || y.top + y.height <= x.top;
        expect(apart).toBe(true);
      }
    expect(layout.hiddenCount).toBe(0);
  });

  it('counts what it cannot label on a small chart, never dropping the selected event', () => {
    const events = Array.from({ length: 30 }, (_, i) => event(`f${i}`, (i % 12) + 1, 'friction', i === 17));
    const layout = layoutTimelineSlide(events, { from: 2011, to: 2011 }, 900, 300, 1);
    expect(layout.hiddenCount).toBeGreaterThan(0);
    expect(layout.labels.length + layout.hiddenCount).toBe(30);
    expect(layout.labels.some((l) => l.id === 'f17')).toBe(true);
  });
});
