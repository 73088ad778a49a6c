/**
 * What a panel shows, as rows and columns. The same model feeds the "Show table" view, the CSV
 * download and the export's source line, so the three can never disagree.
 */
export type CellValue = string | number | null;

export interface TableColumn {
  key: string;
  header: string;
  /** Numbers are right-aligned; null renders as "unknown", never as 0. */
  numeric?: boolean;
}

export interface TableModel {
  caption: string;
  columns: TableColumn[];
  rows: Record<string, CellValue>[];
  /** The measure and units, written into the CSV header comment. */
  measure: string;
}
