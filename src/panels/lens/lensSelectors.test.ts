import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import type { Dataset } from '../../data/schema';
import { fiscalScale, labelsOverlap, layoutEvents } from './lensLayout';
import { aidSlots, beforeAfter, claimRows, readingSentence, selectLensView, type LensFilters } from './lensSelectors';
import shippedDataset from '../../../public/data/dataset.json?raw';

const dataset = JSON.parse(shippedDataset) as Dataset;
const filters: LensFilters = { ...DEFAULT_FILTERS };
const event = (id: string) => {
  const view = selectLensView(dataset, filters);
  if (view.state !== 'ok') throw new Error('no lens');
  const found = view.events.find((e) => e.id === id);
  if (!found) throw new Error(`no event ${id}`);
  return found;
};

describe('before and after', () => {
  const slots = aidSlots(dataset.aid);

  it('places an event on 30 Sep in that fiscal year, and reads FY2010 → FY2011 from the CRS rows', () => {
    // Kurram, 30 Sep 2010: the last day of FY2010.
    const kurram = event('2010-kurram');
    expect(kurram.fiscalYear).toBe(2010);
    const r = beforeAfter(slots, kurram);
    // CRS (Mar-2014 edition) security totals: FY2010 1,236, FY2011 1,277.
    const security = r.changes.find((c) => c.category === 'security')!;
    expect([security.before, security.after, security.change]).toEqual([1236, 1277, 41]);
    expect(security.percent).toBeCloseTo((41 / 1236) * 100, 6);
    // Economic 1,769 → 1,186; CSF 1,499 → 1,118.
    expect(r.changes.find((c) => c.category === 'economic')!.change).toBe(-583);
    expect(r.changes.find((c) => c.category === 'csf')!.percent).toBeCloseTo((-381 / 1499) * 100, 6);
  });

  it('puts Salala (26 Nov 2011) in FY2012 and Abbottabad (2 May 2011) in FY2011 → FY2012', () => {
    expect(event('2011-salala').fiscalYear).toBe(2012);
    const r = beforeAfter(slots, event('2011-abbottabad'));
    expect([r.fiscalYear, r.nextYear]).toEqual([2011, 2012]);
    // Security 1,277 → 849 (−428, −33.5%); economic 1,186 → 1,067 (−119); CSF 1,118 → 688 (−430).
    expect(r.changes.map((c) => c.change)).toEqual([-428, -119, -430]);
    expect(readingSentence(r)).toBe('US raid kills bin Laden in Abbottabad (FY2011) → security −33.5%, economic −10.0%, CSF −38.5%');
  });

  it('says why there is no change inside the six-year aggregate', () => {
    const r = beforeAfter(slots, event('2004-aq-khan'));
    expect(r.unavailable).toBe('CRS prints FY2002–07 as one figure, so FY2004 alone is not known');
    expect(r.changes.every((c) => c.change === null)).toBe(true);
  });
});

describe('claims vs data', () => {
  const rows = claimRows(dataset);
  const claim = (id: string) => rows.find((r) => r.claim.id === id)!;

  it('sets $30.2bn beside the yearly CRS rows (27,417) and the Mar-2019 FY2002–FY2013 column (28,502)', () => {
    const c = claim('received-2002-2013');
    expect(c.printed).toBe('$30.2bn');
    // 10,097 (FY2002–07) + 2,043 + 3,040 + 4,504 + 3,581 + 2,604 + 1,548
    expect(c.comparisons[0]!.value).toBe(27417);
    // 6,920 security + 9,457 economic + 12,125 CSF
    expect(c.comparisons[1]!.value).toBe(28502);
    expect(c.comparisons[1]!.difference).toBe(28502 - 30200);
  });

  it('sums CSF and PCF from the rows, and finds the PCF peak year', () => {
    // CSF FY2002–07 5,678 + FY2008 1,019 + FY2009 685 + FY2010 1,499
    expect(claim('csf-2002-2010').comparisons[0]!.value).toBe(8881);
    expect(claim('csf-2002-2010').printed).toBe('$8.138bn');
    // PCF 400 + 700 + 800 + 452
    expect(claim('pcf-total').comparisons[0]!.value).toBe(2352);
    expect(claim('pcf-peak-2011').comparisons[0]).toMatchObject({ value: 800, difference: 0, coverage: 'the largest year is FY2011' });
  });

  it('cannot compute a span that cuts the FY2002–07 aggregate, and says so', () => {
    const esf = claim('esf-total').comparisons[0]!;
    expect(esf.value).toBeNull();
    expect(esf.coverage).toMatch(/FY2002–07 printed as one figure/);
  });

  it("sums each tracker's strikes 2004–2014 and flags partial coverage", () => {
    const c = claim('drone-attacks-oef');
    const tbij = c.comparisons.find((x) => x.basis.startsWith('The Bureau'))!;
    // TBIJ per year 2004–2014: 1+3+2+5+38+54+128+75+49+27+24
    expect(tbij.value).toBe(406);
    expect(tbij.coverage).toBeNull();
    const lwj = c.comparisons.find((x) => x.basis.includes('Long War'))!;
    expect(lwj.coverage).toBe('2 of 11 years published');
  });
});

describe('event labels', () => {
  it('never overlap, at any width, and every year with events gets a label or a marker', () => {
    const view = selectLensView(dataset, filters);
    if (view.state !== 'ok') throw new Error('no lens');
    for (const width of [360, 700, 1300, 1850]) {
      const { labels, markers } = layoutEvents(view.events, fiscalScale(view.axis.from, view.axis.to, width));
      for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(labelsOverlap(labels[i]!, labels[j]!), `${labels[i]!.text} / ${labels[j]!.text} at ${width}px`).toBe(false);
      expect(markers.some((m) => m.event.id === '2011-salala')).toBe(true);
    }
  });

  it('follows the tone filter and another panel’s year range', () => {
    const view = selectLensView(dataset, { ...filters, tones: ['friction'], yearRange: { from: 2011, to: 2012 }, yearRangeOrigin: 'aid' });
    if (view.state !== 'ok') throw new Error('no lens');
    expect(view.axis).toEqual({ from: 2011, to: 2012 });
    expect(view.events.every((e) => e.tone === 'friction' && e.fiscalYear >= 2011 && e.fiscalYear <= 2012)).toBe(true);
    expect(view.slots.map((s) => s.label)).toEqual(['FY2011', 'FY2012']);
  });
});

describe('selection', () => {
  it('marks the selected event (or the events of a selected incident) and keeps the rest of the view as it was', () => {
    const none = selectLensView(dataset, filters);
    const picked = selectLensView(dataset, { ...filters, selection: { kind: 'event', id: '2010-kurram' } });
    if (none.state !== 'ok' || picked.state !== 'ok') throw new Error('no lens');
    expect(picked.events.filter((e) => e.selected).map((e) => e.id)).toEqual(['2010-kurram']);
    expect(picked.selected?.eventId).toBe('2010-kurram');
    expect(none.selected).toBeNull();
    // What the selection does not touch is the very same data, so the panel's memoised parts stay.
    expect(picked.slots).toBe(none.slots);
    expect(picked.readings).toBe(none.readings);
    expect(picked.table).toBe(none.table);
    expect(picked.events.filter((e) => !e.selected).every((e) => none.events.includes(e))).toBe(true);
    // Selecting nothing again gives back the unselected view.
    expect(selectLensView(dataset, filters)).toBe(none);
  });

  it('marks every event linked to a selected incident', () => {
    const linked = (dataset.events ?? []).filter((e) => e.incidentId && (e.tone === 'cooperation' || e.tone === 'friction'));
    const incident = linked[0]!.incidentId!;
    const view = selectLensView(dataset, { ...filters, selection: { kind: 'incident', id: incident } });
    if (view.state !== 'ok') throw new Error('no lens');
    expect(view.events.filter((e) => e.selected).map((e) => e.id).sort()).toEqual(linked.filter((e) => e.incidentId === incident).map((e) => e.id).sort());
  });
});
