import { Suspense } from 'react';
import type { TableModel } from '../crossfilter/tableModel';
import { lazyWithReload } from '../app/lazyWithReload';

/** Only a table this long needs TanStack Virtual (≈10 KB gzip): it loads then, not with the dashboard. */
const VirtualDataTable = lazyWithReload(() => import('./VirtualDataTable').then((m) => ({ default: m.VirtualDataTable })));

/** Quantities get thousands separators; identifiers such as years stay as written. */
export function formatCell(value: string | number, numeric = false): string {
  return typeof value === 'number' && numeric ? value.toLocaleString('en-US') : String(value);
}

/**
 * Above this many rows only the rows in view are in the DOM: 100,000 strikes drawn as 1.2 million
 * cells froze the tab for minutes. Below it every row is rendered, so the whole table can be read,
 * searched with the browser's find and copied.
 */
export const VIRTUALISE_ABOVE = 1000;
export const ROW_HEIGHT = 24;

type Row = TableModel['rows'][number];

export function Cells({ model, row }: { model: TableModel; row: Row }) {
  return (
    <>
      {model.columns.map((c) => {
        const value = row[c.key];
        return (
          <td key={c.key} className={c.numeric ? 'num' : undefined}>
            {value === null || value === undefined ? <span className="unknown">unknown</span> : formatCell(value, c.numeric)}
          </td>
        );
      })}
    </>
  );
}

export function Head({ model }: { model: TableModel }) {
  return (
    <>
      <caption className="sr-only">{model.caption}</caption>
      <thead>
        <tr>
          {model.columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}

/** Renders a panel's table model as an accessible HTML table. Unknown values read "unknown". */
export function DataTable({ model }: { model: TableModel }) {
  if (model.rows.length > VIRTUALISE_ABOVE) {
    return (
      <Suspense fallback={<p role="status">Preparing the table of {model.rows.length.toLocaleString('en-US')} rows…</p>}>
        <VirtualDataTable model={model} />
      </Suspense>
    );
  }
  return (
    <table>
      <Head model={model} />
      <tbody>
        {model.rows.length === 0 && (
          <tr>
            <td colSpan={model.columns.length}>No rows match the current filters.</td>
          </tr>
        )}
        {model.rows.map((row, i) => (
          <tr key={i}>
            <Cells model={model} row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
