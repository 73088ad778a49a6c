import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_FILTERS } from '../../crossfilter/filters';
import type { Dataset } from '../../data/schema';
import { useDashboardStore } from '../../store/store';
import { BANDS } from './lensLayout';
import { LensPanel } from './LensPanel';
import shippedDataset from '../../../public/data/dataset.json?raw';

const dataset = JSON.parse(shippedDataset) as Dataset;

function renderLens() {
  act(() => {
    useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
    useDashboardStore.getState().replaceFilters(DEFAULT_FILTERS);
  });
  render(<LensPanel />);
  return screen.getByRole('region', { name: 'Carrot and stick' });
}

/** The y of a diamond marker's centre, read from its path ("M x,y-4.5 …"). */
const markerY = (el: Element) => Number(/^M[\d.]+,([\d.]+)/.exec(el.querySelector('path')!.getAttribute('d')!)![1]) + 4.5;

// Each test renders the whole shipped dataset; a loaded 2-core machine needs more than the default 5 s.
describe('LensPanel', { timeout: 20_000 }, () => {
  it('draws cooperation above the plot and friction (Salala, FY2012) below the axis', () => {
    const region = renderLens();
    const salala = within(region).getByRole('button', { name: 'Salala: NATO strike kills 24 Pakistani soldiers, FY2012, friction' });
    expect(markerY(salala)).toBeGreaterThan(BANDS.axisY);
    const klb = within(region).getByRole('button', { name: /Kerry-Lugar-Berman Act signed, FY2010, cooperation/ });
    expect(markerY(klb)).toBeLessThan(BANDS.plotTop);
    // The chart has the fixed jsdom width and the stacked bars of every CRS period.
    const svg = region.querySelector('svg.lens-chart__svg')!;
    expect(svg.getAttribute('width')).toBe('720');
    expect(region.querySelector('[data-fy="FY2011"]')).not.toBeNull();
  });

  it('selecting Abbottabad shows aid in FY2011 and FY2012 and the change, with the caveat', async () => {
    const user = userEvent.setup();
    const region = renderLens();
    await user.click(within(region).getByRole('button', { name: /US raid kills bin Laden in Abbottabad, FY2011/ }));
    expect(useDashboardStore.getState().filters.selection).toEqual({ kind: 'event', id: '2011-abbottabad' });
    const reading = within(region).getByRole('region', { name: 'Aid before and after the selected event' });
    const security = within(reading).getByRole('row', { name: /Security-related/ });
    expect(security).toHaveTextContent('1,277');
    expect(security).toHaveTextContent('849');
    expect(security).toHaveTextContent('−33.5% (−$428m)');
    expect(reading).toHaveTextContent('This is a reading, not a causal estimate');
  });

  it('clicking a fiscal year sets the range from the lens; the events list opens on demand', async () => {
    const user = userEvent.setup();
    const region = renderLens();
    await user.click(within(region).getByRole('button', { name: 'FY2012: select this fiscal year' }));
    expect(useDashboardStore.getState().filters.yearRange).toEqual({ from: 2012, to: 2012 });
    expect(useDashboardStore.getState().filters.yearRangeOrigin).toBe('lens');
    expect(within(region).queryByRole('complementary', { name: 'Lens events' })).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Events list' }));
    const list = within(region).getByRole('complementary', { name: 'Lens events' });
    await user.click(within(list).getByRole('button', { name: /^FY2012 Salala/ }));
    expect(useDashboardStore.getState().filters.selection).toEqual({ kind: 'event', id: '2011-salala' });
  });

  it('obeys the tone filter', () => {
    const region = renderLens();
    act(() => useDashboardStore.getState().toggleTone('cooperation'));
    expect(within(region).queryByRole('button', { name: /Salala/ })).toBeNull();
    expect(within(region).getByRole('button', { name: /Kerry-Lugar-Berman/ })).toBeInTheDocument();
  });

  it('the claims view sets the paper’s $30.2bn beside the CRS 28,502', async () => {
    const user = userEvent.setup();
    const region = renderLens();
    await user.click(within(region).getByRole('button', { name: 'Claims vs data' }));
    const row = within(region).getByRole('row', { name: /US aid received, 2002–2013/ });
    expect(row).toHaveTextContent('$30.2bn');
    expect(row).toHaveTextContent('28,502');
    expect(row).toHaveTextContent('27,417');
  });
});
