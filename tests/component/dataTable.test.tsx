import { render, screen, within } from '@testing-library/react';
import { DataTable, VIRTUALISE_ABOVE } from '../../src/components/DataTable';
import type { TableModel } from '../../src/crossfilter/tableModel';

const model = (n: number): TableModel => ({
  caption: 'Strikes',
  measure: 'strikes',
  columns: [
    { key: 'id', header: 'Id' },
    { key: 'killed', header: 'Killed', numeric: true },
  ],
  rows: Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}`, killed: i % 7 === 0 ? null : 1000 + i })),
});

describe('DataTable', () => {
  it('renders every row of a small table', () => {
    render(<DataTable model={model(40)} />);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(41);
  });

  it('puts only the rows in view of a 100,000-row table into the page, and says how many there are', async () => {
    const started = performance.now();
    render(<DataTable model={model(100_000)} />);
    // The virtualised table loads on demand (its code is not in the first load).
    const table = await screen.findByRole('table');
    const elapsed = performance.now() - started;
    expect(table).toHaveAttribute('aria-rowcount', '100001');
    // jsdom lays nothing out, so which rows are in view is checked in the browser (tests/e2e/import.spec.ts).
    expect(within(table).getAllByRole('row').length).toBeLessThan(60);
    expect(table.querySelectorAll('td').length).toBeLessThan(200);
    // Generous for jsdom on a shared machine; the real bound is measured in the browser benchmark.
    expect(elapsed).toBeLessThan(2000);
    expect(VIRTUALISE_ABOVE).toBeLessThan(100_000);
  });
});
