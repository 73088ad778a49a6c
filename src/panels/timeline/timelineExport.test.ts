import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import { SVG_NS } from '../../export/svgCompose';
import { drawTimelineSvg, timelineExport, timelineLegend } from './timelineExport';
import { selectTimeline } from './timelineSelectors';
import { timelineDataset } from './timelineTestData';

const newDoc = () => document.implementation.createDocument(SVG_NS, 'svg', null);

describe('timeline export', () => {
  it('redraws every shown event as an SVG mark named by its date and title, in its lane', () => {
    const dataset = timelineDataset();
    const view = selectTimeline(dataset, DEFAULT_FILTERS);
    const chart = drawTimelineSvg(newDoc(), view, 800)!;
    expect(chart.width).toBe(800);
    const marks = [...chart.node.querySelectorAll('.lane rect title')].map((t) => t.textContent);
    expect(marks.sort()).toEqual(view.events.map((e) => e.name).sort());
    const friction = chart.node.querySelector('.lane-friction')!;
    expect(friction.querySelectorAll('rect title')).toHaveLength(view.events.filter((e) => e.tone === 'friction').length);
    const labels = [...chart.node.querySelectorAll('text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Cooperation', 'Context', 'Friction', 'Years', String(dataset.coverage.from)]));
  });

  it('draws the range band, fades events outside a range the timeline brushed itself and marks precision', () => {
    const dataset = timelineDataset();
    const view = selectTimeline(dataset, { ...DEFAULT_FILTERS, yearRange: { from: 2011, to: 2011 }, yearRangeOrigin: 'timeline' });
    const chart = drawTimelineSvg(newDoc(), view, 800)!;
    const byName = (name: RegExp) => [...chart.node.querySelectorAll('.lane rect')].find((r) => name.test(r.querySelector('title')?.textContent ?? ''))!;
    expect(byName(/Salala attack/).getAttribute('opacity')).toBeNull();
    const outside = view.events.find((e) => e.dimmed)!;
    expect(byName(new RegExp(outside.title)).getAttribute('opacity')).toBe('0.25');
    expect(byName(/Kerry–Lugar–Berman/).getAttribute('stroke-dasharray')).toBe('3 2');
    expect(chart.node.querySelector('rect[fill-opacity="0.08"]')).not.toBeNull();
  });

  it('says why nothing is drawn, and draws nothing without an events table', () => {
    const dataset = timelineDataset();
    const empty = selectTimeline(dataset, { ...DEFAULT_FILTERS, yearRange: { from: 2020, to: 2020 } });
    const chart = drawTimelineSvg(newDoc(), empty, 600)!;
    expect([...chart.node.querySelectorAll('text')].map((t) => t.textContent)).toContain(empty.emptyMessage);
    const { events: _omit, ...noEvents } = dataset;
    expect(drawTimelineSvg(newDoc(), selectTimeline(noEvents, DEFAULT_FILTERS), 600)).toBeNull();
  });

  it('gives the legend (themes, then date precision) and the filter wording', () => {
    const dataset = timelineDataset();
    const view = selectTimeline(dataset, { ...DEFAULT_FILTERS, themes: [view0Theme(dataset)] });
    const legend = timelineLegend(view);
    expect(legend.filter((l) => l.shape === 'circle' && !l.hollow).length).toBeGreaterThanOrEqual(view.themesPresent.length);
    expect(legend.filter((l) => l.dimmed)).toHaveLength(view.themesPresent.length - 1);
    const info = timelineExport.info(dataset, { ...DEFAULT_FILTERS, yearRange: { from: 2008, to: 2011 }, tones: ['friction'] });
    expect(info.filterLine).toBe('2008–2011 · friction');
    expect(info.fileYears).toBe('2008-2011');
    expect(info.sources.length).toBeGreaterThan(0);
  });
});

function view0Theme(dataset: ReturnType<typeof timelineDataset>) {
  return dataset.events![0]!.theme;
}
