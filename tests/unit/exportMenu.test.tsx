import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelFrame } from '../../src/components/PanelFrame';
import type { TableModel } from '../../src/crossfilter/tableModel';
import { useDashboardStore } from '../../src/store/store';
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
    expect(items.map((i) => i.textContent)).toEqual(['Download PNG', 'Download PNG (4×)', 'Download SVG', 'Copy image', 'Download CSV']);
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(items[2]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items[4]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(items[4]).toHaveFocus();
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

  it('Download CSV saves the table with its header comment and a name saying what it is', async () => {
    act(() => useDashboardStore.getState().setDataset(smallDataset(), { kind: 'built-in', label: 'test' }));
    act(() => useDashboardStore.getState().setYearRange({ from: 2008, to: 2011 }, 'filter-bar'));
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    const panel = renderFrame();
    await user.click(within(panel).getByRole('button', { name: 'Export' }));
    await user.click(within(panel).getByRole('menuitem', { name: 'Download CSV' }));
    await waitFor(() => expect(within(panel).getByRole('status')).toHaveTextContent('Downloaded drone-strikes_2008-2011.csv.'));
    expect(names).toEqual(['drone-strikes_2008-2011.csv']);
    // A UTF-8 byte-order mark first (Blob.text() strips it when decoding).
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await blobs[0]!.text();
    expect(text.startsWith('# Drone strikes by year\r\n# Measure and units: Strikes per year\r\n# Filters: 2008–2011\r\n# Data version: ')).toBe(true);
    expect(text).toContain(`Year,Note,Sources\r\n2008,'=cmd(),TBIJ\r\n2009,,"TBIJ, ""NAF"""\r\n`);
    click.mockRestore();
  });
});
