import type { TableModel } from '../crossfilter/tableModel';

/** Quantities get thousands separators; identifiers such as years stay as written. */
export function formatCell(value: string | number, numeric = false): string {
  return typeof value === 'number' && numeric ? value.toLocaleString('en-US') : String(value);
}

/** Renders a panel's table model as an accessible HTML table. Unknown values read "unknown". */
export function DataTable({ model }: { model: TableModel }) {
  return (
    <table>
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
      <tbody>
        {model.rows.length === 0 && (
          <tr>
            <td colSpan={model.columns.length}>No rows match the current filters.</td>
          </tr>
        )}
        {model.rows.map((row, i) => (
          <tr key={i}>
            {model.columns.map((c) => {
              const value = row[c.key];
              return (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {value === null || value === undefined ? <span className="unknown">unknown</span> : formatCell(value, c.numeric)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
