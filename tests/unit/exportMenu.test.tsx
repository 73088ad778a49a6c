import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelFrame } from '../../src/components/PanelFrame';
import type { TableModel } from '../../src/crossfilter/tableModel';
import { useDashboardStore } from '../../src/store/store';
import { unzipSync } from 'fflate';
import { parseCsv } from '../../src/export/csv';
import { smallDataset } from '../fixtures/loadFixture';

const table: TableModel = {
  caption: 'Drone strikes by year',
  measure: 'Strikes per year',
  columns: [
    { key: 'year', header: 'Year' },
    { key: 'note', header: 'Note' },
    { key: 'source', header: 'Sources' },
  ],
  rows: [
    { year: '2008', note: '=cmd()', source: 'TBIJ' },
    { year: '2009', note: null, source: 'TBIJ, "NAF"' },
  ],
};

function renderFrame() {
  render(
    <PanelFrame panel="drones" table={table} sources={['TBIJ']}>
      <p>chart</p>
    </PanelFrame>,
  );
  return screen.getByRole('region', { name: 'Drone strikes' });
}

describe('Export menu', () => {
  it('opens with Enter on the first item, moves with arrows, closes with Esc and returns focus', async () => {
    const user = userEvent.setup();
    const panel = renderFrame();
    const button = within(panel).getByRole('button', { name: 'Export' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    const menu = within(panel).getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Download PNG', 'Download PNG (4×)', 'Download SVG', 'Copy image', 'Download CSV', 'Download CSV + metadata (ZIP)']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[5]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(items[5]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(panel).queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(within(panel).getAllByRole('menuitem').at(-1)).toHaveFocus();
    await user.keyboard('{Escape}');
    await user.keyboard(' ');
    expect(within(panel).getAllByRole('menuitem')[0]).toHaveFocus();
  });

  it('has no CSV item when the panel has no table, and closes on a click elsewhere', async () => {
    const user = userEvent.setup();
    render(
      <PanelFrame panel="map">
        <p>map</p>
      </PanelFrame>,
    );
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).not.toContain('Download CSV');
    await user.click(screen.getByText('map'));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('Download CSV saves a tidy CSV (header on line 1, no byte-order mark, numbers as numbers) named by what it is', async () => {
    act(() => useDashboardStore.getState().setDataset(smallDataset(), { kind: 'built-in', label: 'test' }));
    act(() => useDashboardStore.getState().setYearRange({ from: 2008, to: 2011 }, 'filter-bar'));
    const { blobs, names, restore } = captureDownloads();
    const user = userEvent.setup();
    const panel = renderFrame();
    await user.click(within(panel).getByRole('button', { name: 'Export' }));
    await user.click(within(panel).getByRole('menuitem', { name: 'Download CSV' }));
    await waitFor(() => expect(within(panel).getByRole('status')).toHaveTextContent('Downloaded drone-strikes_2008-2011.csv.'));
    expect(names).toEqual(['drone-strikes_2008-2011.csv']);
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 4)]).toEqual([...new TextEncoder().encode('year')]);
    const records = parseCsv(await blobs[0]!.text());
    expect(records[0]!.slice(0, 4)).toEqual(['year', 'tracker_id', 'tracker', 'strikes']);
    const y2010 = records.find((r) => r[0] === '2010')!;
    const cell = (row: string[], name: string) => row[records[0]!.indexOf(name)];
    expect([cell(y2010, 'strikes'), cell(y2010, 'killed_min'), cell(y2010, 'killed_max')]).toEqual(['1', '3', '5']);
    // Years without a figure from the tracker are rows with empty (unknown) counts, not zeros.
    expect(cell(records.find((r) => r[0] === '2009')!, 'strikes')).toBe('');
    restore();
  });

  it('Download CSV + metadata (ZIP) holds the CSV and its CSVW metadata with filters, version and sources', async () => {
    act(() => useDashboardStore.getState().setDataset(smallDataset(), { kind: 'built-in', label: 'Built-in dataset' }));
    act(() => useDashboardStore.getState().setYearRange({ from: 2008, to: 2011 }, 'filter-bar'));
    const { blobs, names, restore } = captureDownloads();
    const user = userEvent.setup();
    const panel = renderFrame();
    await user.click(within(panel).getByRole('button', { name: 'Export' }));
    await user.click(within(panel).getByRole('menuitem', { name: 'Download CSV + metadata (ZIP)' }));
    await waitFor(() => expect(within(panel).getByRole('status')).toHaveTextContent('Downloaded drone-strikes_2008-2011.zip'));
    expect(names).toEqual(['drone-strikes_2008-2011.zip']);
    const files = unzipSync(new Uint8Array(await blobs[0]!.arrayBuffer()));
    expect(Object.keys(files)).toEqual(['drone-strikes_2008-2011.csv', 'drone-strikes_2008-2011.csv-metadata.json']);
    const meta = JSON.parse(new TextDecoder().decode(files['drone-strikes_2008-2011.csv-metadata.json']));
    expect(meta.url).toBe('drone-strikes_2008-2011.csv');
    expect(meta['dc:coverage']).toBe('2008–2011');
    expect(meta['dc:hasVersion']).toBe('test-1');
    expect(meta['dc:provenance']).toBe('Built-in dataset');
    expect(meta['dc:source'].map((s: { id: string }) => s.id)).toContain('tbij');
    const header = parseCsv(new TextDecoder().decode(files['drone-strikes_2008-2011.csv']))[0];
    expect(meta.tableSchema.columns.map((c: { name: string }) => c.name)).toEqual(header);
    restore();
  });
});

function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    }),
    revokeObjectURL: vi.fn(),
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, restore: () => click.mockRestore() };
}
