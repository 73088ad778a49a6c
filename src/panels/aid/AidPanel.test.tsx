import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../../tests/fixtures/loadFixture';
import type { Dataset } from '../../data/schema';
import { useDashboardStore } from '../../store/store';
import { AidPanel } from './AidPanel';

function renderPanel(dataset: Dataset = smallDataset()) {
  useDashboardStore.getState().setDataset(dataset, { kind: 'built-in', label: 'test' });
  render(<AidPanel />);
  return screen.getByRole('region', { name: 'US aid to Pakistan' });
}

const filters = () => useDashboardStore.getState().filters;
const yearButtons = (panel: HTMLElement) => within(panel).getAllByRole('button', { name: /^FY\d{2}/ });

describe('AidPanel', () => {
  it('draws one named, focusable button per fiscal-year slot, with its total and unknown years said as such', () => {
    const panel = renderPanel();
    expect(yearButtons(panel).map((b) => b.getAttribute('aria-label'))).toEqual([
      'FY02–07 6 yrs: FY2002–FY2007 (6-year total), US$ 1,500 m',
      'FY08: FY2008, US$ 298 m',
      'FY09 no data: FY2009, no figure',
      'FY10: FY2010, US$ 1,292 m',
      'FY11: FY2011, US$ 1,118 m',
    ]);
    // Label in name (WCAG 2.5.3): each name starts with the tick's visible text.
    for (const b of yearButtons(panel)) expect(b.getAttribute('aria-label')!.startsWith([...b.querySelectorAll('text')].map((t) => t.textContent).join(' '))).toBe(true);
    expect(within(panel).getByRole('button', { name: /^FY10:/ })).toHaveAttribute('tabindex', '0');
    // Stacked bars are drawn for the slots with figures (one rect per category segment).
    expect(panel.querySelectorAll('rect.aid-chart__bar')).toHaveLength(4);
    expect(panel).toHaveTextContent('Appropriations (CRS), US$ millions (current).');
  });

  it('selects a year on click without collapsing its own chart, shows Reset, and clears on a second click', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: /^FY10:/ }));
    expect(filters().yearRange).toEqual({ from: 2010, to: 2010 });
    expect(filters().yearRangeOrigin).toBe('aid');
    expect(within(panel).getByRole('button', { name: /^FY10:/ })).toHaveAttribute('aria-pressed', 'true');
    // Not filtered by its own brush: every slot is still there.
    expect(yearButtons(panel)).toHaveLength(5);
    expect(within(panel).getByRole('button', { name: 'Reset US aid to Pakistan' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: /^FY10:/ }));
    expect(filters().yearRange).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Reset US aid to Pakistan' })).not.toBeInTheDocument();
  });

  it('selects the whole span of a multi-year aggregate, and works from the keyboard', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    act(() => within(panel).getByRole('button', { name: /^FY02–07/ }).focus());
    await user.keyboard('{Enter}');
    expect(filters().yearRange).toEqual({ from: 2002, to: 2007 });
    act(() => within(panel).getByRole('button', { name: /^FY10:/ }).focus());
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(filters().yearRange).toEqual({ from: 2002, to: 2010 });
  });

  it("is filtered by another panel's year range: the rest faded on the same axis, the table narrowed, and says when the range holds no figures", async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    const barsBefore = panel.querySelectorAll('rect.aid-chart__bar').length;
    act(() => useDashboardStore.getState().setYearRange({ from: 2010, to: 2011 }, 'timeline'));
    // The axis keeps every year (so the chart does not re-lay out); the years outside are faded and say so.
    expect(yearButtons(panel).map((b) => b.getAttribute('aria-label'))).toEqual([
      'FY02–07 6 yrs: FY2002–FY2007 (6-year total), US$ 1,500 m, outside the selected years',
      'FY08: FY2008, US$ 298 m, outside the selected years',
      'FY09 no data: FY2009, no figure, outside the selected years',
      'FY10: FY2010, US$ 1,292 m',
      'FY11: FY2011, US$ 1,118 m',
    ]);
    expect(within(panel).getByRole('button', { name: /^FY08:/ })).toHaveClass('year-tick--dimmed');
    expect(within(panel).getByRole('button', { name: /^FY10:/ })).not.toHaveClass('year-tick--dimmed');
    const bars = [...panel.querySelectorAll('rect.aid-chart__bar')];
    expect(bars).toHaveLength(barsBefore);
    // FY02–07 and FY08 are one segment each in the fixture; FY10 and FY11 keep full strength.
    expect(bars.filter((r) => r.getAttribute('fill-opacity') !== '1')).toHaveLength(2);
    expect(within(panel).queryByRole('button', { name: 'Reset US aid to Pakistan' })).not.toBeInTheDocument();
    // The table lists only the years in range.
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1) as HTMLTableRowElement[];
    expect(rows.map((r) => r.cells[0]?.textContent)).toEqual(['FY2010', 'FY2011']);
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    act(() => useDashboardStore.getState().setYearRange({ from: 2019, to: 2020 }, 'filter-bar'));
    expect(within(panel).getByText('No aid figures (appropriations (crs)) for FY2019–FY2020.')).toBeInTheDocument();
    expect(within(panel).queryAllByRole('button', { name: /^FY\d{2}/ })).toHaveLength(0);
  });

  it('shows a table of the values drawn per fiscal year (category columns and the total), unknown for the year without a figure', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    const table = within(panel).getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 2)).toEqual(['Fiscal year', 'Security-related']);
    expect(headers).toContain('Total');
    expect(headers).toContain('Unit');
    const rows = within(table).getAllByRole('row').slice(1);
    // One row per slot the chart draws: FY2002–FY2007, FY2008, FY2009 (no figure), FY2010, FY2011.
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['FY2002–FY2007 (6-year total)', 'FY2008', 'FY2009', 'FY2010', 'FY2011']);
    const cell = (row: HTMLElement, header: string) => within(row).getAllByRole('cell')[headers.indexOf(header)]!.textContent;
    const fy2010 = rows[3]!;
    expect(cell(fy2010, 'Total')).toBe('1,292');
    expect(cell(fy2010, 'Unit')).toBe('Appropriations (CRS), US$ millions (current)');
    expect(cell(rows[2]!, 'Total')).toBe('unknown');
    expect(within(panel).getByText(/^Sources:/).parentElement).toHaveTextContent('Congressional Research Service, Direct Overt U.S. Aid');
  });

  it('"Rows" switches the table to the source rows behind each bar, with a source column', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    const rowsSwitch = within(panel).getByRole('button', { name: 'Rows' });
    expect(rowsSwitch).toHaveAttribute('aria-pressed', 'false');
    await user.click(rowsSwitch);
    expect(rowsSwitch).toHaveAttribute('aria-pressed', 'true');
    const table = within(panel).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Source');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(within(rows.find((r) => r.textContent?.startsWith('FY2009'))!).getByText('unknown')).toBeInTheDocument();
    expect(rows.find((r) => r.textContent?.startsWith('FY2010'))).toHaveTextContent('1,292');
  });

  it('switches measure through a labelled select, and says when a measure has no rows', async () => {
    const user = userEvent.setup({ skipHover: true });
    const d = smallDataset();
    d.aid!.push({ id: 'fa-2010', measure: 'fa-obligations', fiscalYearStart: 2010, fiscalYearEnd: 2010, programme: 'TOTAL', programmeName: 'All assistance', category: 'unsplit', status: 'actual', amount: 2681.1, sources: ['crs'] });
    const panel = renderPanel(d);
    const select = within(panel).getByRole('combobox', { name: 'Measure' });
    expect(within(select).getByRole('option', { name: /Disbursements/ })).toBeDisabled();
    await user.selectOptions(select, 'fa-obligations');
    expect(filters().aidMeasure).toBe('fa-obligations');
    expect(yearButtons(panel).map((b) => b.getAttribute('aria-label'))).toEqual(['FY10: FY2010, US$ 2,681.1 m']);
    // One unsplit total per year: the breakdown buttons do nothing, so they are disabled with the reason.
    expect(within(panel).getByRole('button', { name: 'By category' })).toBeDisabled();
    expect(within(panel).getByRole('button', { name: 'By programme' })).toBeDisabled();
    expect(within(panel).getByRole('group', { name: 'Breakdown' })).toHaveAccessibleDescription('Obligations (ForeignAssistance.gov) is one total per year, not split by category or programme.');
    expect(panel).toHaveTextContent('excluding Coalition Support Funds');
    act(() => useDashboardStore.getState().setAidMeasure('fa-disbursements'));
    expect(within(panel).getByText(/has no aid figures for disbursements/)).toBeInTheDocument();
  });

  it('switches to the per-programme breakdown and lists the programmes', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'By programme' }));
    expect(filters().aidView).toBe('programme');
    expect(within(panel).getByRole('button', { name: 'By programme' })).toHaveAttribute('aria-pressed', 'true');
    const legend = within(panel).getByRole('list', { name: 'Programmes' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['FMFFMF: Foreign Military Financing', 'ESFESF: Economic Support Fund', 'CSFCSF: Coalition Support Funds']);
  });

  it('highlights a category as its own filter: dims the rest, narrows the table, and Reset clears it', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: 'Security' }));
    expect(filters().aidCategories).toEqual(['security']);
    expect(within(panel).getByRole('button', { name: 'Security' })).toHaveAttribute('aria-pressed', 'true');
    const faint = [...panel.querySelectorAll('rect.aid-chart__bar')].filter((r) => r.getAttribute('fill-opacity') !== '1');
    expect(faint).toHaveLength(2);
    await user.click(within(panel).getByRole('button', { name: 'Reset US aid to Pakistan' }));
    expect(filters().aidCategories).toEqual([]);
  });

  it('marks the fiscal years that hold events matching the tone filter, and the selected item year (Salala, 26 Nov 2011, is FY2012)', () => {
    const d = smallDataset();
    d.aid!.push({ id: 'crs-2012', measure: 'crs-appropriations', fiscalYearStart: 2012, fiscalYearEnd: 2012, programme: 'ESF', programmeName: 'Economic Support Fund', category: 'economic', status: 'actual', amount: 904, sources: ['crs'] });
    const panel = renderPanel(d);
    act(() => {
      useDashboardStore.getState().toggleTone('friction');
      useDashboardStore.getState().select({ kind: 'incident', id: 'salala_2011' });
    });
    expect(within(panel).getByRole('button', { name: 'FY12: FY2012, US$ 904 m, has matching events, year of the selected item' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'FY11: FY2011, US$ 1,118 m' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('mark fiscal years (1 Oct–30 Sep: 26 Nov 2011 falls in FY2012)');
  });

  it('opens the tooltip of the clicked or focused tick, not of the first bar', async () => {
    const user = userEvent.setup({ skipHover: true });
    const panel = renderPanel();
    await user.click(within(panel).getByRole('button', { name: /^FY11:/ }));
    const tip = within(panel).getByRole('tooltip');
    expect(tip).toHaveTextContent('FY2011');
    expect(tip).toHaveTextContent('1,118');
    expect(tip).not.toHaveTextContent('FY2002');
    act(() => within(panel).getByRole('button', { name: /^FY08:/ }).focus());
    expect(within(panel).getByRole('tooltip')).toHaveTextContent('FY2008');
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('switches between current and constant 2024 dollars: the axis, the tooltip and the note follow', async () => {
    const user = userEvent.setup({ skipHover: true });
    const d = smallDataset();
    d.sources.push({ id: 'cpi', title: 'CPI-U annual averages', publisher: 'BLS', date: '2025-01', url: null, measures: 'price index' });
    d.priceIndex = [
      { id: 'cpi-2010', year: 2010, value: 200, series: 'CUUR0000SA0', sources: ['cpi'] },
      { id: 'cpi-2011', year: 2011, value: 250, series: 'CUUR0000SA0', sources: ['cpi'] },
      { id: 'cpi-2024', year: 2024, value: 300, series: 'CUUR0000SA0', sources: ['cpi'] },
    ];
    const panel = renderPanel(d);
    const dollars = within(panel).getByRole('group', { name: 'Dollars' });
    expect(within(dollars).getByRole('button', { name: 'Current US$' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(dollars).getByRole('button', { name: 'Constant 2024 US$' }));
    expect(filters().aidDollars).toBe('constant');
    expect(within(dollars).getByRole('button', { name: 'Constant 2024 US$' })).toHaveAttribute('aria-pressed', 'true');
    // FY2010 ESF 1,292 × 300 / 200; FY2011 1,118 × 300 / 250.
    expect(within(panel).getByRole('button', { name: /^FY10:/ })).toHaveAccessibleName(/US\$ 1,938 m/);
    expect(within(panel).getByRole('button', { name: /^FY11:/ })).toHaveAccessibleName(/US\$ 1,341\.6 m/);
    await user.click(within(panel).getByRole('button', { name: /^FY10:/ }));
    const tip = within(panel).getByRole('tooltip');
    expect(tip).toHaveTextContent('Total (constant 2024 US$ m)1,938');
    expect(panel).toHaveTextContent('Appropriations (CRS), US$ millions (constant 2024).');
    expect(panel).toHaveTextContent('Appropriated, constant 2024 US$ m');
    // Years the index lacks are left out (and said), never shown unconverted.
    expect(within(panel).getByRole('button', { name: /^FY08/ })).toHaveAccessibleName(/no figure/);
    expect(panel).toHaveTextContent(/No index value for FY2002, .*FY2008: left out in constant dollars/);
    await user.click(within(dollars).getByRole('button', { name: 'Current US$' }));
    expect(within(panel).getByRole('button', { name: /^FY10:/ })).toHaveAccessibleName(/US\$ 1,292 m/);
  });

  it('disables constant dollars, and says why, when the dataset has no price index', () => {
    const panel = renderPanel();
    const constant = within(panel).getByRole('button', { name: 'Constant 2024 US$' });
    expect(constant).toBeDisabled();
    expect(constant.closest('[role="group"]')).toHaveAccessibleDescription('This dataset has no price index, so figures stay in current dollars.');
  });

  it('"Compare measures" sets the measures side by side, with its own table, and turns off again', async () => {
    const user = userEvent.setup({ skipHover: true });
    const d = smallDataset();
    d.aid!.push(
      { id: 'fa-2011', measure: 'fa-obligations', fiscalYearStart: 2011, fiscalYearEnd: 2011, programme: 'TOTAL', programmeName: 'All assistance', category: 'unsplit', status: 'actual', amount: 1947.1, sources: ['crs'] },
      { id: 'fa-2013', measure: 'fa-obligations', fiscalYearStart: 2013, fiscalYearEnd: 2013, programme: 'TOTAL', programmeName: 'All assistance', category: 'unsplit', status: 'actual', amount: 813, sources: ['crs'] },
    );
    const panel = renderPanel(d);
    // The CRS view says where CRS stops and what continues it.
    expect(panel).toHaveTextContent('CRS’s yearly table ends at FY2011');
    await user.click(within(panel).getByRole('button', { name: 'Compare measures' }));
    expect(filters().aidCompare).toBe(true);
    expect(within(panel).getByRole('button', { name: 'Compare measures' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(panel).getByRole('list', { name: 'Measures' })).toHaveTextContent('ForeignAssistance.gov obligations');
    expect(within(panel).getByRole('combobox', { name: 'Measure' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Show table' }));
    const table = within(panel).getByRole('table');
    const header = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(header).toEqual(['Fiscal year', 'CRS appropriations (incl. CSF)', 'ForeignAssistance.gov obligations', 'of which CSF (CRS)', 'Note']);
    const fy13 = within(table).getByRole('row', { name: /^FY2013/ });
    expect(fy13).toHaveTextContent('813');
    await user.click(within(panel).getByRole('button', { name: 'Compare measures' }));
    expect(within(panel).queryByRole('list', { name: 'Measures' })).not.toBeInTheDocument();
  });

  it('says which table is missing when the dataset has no aid', () => {
    const d = smallDataset();
    delete d.aid;
    const panel = renderPanel(d);
    expect(within(panel).getByText('This dataset has no aid table, so there is nothing to chart here.')).toBeInTheDocument();
  });
});
