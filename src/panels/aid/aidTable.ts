/**
 * The aid panel's "Show table": per fiscal-year slot, the values the chart draws (one column per
 * series: the categories, or the programmes in the programme view) and the bar's total, in the
 * view model's unit. Built from the same AidView the chart draws, so whatever changes what is
 * drawn (the measure, the breakdown, the unit) changes the table too. The source rows behind each
 * bar stay one switch away ("Rows": AidView.table).
 */
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import { AID_STATUS_LABELS, type AidSlot, type AidView } from './aidSelectors';

function marksText(slot: Pick<AidSlot, 'marked' | 'selected'>): string {
  const marks: string[] = [];
  if (slot.marked) marks.push('year with matching events');
  if (slot.selected) marks.push('year of the selected item');
  return marks.join('; ');
}

function slotNote(slot: AidSlot): string {
  if (!slot.hasData) return 'No figure for this year in this measure';
  const notes: string[] = [];
  if (slot.hasOtherFigures) notes.push('Other figures for this year (revisions, requests, printed totals) are not in the bar: see Rows');
  return notes.join('. ');
}

/** The per-year table of what the chart draws. Years outside this panel's own brush are left out, as in the rows table. */
export function aidYearTable(view: AidView): TableModel {
  const seriesColumns = view.series.map((s) => ({ key: `series:${s.key}`, header: view.view === 'programme' ? s.label : s.longLabel, numeric: true }));
  const columns = [
    { key: 'fiscalYear', header: 'Fiscal year' },
    ...seriesColumns,
    { key: 'total', header: 'Total', numeric: true },
    { key: 'unit', header: 'Unit' },
    { key: 'status', header: 'Status' },
    { key: 'marks', header: 'Marked' },
    { key: 'note', header: 'Note' },
  ];
  const rows: Record<string, CellValue>[] = [];
  for (const slot of view.slots) {
    if (slot.dimmed) continue;
    const row: Record<string, CellValue> = {
      fiscalYear: slot.title,
      total: slot.hasData ? slot.total : null,
      unit: `${view.measureInfo.label}, ${view.unit}`,
      status: slot.status ? AID_STATUS_LABELS[slot.status] : '',
      marks: marksText(slot),
      note: slotNote(slot),
    };
    // A series the source prints no figure for in this year drew nothing: unknown, never 0.
    for (const s of view.series) row[`series:${s.key}`] = slot.amounts[s.key] ?? null;
    rows.push(row);
  }
  return {
    caption: `${view.table.caption}: values drawn per fiscal year`,
    columns,
    rows,
    measure: `${view.measureInfo.label}, ${view.unit}`,
  };
}
