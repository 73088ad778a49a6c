import { composeSvgDocument, drawLegend, estimateMeasure, layoutLegend, serializeSvg, sourceLines, SVG_NS, wrapText } from '../../src/export/svgCompose';
import { attributeValue, inlineComputedStyles } from '../../src/export/inlineSvg';
import { needsLatinExt } from '../../src/export/fonts';
import type { LegendItem } from '../../src/export/types';

/** 10 px per character: easy to reason about. */
const measure = (text: string) => text.length * 10;

const newDoc = () => document.implementation.createDocument(SVG_NS, 'svg', null);
const parse = (text: string) => new DOMParser().parseFromString(text, 'image/svg+xml');

describe('wrapText', () => {
  it('wraps at word boundaries within the width', () => {
    expect(wrapText('aaa bbb ccc ddd', 75, 12, measure)).toEqual(['aaa bbb', 'ccc ddd']);
    for (const line of wrapText('one two three four five six seven', 100, 12, measure)) expect(measure(line)).toBeLessThanOrEqual(100);
  });

  it('cuts a word longer than the line with an ellipsis, and limits lines', () => {
    expect(wrapText('abcdefghijklmnop', 60, 12, measure)).toEqual(['abcde…']);
    const lines = wrapText('aa bb cc dd ee ff', 50, 12, measure, 400, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });

  it('names as many sources as fit and counts the rest when the list does not fit', () => {
    const sources = Array.from({ length: 20 }, (_, i) => `Source number ${i + 1}`);
    const lines = sourceLines(sources, 300, 11, measure, 3);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(300);
    const text = lines.join(' ');
    const match = /^Sources: (.+); and (\d+) more \(see the table\)$/.exec(text);
    expect(match, text).not.toBeNull();
    const named = match![1]!.split('; ');
    expect(named).toEqual(sources.slice(0, named.length));
    expect(named.length + Number(match![2])).toBe(20);
    expect(sourceLines(['A'], 300, 11, measure, 3)).toEqual(['Sources: A']);
  });

  it('fits a long list of sources (the timeline has over a hundred) without wrapping every cut in full', () => {
    const sources = Array.from({ length: 150 }, (_, i) => `A source with a fairly long title, number ${i + 1}, published somewhere`);
    let calls = 0;
    const counting = (text: string, size: number, weight?: number) => {
      calls++;
      return estimateMeasure(text, size, weight);
    };
    const lines = sourceLines(sources, 600, 11, counting, 6);
    expect(lines.length).toBeLessThanOrEqual(6);
    const match = /^Sources: (.+); and (\d+) more \(see the table\)$/.exec(lines.join(' '));
    expect(match).not.toBeNull();
    // One more source would not fit in six lines.
    const named = match![1]!.split('; ').length;
    expect(wrapText(`Sources: ${sources.slice(0, named + 1).join('; ')}; and ${150 - named - 1} more (see the table)`, 600, 11, estimateMeasure).length).toBeGreaterThan(6);
    // Wrapping each of the 150 cuts in full measured over 130,000 strings.
    expect(calls).toBeLessThan(25_000);
  });

  it('keeps the count even when the first source alone is too long', () => {
    const lines = sourceLines(['x'.repeat(200), 'B', 'C'], 300, 11, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('and 2 more (see the table)');
  });
});

describe('legend', () => {
  const items: LegendItem[] = [
    { label: 'Security', color: '#1f5fa8' },
    { label: 'Economic', color: '#e0a020', shape: 'circle' },
    { label: 'Coalition Support Funds', color: '#8e5ba8', hollow: true, dashed: true },
  ];

  it('flows entries left to right and wraps when the row is full', () => {
    const layout = layoutLegend(items, 220, measure);
    expect(layout.entries.map((e) => [e.x, e.y])).toEqual([
      [0, 0],
      [114, 0],
      [0, 21],
    ]);
    expect(layout.width).toBeLessThanOrEqual(220);
    expect(layout.entries[2]!.lines).toEqual(['Coalition Support', 'Funds']);
    expect(layout.height).toBeGreaterThan(21);
  });

  it('draws a swatch and a <text> label per entry', () => {
    const doc = newDoc();
    const { node } = drawLegend(doc, items, 600, measure);
    expect([...node.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['Security', 'Economic', 'Coalition Support Funds']);
    expect(node.querySelector('circle')?.getAttribute('fill')).toBe('#e0a020');
    const hollow = node.querySelectorAll('rect')[1]!;
    expect(hollow.getAttribute('fill')).toBe('#ffffff');
    expect(hollow.getAttribute('stroke')).toBe('#8e5ba8');
    expect(hollow.getAttribute('stroke-dasharray')).toBeTruthy();
  });
});

describe('composeSvgDocument', () => {
  it('stacks title, filter line, chart, legend, sources and credit as text in a well-formed SVG', () => {
    const doc = newDoc();
    const chart = doc.createElementNS(SVG_NS, 'rect');
    chart.setAttribute('width', '300');
    chart.setAttribute('height', '100');
    const { svg, width, height } = composeSvgDocument(
      doc,
      {
        title: 'US aid to Pakistan',
        subtitle: 'Appropriations (CRS), US$ millions',
        filterLine: 'Filters: FY2008–FY2011 · friction',
        chart: { node: chart, width: 300, height: 100 },
        width: 300,
        legend: [{ label: 'Security-related', color: '#1f5fa8' }],
        sources: ['CRS, Direct overt aid', 'A <script>alert(1)</script> & "quoted" source'],
        credit: 'Dashboard · data version 1',
        fontCss: "@font-face{font-family:'Inter Variable';src:url(data:font/woff2;base64,AAAA)}",
      },
      estimateMeasure,
    );
    expect(width).toBe(340);
    expect(height).toBeGreaterThan(100 + 40);
    const text = serializeSvg(svg);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const parsed = parse(text);
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.documentElement.namespaceURI).toBe(SVG_NS);
    expect(parsed.documentElement.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    const texts = [...parsed.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('US aid to Pakistan');
    expect(texts).toContain('Filters: FY2008–FY2011 · friction');
    expect(texts).toContain('Security-related');
    expect(texts.join(' ')).toContain('A <script>alert(1)</script> & "quoted" source');
    expect(texts.at(-1)).toBe('Dashboard · data version 1');
    // Data stays text: nothing from a source became an element.
    expect(parsed.getElementsByTagName('script')).toHaveLength(0);
    expect(parsed.querySelector('style')?.textContent).toContain('@font-face');
    expect(parsed.querySelector('.export-chart rect')?.getAttribute('width')).toBe('300');
  });

  it('omits the chart gap, the sources line or the credit when asked', () => {
    const doc = newDoc();
    const { svg } = composeSvgDocument(doc, { title: 'T', filterLine: '', chart: null, width: 200, legend: [], sources: null, credit: '' }, measure);
    expect([...svg.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['T']);
  });
});

describe('inlining computed styles', () => {
  it('turns transparent paint into none and drops defaults', () => {
    expect(attributeValue('fill', 'rgba(0, 0, 0, 0)')).toBe('none');
    expect(attributeValue('stroke', 'transparent')).toBe('none');
    expect(attributeValue('fill', 'rgb(31, 95, 168)')).toBe('rgb(31, 95, 168)');
    expect(attributeValue('opacity', '1')).toBeNull();
    expect(attributeValue('stroke-dasharray', 'none')).toBeNull();
    expect(attributeValue('font-size', '12px')).toBe('12px');
  });

  it('writes class-based styles onto the clone as attributes and drops classes and hidden parts', () => {
    const style = document.createElement('style');
    style.textContent = '.hit { fill: transparent; } .label { fill: rgb(27, 34, 51); font-size: 12px; } .gone { display: none; }';
    document.head.appendChild(style);
    const host = document.createElement('div');
    host.innerHTML = '<svg><g class="tick"><rect class="hit" width="4" height="4"></rect><text class="label">FY08</text><text class="gone">x</text></g></svg>';
    document.body.appendChild(host);
    const live = host.querySelector('svg')!;
    const clone = live.cloneNode(true) as SVGSVGElement;
    inlineComputedStyles(live, clone);
    expect(clone.querySelector('rect')?.getAttribute('fill')).toBe('none');
    const label = clone.querySelector('text')!;
    expect(label.getAttribute('font-size')).toBe('12px');
    expect(label.getAttribute('fill')).toBe('rgb(27, 34, 51)');
    expect(label.hasAttribute('class')).toBe(false);
    expect(clone.querySelectorAll('text')).toHaveLength(1);
    host.remove();
    style.remove();
  });
});

describe('font embedding', () => {
  it('adds the Latin Extended subset only when the text needs it', () => {
    expect(needsLatinExt('Pakistan–US relations · 2008')).toBe(false);
    expect(needsLatinExt('Ḥaqqānī network')).toBe(true);
  });
});
