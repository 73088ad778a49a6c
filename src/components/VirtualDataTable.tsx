import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TableModel } from '../crossfilter/tableModel';
import { Cells, Head, ROW_HEIGHT } from './DataTable';

/** The same table with only the visible rows (and spacer rows for the rest); aria-rowcount gives the full size. */
export function VirtualDataTable({ model }: { model: TableModel }) {
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
