import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TableModel } from '../crossfilter/tableModel';

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
const ROW_HEIGHT = 24;

type Row = TableModel['rows'][number];

function Cells({ model, row }: { model: TableModel; row: Row }) {
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

function Head({ model }: { model: TableModel }) {
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
  if (model.rows.length > VIRTUALISE_ABOVE) return <VirtualDataTable model={model} />;
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

/** The same table with only the visible rows (and spacer rows for the rest); aria-rowcount gives the full size. */
function VirtualDataTable({ model }: { model: TableModel }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render; the React Compiler must not memoise around them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 320 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = model.columns.length;
  return (
    <div ref={scrollRef} className="data-table__scroll" style={{ maxHeight: 320, overflow: 'auto' }}>
      <table aria-rowcount={model.rows.length + 1}>
        <Head model={model} />
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={span} />
            </tr>
          )}
          {items.map((item) => (
            <tr key={item.index} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
              <Cells model={model} row={model.rows[item.index]!} />
            </tr>
          ))}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
