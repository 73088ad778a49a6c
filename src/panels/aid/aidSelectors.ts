/**
 * The aid panel's view model, as pure functions of (dataset, filters).
 *
 * Why this is more than a group-by:
 * - A measure can print the same fiscal year more than once: an estimate later replaced by the
 *   actual figure, a request beside the appropriation, a later CRS edition revising an earlier
 *   one, or a printed total beside its programme rows. Summing them would double count, and
 *   dropping them would hide a revision. So each fiscal-year slot draws one consistent set of
 *   rows and keeps the others, labelled, in the tooltip and the table.
 * - Multi-year aggregates (CRS prints FY2002–FY2007 as one figure) are one slot spanning their
 *   years. They are never split into invented single years.
 * - Years inside the measure's span with no figure are drawn as "no figure", never as zero.
 */
import { AID_CATEGORIES, AID_MEASURES, type AidCategory, type AidMeasure, type AidRow, type Dataset } from '../../data/schema';
import type { Filters, YearRange } from '../../crossfilter/filters';
import { sourceTitles, spanOverlapsRange, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import { selectedItemYearIndexed as selectedItemYear, yearsWithMatchingEventsIndexed as yearsWithMatchingEvents } from '../../crossfilter/datasetIndex';
import type { CellValue, TableModel } from '../../crossfilter/tableModel';
import { AID_CATEGORY_COLORS, AID_CATEGORY_LABELS } from '../../theme/palette';
import { dollarsFor, type Dollars } from '../../crossfilter/constantDollars';
import { selectAidCompare, type AidCompareView } from './aidCompare';

/** The filter fields the aid panel reads (its hook subscribes to these only). */
export const AID_FILTER_KEYS = ['yearRange', 'yearRangeOrigin', 'tones', 'themes', 'aidMeasure', 'aidView', 'aidCategories', 'aidDollars', 'aidCompare', 'selection'] as const satisfies readonly (keyof Filters)[];

export type AidStatus = AidRow['status'];

export interface AidMeasureInfo {
  label: string;
  /** The value axis title's verb ("Appropriated"): the axis reads "Appropriated, constant 2024 US$ m". */
  verb: string;
  note: string;
  /** What to add in constant dollars, when the source has its own constant-dollar figures. */
  constantNote?: string;
}

const FA_CONSTANT_NOTE =
  'ForeignAssistance.gov’s own download has a constant-dollar column too (FY2020 = 1 for obligations and disbursements), from a deflator it does not name and that is not CPI-U; it is not used here, so every measure is deflated alike.';

/** The value axis title: the measure and the dollars are always labelled on the chart itself. */
export function axisTitle(info: AidMeasureInfo, dollars: Pick<Dollars, 'basis' | 'unit'>): string {
  return dollars.basis === 'current' ? `${info.verb}, US$ m` : `${info.verb}, ${dollars.unit} m`;
}

export const AID_MEASURE_INFO: Record<AidMeasure, AidMeasureInfo> = {
  'crs-appropriations': {
    label: 'Appropriations (CRS)',
    verb: 'Appropriated',
    note: 'CRS figures are appropriations, plus Coalition Support Funds reimbursements paid to Pakistan (military reimbursements, not aid in the strict sense). Final obligations and disbursements are usually lower.',
  },
  'fa-obligations': {
    label: 'Obligations (ForeignAssistance.gov)',
    verb: 'Obligated',
    note: 'ForeignAssistance.gov obligations: economic and military assistance together, excluding Coalition Support Funds. Not comparable year by year with CRS appropriations.',
    constantNote: FA_CONSTANT_NOTE,
  },
  'fa-disbursements': {
    label: 'Disbursements (ForeignAssistance.gov)',
    verb: 'Disbursed',
    note: 'ForeignAssistance.gov disbursements: economic and military assistance together, excluding Coalition Support Funds. Not comparable year by year with CRS appropriations.',
    constantNote: FA_CONSTANT_NOTE,
  },
};

export const AID_STATUS_LABELS: Record<AidStatus, string> = {
  actual: 'Actual',
  estimate: 'Estimate',
  request: 'Request',
};

/** How a row of the aid table appears in the chart. */
export type AidShownAs = 'drawn' | 'superseded' | 'other-status' | 'printed-total';

export const SHOWN_AS_LABELS: Record<AidShownAs, string> = {
  drawn: 'In the bar',
  superseded: 'Revised: earlier figure, not in the bar',
  'other-status': 'Not in the bar (a firmer figure exists for this year)',
  'printed-total': 'Printed total, not in the bar (its programmes are)',
};

export interface AidRowView {
  row: AidRow;
  shownAs: AidShownAs;
  /** For a superseded row: the row drawn in its place. */
  replacedBy?: AidRow;
}

/** One place on the fiscal-year axis: a single year, a multi-year aggregate, or a year with no figure. */
export interface AidSlot {
  key: string;
  start: number;
  end: number;
  /** Short tick label: "FY11", "FY02–07". */
  label: string;
  /** Long label for tooltips and screen readers: "FY2011", "FY2002–FY2007 (6-year total)". */
  title: string;
  hasData: boolean;
  /** The status of the drawn rows (the least firm one, so a request is never shown as actual). */
  status: AidStatus | null;
  /** Drawn amounts by series key (category or programme). */
  amounts: Record<string, number>;
  total: number | null;
  rows: AidRowView[];
  /** True when the slot holds figures that are not drawn (revisions, requests, printed totals). */
  hasOtherFigures: boolean;
  /** Outside this panel's own brush: drawn faintly. */
  dimmed: boolean;
  /**
   * Outside the year range another control set: faded on the chart's full axis (which keeps its
   * shape, so a range change restyles bars instead of re-laying the chart out); never in `slots`.
   */
  filteredOut: boolean;
  /** Holds a year with events matching the tone/theme filters. */
  marked: boolean;
  /** Holds the year of the selected event/incident/strike. */
  selected: boolean;
}

export interface AidSeries {
  key: string;
  /** Short legend label: the programme code, or the category name. */
  label: string;
  /** Full name for tooltips and screen readers. */
  longLabel: string;
  color: string;
  category: AidCategory;
  /** Not among the highlighted aid categories (this panel's own filter): drawn faintly. */
  dimmed: boolean;
}

export type AidViewState = 'ok' | 'missing-table' | 'no-measure-rows' | 'no-rows-in-range';

export interface AidView {
  state: AidViewState;
  /** The unit of every amount in `slots` and `table`, e.g. "US$ millions (current)". */
  unit: string;
  /** A sentence for the empty state, when `state` is not ok. */
  emptyMessage: string | null;
  measure: AidMeasure;
  measureInfo: AidMeasureInfo;
  /** Current or constant dollars: every amount in the view (slots, rows, table) is already in these. */
  dollars: Dollars;
  /** The value axis title, with the measure and the dollars. */
  axis: string;
  /** "Compare measures": every measure side by side per fiscal year (null unless that view is on). */
  compare: AidCompareView | null;
  /**
   * In the CRS view, where CRS's yearly actuals stop and how far ForeignAssistance.gov's
   * figures continue the series (null when CRS is not shown or nothing continues it).
   */
  crsCutoff: { lastActual: number; continuedTo: number } | null;
  /** Fiscal years whose rows could not be deflated (no index value): left out in constant dollars. */
  undeflatedYears: number[];
  /** Measures the dataset holds rows for, in schema order. */
  measuresAvailable: AidMeasure[];
  view: Filters['aidView'];
  /** The slots shown, left to right (already narrowed by other panels' year range): table, export, slides. */
  slots: AidSlot[];
  /**
   * Every slot of the measure, left to right: the chart's x-axis. The slots outside other panels'
   * year range are `filteredOut` (faded); the others are the very objects in `slots`.
   */
  axisSlots: AidSlot[];
  series: AidSeries[];
  /** Categories present in the measure, for the category filter buttons. */
  categoriesPresent: AidCategory[];
  /** False when the measure is one unsplit total per year (ForeignAssistance.gov): the breakdown buttons are disabled. */
  breakdownAvailable: boolean;
  hasOwnFilter: boolean;
  /** The range this panel dims outside of (it brushed it), if any. */
  dimRange: YearRange | null;
  /** The range other controls filter this panel to, if any. */
  filterRange: YearRange | null;
  table: TableModel;
  sourceIds: string[];
  sources: string[];
  /** True when a drawn slot is a multi-year aggregate: the note explains it. */
  hasAggregate: boolean;
  hasRequestOrEstimate: boolean;
  hasOtherFigures: boolean;
  anyMarked: boolean;
}

const STATUS_RANK: Record<AidStatus, number> = { actual: 0, estimate: 1, request: 2 };

const twoDigits = (year: number) => String(year % 100).padStart(2, '0');

export function slotLabel(start: number, end: number): string {
  return start === end ? `FY${twoDigits(start)}` : `FY${twoDigits(start)}–${twoDigits(end)}`;
}

/** The tick label when the axis is crowded: "’11", "’02–07" (the axis is titled "US fiscal year"). */
export function compactSlotLabel(start: number, end: number): string {
  return start === end ? `’${twoDigits(start)}` : `’${twoDigits(start)}–${twoDigits(end)}`;
}

export function slotTitle(start: number, end: number): string {
  return start === end ? `FY${start}` : `FY${start}–FY${end} (${end - start + 1}-year total)`;
}

/** A total row: an unsplit measure's "TOTAL", or a printed total that may sit beside its programmes. */
export function isTotalRow(row: AidRow): boolean {
  return row.category === 'unsplit' || row.programme.trim().toUpperCase() === 'TOTAL';
}

/** The latest date among a row's sources (ISO strings compare in date order), for picking the latest edition. */
function latestSourceDate(row: AidRow, sourceDates: ReadonlyMap<string, string>): string {
  let latest = '';
  for (const id of row.sources) {
    const date = sourceDates.get(id) ?? '';
    if (date > latest) latest = date;
  }
  return latest;
}

/**
 * Decides which rows of one measure's fiscal-year span are drawn, and why the others are not.
 * 1. Only the firmest status present is drawn (actual over estimate over request).
 * 2. A printed total is not drawn beside its own programme rows.
 * 3. Where one programme appears twice, the latest source edition is drawn and the other is a revision.
 */
export function resolveSlotRows(rows: readonly AidRow[], sourceDates: ReadonlyMap<string, string>): AidRowView[] {
  if (rows.length === 0) return [];
  const best = Math.min(...rows.map((r) => STATUS_RANK[r.status]));
  const firm = rows.filter((r) => STATUS_RANK[r.status] === best);
  const hasProgrammes = firm.some((r) => !isTotalRow(r));
  const views = new Map<AidRow, AidRowView>();
  for (const row of rows) {
    if (STATUS_RANK[row.status] !== best) views.set(row, { row, shownAs: 'other-status' });
    else if (hasProgrammes && isTotalRow(row)) views.set(row, { row, shownAs: 'printed-total' });
  }
  const byProgramme = new Map<string, AidRow[]>();
  for (const row of firm) {
    if (views.has(row)) continue;
    const key = `${row.programme.trim().toUpperCase()}|${row.category}`;
    const list = byProgramme.get(key) ?? [];
    list.push(row);
    byProgramme.set(key, list);
  }
  for (const list of byProgramme.values()) {
    // Latest edition wins; on a tie, the row listed later (the dataset's own order of revision).
    let pick = list[0]!;
    for (const row of list.slice(1)) if (latestSourceDate(row, sourceDates) >= latestSourceDate(pick, sourceDates)) pick = row;
    for (const row of list) views.set(row, row === pick ? { row, shownAs: 'drawn' } : { row, shownAs: 'superseded', replacedBy: pick });
  }
  // Keep the dataset's order so the table reads like the source.
  return rows.map((r) => views.get(r)!);
}

/** Mixes a #rrggbb colour toward white by `t` (0..1), for programme shades within a category. */
export function tint(hex: string, t: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 0xff;
    return Math.round(c + (255 - c) * t)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(16)}${channel(8)}${channel(0)}`;
}

// Alternating light and dark steps keep neighbouring programmes of one category distinguishable.
const SHADE_STEPS = [0, 0.45, 0.2, 0.6, 0.1, 0.35, 0.52, 0.28, 0.05, 0.4];

function buildSeries(slots: readonly AidSlot[], rows: readonly AidRowView[], view: Filters['aidView'], highlighted: readonly AidCategory[]): AidSeries[] {
  const dimmed = (c: AidCategory) => highlighted.length > 0 && !highlighted.includes(c);
  const drawn = rows.filter((v) => v.shownAs === 'drawn').map((v) => v.row);
  if (view === 'category') {
    return AID_CATEGORIES.filter((c) => drawn.some((r) => r.category === c)).map((c) => ({
      key: c,
      label: AID_CATEGORY_LABELS[c],
      longLabel: AID_CATEGORY_LABELS[c],
      color: AID_CATEGORY_COLORS[c],
      category: c,
      dimmed: dimmed(c),
    }));
  }
  const totals = new Map<string, { total: number; category: AidCategory; name: string }>();
  for (const slot of slots) {
    for (const v of slot.rows) {
      if (v.shownAs !== 'drawn') continue;
      const entry = totals.get(v.row.programme) ?? { total: 0, category: v.row.category, name: v.row.programmeName };
      entry.total += v.row.amount;
      totals.set(v.row.programme, entry);
    }
  }
  const series: AidSeries[] = [];
  for (const category of AID_CATEGORIES) {
    const programmes = [...totals.entries()].filter(([, e]) => e.category === category).sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
    programmes.forEach(([programme, e], i) => {
      series.push({
        key: programme,
        label: programme.toUpperCase() === 'TOTAL' ? e.name : programme,
        longLabel: programme === e.name || programme.toUpperCase() === 'TOTAL' ? e.name : `${programme}: ${e.name}`,
        color: tint(AID_CATEGORY_COLORS[category], SHADE_STEPS[i % SHADE_STEPS.length]!),
        category,
        dimmed: dimmed(category),
      });
    });
  }
  return series;
}

/**
 * All slots of one measure, left to right, with no-figure years filled in. Not yet filtered.
 * `extent` widens the span to years whose rows were left out (no price index for them).
 */
export function buildSlots(rows: readonly AidRow[], sourceDates: ReadonlyMap<string, string>, view: Filters['aidView'], extent?: YearRange): AidSlot[] {
  const groups = new Map<string, AidRow[]>();
  for (const row of rows) {
    const key = row.fiscalYearStart === row.fiscalYearEnd ? String(row.fiscalYearStart) : `${row.fiscalYearStart}-${row.fiscalYearEnd}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const slots: AidSlot[] = [];
  for (const [key, group] of groups) {
    const start = group[0]!.fiscalYearStart;
    const end = group[0]!.fiscalYearEnd;
    const views = resolveSlotRows(group, sourceDates);
    const amounts: Record<string, number> = {};
    let status: AidStatus | null = null;
    let total = 0;
    for (const v of views) {
      if (v.shownAs !== 'drawn') continue;
      const seriesKey = view === 'category' ? v.row.category : v.row.programme;
      amounts[seriesKey] = (amounts[seriesKey] ?? 0) + v.row.amount;
      total += v.row.amount;
      if (status === null || STATUS_RANK[v.row.status] > STATUS_RANK[status]) status = v.row.status;
    }
    slots.push({
      key,
      start,
      end,
      label: slotLabel(start, end),
      title: slotTitle(start, end),
      hasData: true,
      status,
      amounts,
      total,
      rows: views,
      hasOtherFigures: views.some((v) => v.shownAs !== 'drawn'),
      dimmed: false,
      filteredOut: false,
      marked: false,
      selected: false,
    });
  }
  if (slots.length === 0 && !extent) return slots;
  // Years inside the measure's span that no slot covers have no figure: say so rather than draw 0.
  const covered = new Set<number>();
  for (const s of slots) for (let y = s.start; y <= s.end; y++) covered.add(y);
  const first = Math.min(...slots.map((s) => s.start), extent?.from ?? Infinity);
  const last = Math.max(...slots.map((s) => s.end), extent?.to ?? -Infinity);
  for (let year = first; year <= last; year++) {
    if (covered.has(year)) continue;
    slots.push({
      key: String(year),
      start: year,
      end: year,
      label: slotLabel(year, year),
      title: slotTitle(year, year),
      hasData: false,
      status: null,
      amounts: {},
      total: null,
      rows: [],
      hasOtherFigures: false,
      dimmed: false,
      filteredOut: false,
      marked: false,
      selected: false,
    });
  }
  return slots.sort((a, b) => a.start - b.start || a.end - b.end);
}

function spanHolds(slot: Pick<AidSlot, 'start' | 'end'>, years: ReadonlySet<number>): boolean {
  for (let y = slot.start; y <= slot.end; y++) if (years.has(y)) return true;
  return false;
}

const AID_TABLE_COLUMNS = [
  { key: 'fiscalYear', header: 'Fiscal year' },
  { key: 'programme', header: 'Programme' },
  { key: 'programmeName', header: 'Programme name' },
  { key: 'category', header: 'Category' },
  { key: 'status', header: 'Status' },
  { key: 'amount', header: 'Amount (US$ m)', numeric: true },
  { key: 'shownAs', header: 'Shown as' },
  { key: 'marks', header: 'Marked' },
  { key: 'note', header: 'Note' },
  { key: 'source', header: 'Source' },
];

function rowNote(row: AidRow): string {
  const parts: string[] = [];
  if (row.note) parts.push(row.note);
  if (row.footnotes && row.footnotes.length > 0) parts.push(`Source footnote ${row.footnotes.join(', ')}`);
  return parts.join('. ');
}

function slotMarks(slot: AidSlot): string {
  const marks: string[] = [];
  if (slot.marked) marks.push('year with matching events');
  if (slot.selected) marks.push('year of the selected item');
  return marks.join('; ');
}

function shownAsText(v: AidRowView, sourceLabel: (ids: readonly string[]) => string): string {
  if (v.shownAs === 'superseded' && v.replacedBy) return `${SHOWN_AS_LABELS.superseded} (replaced by ${v.replacedBy.amount.toLocaleString('en-US')}, ${sourceLabel(v.replacedBy.sources)})`;
  return SHOWN_AS_LABELS[v.shownAs];
}

/**
 * The aid view under the current filters. Other panels' year range narrows the slots; this
 * panel's own brush and category highlight only dim, so the chart keeps its shape.
 */
export function selectAidView(dataset: Pick<Dataset, 'aid' | 'sources' | 'events' | 'incidents' | 'strikes' | 'priceIndex'>, filters: Filters): AidView {
  const measure = filters.aidMeasure;
  const measureInfo = AID_MEASURE_INFO[measure];
  const dollars = dollarsFor(dataset, filters.aidDollars);
  const filterRange = yearRangeFilteringPanel(filters, 'aid');
  const dimRange = yearRangeDimmingPanel(filters, 'aid');
  const hasOwnFilter = dimRange !== null || filters.aidCategories.length > 0;
  const sourceById = new Map(dataset.sources.map((s) => [s.id, s]));
  const sourceDates = new Map(dataset.sources.map((s) => [s.id, s.date]));
  const sourceLabel = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const s = sourceById.get(id);
        return s ? `${s.publisher} (${s.date})` : id;
      })
      .join('; ');

  const aid = dataset.aid;
  const measuresAvailable = AID_MEASURES.filter((m) => aid?.some((r) => r.measure === m));
  const compare =
    filters.aidCompare && aid ? selectAidCompare(aid, (rows) => buildSlots(inDollars(rows, dollars).rows, sourceDates, 'category'), dollars, filterRange, dimRange) : null;
  const lastEnd = (rows: readonly AidRow[]) => (rows.length ? Math.max(...rows.map((r) => r.fiscalYearEnd)) : null);
  const crsEnd = lastEnd((aid ?? []).filter((r) => r.measure === 'crs-appropriations' && r.status === 'actual'));
  const laterEnd = lastEnd((aid ?? []).filter((r) => r.measure !== 'crs-appropriations'));
  const base = {
    compare,
    crsCutoff: measure === 'crs-appropriations' && crsEnd !== null && laterEnd !== null && laterEnd > crsEnd ? { lastActual: crsEnd, continuedTo: laterEnd } : null,
    unit: dollars.millions,
    measure,
    measureInfo,
    dollars,
    axis: axisTitle(measureInfo, dollars),
    measuresAvailable,
    view: filters.aidView,
    hasOwnFilter,
    dimRange,
    filterRange,
  };
  const columns = AID_TABLE_COLUMNS.map((c) => (c.key === 'amount' ? { ...c, header: `Amount (${dollars.unit} m)` } : c));
  if (dollars.basis === 'constant') columns.splice(columns.findIndex((c) => c.key === 'amount') + 1, 0, { key: 'amountPrinted', header: 'As printed (current US$ m)', numeric: true });
  const emptyTable: TableModel = {
    caption: `US aid to Pakistan: ${measureInfo.label}`,
    columns,
    rows: [],
    measure: `${measureInfo.label}, ${dollars.millions}${dollars.basis === 'constant' ? `. ${dollars.note}` : ''}`,
  };
  const empty = (state: AidViewState, emptyMessage: string): AidView => ({
    ...base,
    state,
    emptyMessage,
    slots: [],
    axisSlots: [],
    series: [],
    categoriesPresent: [],
    breakdownAvailable: false,
    table: emptyTable,
    undeflatedYears: [],
    sourceIds: [],
    sources: [],
    hasAggregate: false,
    hasRequestOrEstimate: false,
    hasOtherFigures: false,
    anyMarked: false,
  });

  if (!aid) return empty('missing-table', 'This dataset has no aid table, so there is nothing to chart here.');
  const printedRows = aid.filter((r) => r.measure === measure);
  if (printedRows.length === 0) {
    return empty('no-measure-rows', `This dataset has no aid figures for ${measureInfo.label.toLowerCase()}. Choose another measure.`);
  }

  // Every amount below is in the dollars shown; the table keeps the printed figure beside it.
  const { rows: measureRows, printed, undeflatedYears } = inDollars(printedRows, dollars);

  // The axis is in US fiscal years: an event of 26 Nov 2011 (Salala) marks FY2012.
  const matchingYears = yearsWithMatchingEvents(dataset.events ?? [], filters, 'fiscal');
  const selectedYear = selectedItemYear(dataset, filters.selection, 'fiscal');
  const extent = { from: Math.min(...printedRows.map((r) => r.fiscalYearStart)), to: Math.max(...printedRows.map((r) => r.fiscalYearEnd)) };
  const allSlots = buildSlots(measureRows, sourceDates, filters.aidView, extent);
  const axisSlots = allSlots.map((s) => ({
    ...s,
    dimmed: dimRange !== null && !spanOverlapsRange(s.start, s.end, dimRange),
    filteredOut: !spanOverlapsRange(s.start, s.end, filterRange),
    marked: spanHolds(s, matchingYears),
    selected: selectedYear !== null && selectedYear >= s.start && selectedYear <= s.end,
  }));
  const slots = axisSlots.filter((s) => !s.filteredOut);
  const categoriesPresent = AID_CATEGORIES.filter((c) => measureRows.some((r) => r.category === c));
  // From the whole axis, not the years in range: a programme keeps its colour and its place in
  // the stack whatever the year range, and the chart's series do not change with it.
  const series = buildSeries(
    axisSlots,
    axisSlots.flatMap((s) => s.rows),
    filters.aidView,
    filters.aidCategories,
  );

  // The table lists what is highlighted: inside the year selection and the highlighted categories.
  const inCategory = (c: AidCategory) => filters.aidCategories.length === 0 || filters.aidCategories.includes(c);
  const tableRows: Record<string, CellValue>[] = [];
  const sourceIds = new Set<string>();
  for (const slot of slots) {
    if (slot.dimmed) continue;
    if (!slot.hasData) {
      tableRows.push({ fiscalYear: slot.title, programme: '', programmeName: '', category: '', status: '', amount: null, ...(dollars.basis === 'constant' ? { amountPrinted: null } : {}), shownAs: 'No figure for this year in this measure', marks: slotMarks(slot), note: '', source: '' });
      continue;
    }
    for (const v of slot.rows) {
      if (!inCategory(v.row.category)) continue;
      v.row.sources.forEach((id) => sourceIds.add(id));
      tableRows.push({
        fiscalYear: slot.title,
        programme: v.row.programme,
        programmeName: v.row.programmeName,
        category: AID_CATEGORY_LABELS[v.row.category],
        status: AID_STATUS_LABELS[v.row.status],
        amount: v.row.amount,
        ...(dollars.basis === 'constant' ? { amountPrinted: printed.get(v.row.id) ?? null } : {}),
        shownAs: shownAsText(v, sourceLabel),
        marks: slotMarks(slot),
        note: rowNote(v.row),
        source: sourceLabel(v.row.sources),
      });
    }
  }
  dollars.sourceIds.forEach((id) => sourceIds.add(id));
  const sourceIdList = dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => s.id);
  const dataSlots = slots.filter((s) => s.hasData);
  const table: TableModel = {
    ...emptyTable,
    caption: `US aid to Pakistan: ${measureInfo.label}${filters.aidView === 'programme' ? ', by programme' : ', by category'}`,
    rows: tableRows,
  };

  const view: AidView = {
    ...base,
    state: dataSlots.length === 0 ? 'no-rows-in-range' : 'ok',
    emptyMessage:
      dataSlots.length === 0 ? `No aid figures (${measureInfo.label.toLowerCase()}) for ${filterRange ? rangeText(filterRange) : 'any fiscal year'}.` : null,
    slots,
    axisSlots,
    series,
    categoriesPresent,
    breakdownAvailable: measureRows.some((r) => !isTotalRow(r)),
    table,
    undeflatedYears,
    sourceIds: sourceIdList,
    sources: sourceTitles(dataset.sources, sourceIdList),
    hasAggregate: dataSlots.some((s) => s.start !== s.end),
    hasRequestOrEstimate: dataSlots.some((s) => s.status !== null && s.status !== 'actual'),
    hasOtherFigures: dataSlots.some((s) => s.hasOtherFigures),
    anyMarked: slots.some((s) => s.marked),
  };
  return view;
}

/**
 * The measure's rows with amounts in the dollars shown, the printed (current) amount of each by id,
 * and the fiscal years that could not be converted (a year the price index lacks: such rows are
 * left out rather than shown unconverted beside converted ones).
 */
export function inDollars(rows: readonly AidRow[], dollars: Pick<Dollars, 'basis' | 'factor'>): { rows: AidRow[]; printed: Map<string, number>; undeflatedYears: number[] } {
  const printed = new Map(rows.map((r) => [r.id, r.amount]));
  if (dollars.basis === 'current') return { rows: [...rows], printed, undeflatedYears: [] };
  const out: AidRow[] = [];
  const missing = new Set<number>();
  for (const row of rows) {
    const factor = dollars.factor(row.fiscalYearStart, row.fiscalYearEnd);
    if (factor === null) {
      for (let y = row.fiscalYearStart; y <= row.fiscalYearEnd; y++) missing.add(y);
      continue;
    }
    out.push({ ...row, amount: row.amount * factor });
  }
  return { rows: out, printed, undeflatedYears: [...missing].sort((a, b) => a - b) };
}

export function rangeText(range: YearRange): string {
  return range.from === range.to ? `FY${range.from}` : `FY${range.from}–FY${range.to}`;
}

/** What a click on a slot does: one year toggles; a multi-year aggregate selects (or clears) its span. */
export type SlotAction = { kind: 'toggle-year'; year: number } | { kind: 'set-range'; range: YearRange | null };

export function slotClickAction(slot: Pick<AidSlot, 'start' | 'end'>, current: YearRange | null): SlotAction {
  if (slot.start === slot.end) return { kind: 'toggle-year', year: slot.start };
  const same = current !== null && current.from === slot.start && current.to === slot.end;
  return { kind: 'set-range', range: same ? null : { from: slot.start, to: slot.end } };
}

/** What a drag from one slot to another does: the span they cover, or a click when both are the same slot. */
export function slotDragAction(a: Pick<AidSlot, 'start' | 'end'>, b: Pick<AidSlot, 'start' | 'end'>, current: YearRange | null): SlotAction {
  if (a.start === b.start && a.end === b.end) return slotClickAction(a, current);
  return { kind: 'set-range', range: { from: Math.min(a.start, b.start), to: Math.max(a.end, b.end) } };
}

/** Shift+click (or Shift+Enter) on a slot: widen the current range to include it, or select it when there is none. */
export function slotExtendAction(slot: Pick<AidSlot, 'start' | 'end'>, current: YearRange | null): SlotAction {
  if (!current) return slotClickAction(slot, current);
  return { kind: 'set-range', range: { from: Math.min(current.from, slot.start), to: Math.max(current.to, slot.end) } };
}
