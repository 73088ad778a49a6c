/**
 * Problems grouped by rule, so one mistake repeated on 400 rows reads as one line with a count
 * and the first row ids ("strikes: civiliansMin must be a number ≥ 0 — 5 rows: S368, S369, …"),
 * and the full list as CSV for a spreadsheet.
 */
import { formatProblem, type DatasetProblem } from './problems';

export interface ProblemGroup {
  /** "strikes" for a row problem; empty for a problem with the whole file. */
  table: string;
  /** The rule in words: "civiliansMin must be a number ≥ 0". */
  rule: string;
  count: number;
  /** Row ids (or positions, for rows without an id), in file order, at most `GROUP_ID_LIMIT`. */
  rows: string[];
}

export const GROUP_ID_LIMIT = 4;

const ROW_PATH = /^([A-Za-z]+)\[(\d+)\](?:\.(.*))?$/;

/** "strikes[3].sources[1]" → { table: "strikes", index: 3, field: "sources[]" }. */
export function splitRowPath(path: string): { table: string; index: number; field: string } | null {
  const m = ROW_PATH.exec(path);
  if (!m) return null;
  return { table: m[1]!, index: Number(m[2]), field: (m[3] ?? '').replace(/\[\d+\]/g, '[]') };
}

/** Groups problems that break the same rule on the same field of the same table, first-seen order. */
export function groupProblems(problems: readonly DatasetProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const row = splitRowPath(problem.path);
    const table = row?.table ?? '';
    // "(3 > 1)" and the like carry one row's values: left out, the rule is the same on every row.
    const message = problem.message.replace(/\s*\([^)]*\d[^)]*\)$/, '');
    const rule = row ? `${row.field ? `${row.field} ` : ''}${message}` : formatProblem(problem);
    const key = `${table}\u0000${rule}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { table, rule, count: 0, rows: [] }));
    group.count++;
    if (row && group.rows.length < GROUP_ID_LIMIT) group.rows.push(problem.rowId ?? `row ${row.index + 1}`);
  }
  return [...groups.values()];
}

/** "strikes: civiliansMin must be a number ≥ 0 — 5 rows: S368, S369, S370, S375, …" */
export function formatGroup(group: ProblemGroup): string {
  if (!group.table) return group.count > 1 ? `${group.rule} (${group.count} times)` : group.rule;
  const rows = group.count === 1 ? '1 row' : `${group.count.toLocaleString('en-US')} rows`;
  const more = group.count > group.rows.length ? ', …' : '';
  return `${group.table}: ${group.rule} — ${rows}: ${group.rows.join(', ')}${more}`;
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Every problem, one per line: table, row id, row number, field, problem, value. */
export function problemsAsCsv(problems: readonly DatasetProblem[]): string {
  const lines = ['table,row id,row number,field,problem,value'];
  for (const p of problems) {
    const row = splitRowPath(p.path);
    const cells = row
      ? [row.table, p.rowId ?? '', String(row.index + 1), (p.path.split('.').slice(1).join('.') || ''), p.message, p.got ?? '']
      : ['', '', '', p.path, p.message, p.got ?? ''];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
