/**
 * What a CSV column can become: the fields of each importable table, how a cell is turned
 * into the field's value, and the header names each field is matched on automatically.
 */
import { closestName } from '../../data/unknownFields';

export const CSV_TABLES = ['strikes', 'events', 'incidents', 'aid'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const CSV_TABLE_LABELS: Record<CsvTable, string> = {
  strikes: 'Drone strikes (one row per strike)',
  events: 'Timeline events',
  incidents: 'Located incidents',
  aid: 'Aid rows',
};

export type FieldKind = 'id' | 'text' | 'count' | 'coordinate' | 'amount' | 'year' | 'day' | 'partialDate' | 'enum' | 'boolean' | 'list';

export interface TargetField {
  name: string;
  kind: FieldKind;
  /** Header names (besides the field name) matched automatically, compared without case, spaces or punctuation. */
  aliases?: readonly string[];
  /** The value when no column is mapped or the cell is blank. Absent: the field is left out (the schema says if it is required). */
  fallback?: string | number | boolean | null;
}

const C = (name: string, aliases: string[] = []): TargetField => ({ name, kind: 'count', aliases, fallback: null });
const T = (name: string, aliases: string[] = [], fallback: string | undefined = ''): TargetField => (fallback === undefined ? { name, kind: 'text', aliases } : { name, kind: 'text', aliases, fallback });

export const TARGET_FIELDS: Record<CsvTable, readonly TargetField[]> = {
  strikes: [
    { name: 'id', kind: 'id', aliases: ['s#', 'strike id', 'strike', 'code', 'no', 'number', 'serial'] },
    { name: 'date', kind: 'day', aliases: ['day', 'strike date'] },
    T('place', ['location', 'village', 'site']),
    T('agency', ['city', 'district', 'area']),
    { name: 'lat', kind: 'coordinate', aliases: ['latitude', 'y'], fallback: null },
    { name: 'lon', kind: 'coordinate', aliases: ['longitude', 'long', 'lng', 'x'], fallback: null },
    { name: 'precision', kind: 'enum', aliases: ['location precision', 'geoprecision'], fallback: 'approximate' },
    C('killedMin', ['total died min', 'killed min', 'deaths min', 'minimum killed', 'min killed', 'total killed min']),
    C('killedMax', ['total died max', 'killed max', 'deaths max', 'maximum killed', 'max killed', 'total killed max']),
    C('civiliansMin', ['civilians min', 'civilians killed min', 'min civilians']),
    C('civiliansMax', ['civilians max', 'civilians killed max', 'max civilians']),
    C('childrenMin', ['children min', 'children killed min']),
    C('childrenMax', ['children max', 'children killed max']),
    C('injuredMin', ['injured min', 'wounded min']),
    C('injuredMax', ['injured max', 'wounded max']),
    { name: 'tbijId', kind: 'text', aliases: ['tbij id', 'tbij code', 'bureau id'], fallback: null },
    { name: 'status', kind: 'enum', aliases: ['confirmed'], fallback: 'confirmed' },
    { name: 'note', kind: 'text', aliases: ['notes', 'comments', 'comment', 'remarks'] },
    { name: 'sources', kind: 'list', aliases: ['source', 'source ids'] },
  ],
  events: [
    { name: 'id', kind: 'id', aliases: ['event id', 'code'] },
    { name: 'date', kind: 'partialDate', aliases: ['day', 'when'] },
    { name: 'datePrecision', kind: 'enum', aliases: ['precision'] },
    { name: 'tone', kind: 'enum' },
    { name: 'theme', kind: 'enum', aliases: ['category', 'topic'] },
    T('title', ['event', 'name', 'headline'], undefined),
    T('description', ['details', 'summary']),
    { name: 'incidentId', kind: 'text', aliases: ['incident'] },
    { name: 'singleSource', kind: 'boolean', aliases: ['single source'] },
    { name: 'sources', kind: 'list', aliases: ['source', 'source ids'] },
  ],
  incidents: [
    { name: 'id', kind: 'id', aliases: ['incident id', 'code'] },
    { name: 'type', kind: 'enum', aliases: ['incident type', 'kind'] },
    T('name', ['title', 'incident'], undefined),
    { name: 'dateStart', kind: 'partialDate', aliases: ['date', 'start', 'start date', 'from'] },
    { name: 'dateEnd', kind: 'partialDate', aliases: ['end', 'end date', 'to', 'until'], fallback: null },
    T('place', ['location', 'site']),
    T('district', ['agency', 'province', 'area']),
    { name: 'lat', kind: 'coordinate', aliases: ['latitude'] },
    { name: 'lon', kind: 'coordinate', aliases: ['longitude', 'long', 'lng'] },
    { name: 'precision', kind: 'enum', aliases: ['location precision'], fallback: 'approximate' },
    C('killedMin', ['killed min', 'deaths min']),
    C('killedMax', ['killed max', 'deaths max']),
    C('woundedMin', ['wounded min', 'injured min']),
    C('woundedMax', ['wounded max', 'injured max']),
    { name: 'tone', kind: 'enum' },
    { name: 'theme', kind: 'enum', aliases: ['category'] },
    T('description', ['details', 'summary']),
    { name: 'discrepancies', kind: 'text', aliases: ['disagreements'] },
    { name: 'outsideRegion', kind: 'boolean', aliases: ['outside region'] },
    { name: 'singleSource', kind: 'boolean', aliases: ['single source'] },
    { name: 'sources', kind: 'list', aliases: ['source', 'source ids'] },
  ],
  aid: [
    { name: 'id', kind: 'id', aliases: ['row id', 'code'] },
    { name: 'measure', kind: 'enum' },
    { name: 'fiscalYearStart', kind: 'year', aliases: ['fiscal year', 'fy', 'year', 'fy start', 'from'] },
    { name: 'fiscalYearEnd', kind: 'year', aliases: ['fy end', 'to'] },
    T('programme', ['program', 'programme code', 'account'], undefined),
    T('programmeName', ['program name', 'programme title'], undefined),
    { name: 'category', kind: 'enum', aliases: ['sector'] },
    { name: 'status', kind: 'enum', fallback: 'actual' },
    { name: 'amount', kind: 'amount', aliases: ['amount usd m', 'value', 'us$ m', 'usd millions'] },
    { name: 'note', kind: 'text', aliases: ['notes', 'comments'] },
    { name: 'sources', kind: 'list', aliases: ['source', 'source ids'] },
  ],
};

/** Lower case with everything but letters, digits and "#" removed: "Total Died Min" → "totaldiedmin". */
export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9#]/g, '');

/** Column index → field name, or null for "ignore this column". */
export type ColumnMapping = (string | null)[];

/**
 * Matches headers to fields: exact names and aliases first, then near misses (one typo in a
 * header of six letters or more, such as PBC's "Total Died Mix" for "Max"). A field takes one column.
 */
export function autoMatch(headers: readonly string[], table: CsvTable): ColumnMapping {
  const fields = TARGET_FIELDS[table];
  const names = new Map<string, string>();
  for (const f of fields) for (const n of [f.name, ...(f.aliases ?? [])]) if (!names.has(normaliseHeader(n))) names.set(normaliseHeader(n), f.name);
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<string>();
  headers.forEach((h, i) => {
    const field = names.get(normaliseHeader(h));
    if (field && !taken.has(field)) {
      mapping[i] = field;
      taken.add(field);
    }
  });
  const candidates = [...names.keys()];
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (mapping[i] !== null || key.length < 6) return;
    const near = closestName(key, candidates.filter((c) => c.length >= 6 && !taken.has(names.get(c)!)));
    const field = near ? names.get(near) : undefined;
    // closestName allows two edits; a header match allows one.
    if (field && near && !taken.has(field) && oneEditApart(key, near)) {
      mapping[i] = field;
      taken.add(field);
    }
  });
  return mapping;
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** The table whose fields match the most headers (strikes on a tie, the commonest import). */
export function guessTable(headers: readonly string[]): CsvTable {
  let best: CsvTable = 'strikes';
  let bestScore = -1;
  for (const table of CSV_TABLES) {
    const score = autoMatch(headers, table).filter((f) => f !== null).length;
    if (score > bestScore) [best, bestScore] = [table, score];
  }
  return best;
}
