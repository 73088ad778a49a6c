/**
 * The "Carrot and stick" lens as pure functions: CRS aid per US fiscal year by category, TBIJ
 * strikes per fiscal year, the cooperation and friction events placed on the same fiscal-year
 * axis, aid before and after each event, and the seed paper's claims beside the dataset's own
 * figures for the same span and measure. Everything is computed from rows; nothing is typed in.
 */
import type { AidCategory, AidRow, Claim, CrsCumulativeRow, Dataset, StrikeYear, ThemeName } from '../../data/schema';
import type { Filters, YearRange } from '../../crossfilter/filters';
import { matchesCategories, sourceTitles, spanOverlapsRange, yearInRange, yearRangeDimmingPanel, yearRangeFilteringPanel } from '../../crossfilter/crossfilter';
import { fiscalYearOfDate } from '../../crossfilter/fiscalYear';
import type { TableModel } from '../../crossfilter/tableModel';
import { AID_CATEGORY_COLORS, AID_CATEGORY_LABELS } from '../../theme/palette';
import { lensMeta } from './lensMeta';
import { dollarsFor, type Dollars } from '../../crossfilter/constantDollars';

/** The aid categories CRS splits its appropriations into (the lens draws them stacked). */
export const LENS_CATEGORIES = ['security', 'economic', 'csf'] as const satisfies readonly AidCategory[];
export type LensCategory = (typeof LENS_CATEGORIES)[number];
export const LENS_CATEGORY_LABELS: Record<LensCategory, string> = {
  security: 'security',
  economic: 'economic',
  csf: 'CSF',
};

/** Only the tones that make the reading: context events stay on the timeline. */
export type LensTone = 'cooperation' | 'friction';

/** Where the lens's figures come from: CRS appropriations (actuals) and TBIJ's per-strike rows. */
const AID_MEASURE = 'crs-appropriations';
const STRIKE_TRACKER = 'tbij';

/** The filter fields the lens reads (its hook subscribes to these only). */
export const LENS_FILTER_KEYS = ['yearRange', 'yearRangeOrigin', 'tones', 'themes', 'selection', 'aidDollars'] as const;
export type LensFilters = Pick<Filters, (typeof LENS_FILTER_KEYS)[number]>;

/** The aid panel's current/constant switch: the lens shows its aid in the same dollars. */
type ShownDollars = Pick<Dollars, 'basis' | 'factor'>;
const CURRENT: ShownDollars = { basis: 'current', factor: () => 1 };

export interface LensSlot {
  /** First and last fiscal year: they differ only for CRS's FY2002–FY2007 aggregate. */
  start: number;
  end: number;
  label: string;
  amounts: Record<LensCategory, number>;
  total: number;
  dimmed: boolean;
}

export interface LensEvent {
  id: string;
  title: string;
  date: string;
  fiscalYear: number;
  tone: LensTone;
  theme: ThemeName;
  selected: boolean;
  /** Linked to a located incident (Salala, Abbottabad…): such events are labelled first. */
  major: boolean;
}

export interface StrikePoint {
  fiscalYear: number;
  strikes: number;
  dimmed: boolean;
}

export interface CategoryChange {
  category: LensCategory;
  before: number | null;
  after: number | null;
  /** after − before, US$ m; null when either year has no per-year CRS figure. */
  change: number | null;
  /** Percent change; null also when `before` is 0. */
  percent: number | null;
}

export interface BeforeAfter {
  eventId: string;
  title: string;
  tone: LensTone;
  /** The event's fiscal year, and the next one. */
  fiscalYear: number;
  nextYear: number;
  changes: CategoryChange[];
  /** Why no change can be shown, when it cannot. */
  unavailable: string | null;
}

export interface ClaimComparison {
  /** What the dataset figure is (e.g. "CRS appropriations, FY2002–FY2013" or "TBIJ, 2004–2014"). */
  basis: string;
  value: number | null;
  /** For ranges (civilian deaths): the upper end; equal to value otherwise. */
  valueMax: number | null;
  /** Gaps in the span (years with no row, aggregates that do not fit). */
  coverage: string | null;
  difference: number | null;
  percent: number | null;
}

export interface ClaimRow {
  claim: Claim;
  /** The figure as the paper prints it: "$30.2bn", "$800m", "391". */
  printed: string;
  comparisons: ClaimComparison[];
  sourceTitle: string;
}

export type LensView =
  | { state: 'missing'; message: string; sources: string[] }
  | {
      state: 'ok';
      /** Fiscal years on the axis, left to right (narrowed by other panels' year range). */
      axis: { from: number; to: number };
      slots: LensSlot[];
      strikes: StrikePoint[];
      events: LensEvent[];
      maxAid: number;
      maxStrikes: number;
      /** The dollars the aid is shown in (the aid panel's switch). Claims stay as printed: current US$. */
      dollars: Dollars;
      /** The selected event's reading, when an event (or its incident) is selected. */
      selected: BeforeAfter | null;
      /** Every shown event's reading, in date order. */
      readings: BeforeAfter[];
      claims: ClaimRow[];
      dimRange: YearRange | null;
      hasOwnFilter: boolean;
      table: TableModel;
      sources: string[];
    };

export function fiscalYearLabel(start: number, end: number = start): string {
  return start === end ? `FY${start}` : `FY${start}–${String(end).slice(2)}`;
}

const CRS_ROWS = (aid: readonly AidRow[] | undefined) => (aid ?? []).filter((r) => r.measure === AID_MEASURE && r.status === 'actual');

/**
 * One slot per CRS period (single fiscal years, and FY2002–FY2007 as printed), summed by category,
 * in the dollars shown (a period the price index cannot convert is left out in constant dollars).
 */
export function aidSlots(aid: readonly AidRow[] | undefined, dollars: ShownDollars = CURRENT): LensSlot[] {
  const byPeriod = new Map<string, LensSlot>();
  for (const row of CRS_ROWS(aid)) {
    if (!(LENS_CATEGORIES as readonly string[]).includes(row.category)) continue;
    const factor = dollars.factor(row.fiscalYearStart, row.fiscalYearEnd);
    if (factor === null) continue;
    const key = `${row.fiscalYearStart}-${row.fiscalYearEnd}`;
    let slot = byPeriod.get(key);
    if (!slot) {
      slot = { start: row.fiscalYearStart, end: row.fiscalYearEnd, label: fiscalYearLabel(row.fiscalYearStart, row.fiscalYearEnd), amounts: { security: 0, economic: 0, csf: 0 }, total: 0, dimmed: false };
      byPeriod.set(key, slot);
    }
    const amount = row.amount * factor;
    slot.amounts[row.category as LensCategory] += amount;
    slot.total += amount;
  }
  return [...byPeriod.values()].sort((a, b) => a.start - b.start);
}

/** Aid in one single fiscal year, by category: null when CRS has no per-year figure for it. */
export function aidInYear(slots: readonly LensSlot[], fiscalYear: number): Record<LensCategory, number> | null {
  const slot = slots.find((s) => s.start === fiscalYear && s.end === fiscalYear);
  return slot ? slot.amounts : null;
}

/** Aid in the event's fiscal year and the next, and the change, for each category. */
export function beforeAfter(slots: readonly LensSlot[], event: Pick<LensEvent, 'id' | 'title' | 'tone' | 'fiscalYear'>): BeforeAfter {
  const fy = event.fiscalYear;
  const before = aidInYear(slots, fy);
  const after = aidInYear(slots, fy + 1);
  const aggregate = slots.find((s) => s.start !== s.end && (yearInRange(fy, { from: s.start, to: s.end }) || yearInRange(fy + 1, { from: s.start, to: s.end })));
  let unavailable: string | null = null;
  if (!before || !after) {
    const missing = !before ? fy : fy + 1;
    unavailable = aggregate
      ? `CRS prints ${fiscalYearLabel(aggregate.start, aggregate.end)} as one figure, so ${fiscalYearLabel(missing)} alone is not known`
      : `no CRS figure for ${fiscalYearLabel(missing)}`;
  }
  const changes = LENS_CATEGORIES.map((category): CategoryChange => {
    const b = before ? before[category] : null;
    const a = after ? after[category] : null;
    const change = a !== null && b !== null ? a - b : null;
    const percent = change !== null && b ? (change / b) * 100 : null;
    return { category, before: b, after: a, change, percent };
  });
  return { eventId: event.id, title: event.title, tone: event.tone, fiscalYear: fy, nextYear: fy + 1, changes, unavailable };
}

/** TBIJ strikes per US fiscal year, counted from the per-strike rows. */
export function strikesPerFiscalYear(strikes: Dataset['strikes']): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of strikes ?? []) {
    if ((s.tracker ?? 'tbij') !== STRIKE_TRACKER) continue;
    const fy = fiscalYearOfDate(s.date);
    counts.set(fy, (counts.get(fy) ?? 0) + 1);
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Claims vs data
// ---------------------------------------------------------------------------------------------

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const PRECISE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatMillions(value: number): string {
  return NUMBER.format(value);
}

/** A paper's figure in its own style: $m below a billion, $bn (to the digits printed) above. */
export function printedFigure(claim: Pick<Claim, 'figure' | 'measure'>): string {
  if (claim.measure === 'strikes' || claim.measure === 'civilians-killed') return NUMBER.format(claim.figure);
  return claim.figure >= 1000 ? `$${PRECISE.format(claim.figure / 1000)}bn` : `$${NUMBER.format(claim.figure)}m`;
}

function compare(figure: number, basis: string, value: number | null, coverage: string | null, valueMax: number | null = value): ClaimComparison {
  const difference = value === null ? null : value - figure;
  const percent = difference === null || figure === 0 ? null : (difference / figure) * 100;
  return { basis, value, valueMax, coverage, difference, percent };
}

function spanLabel(start: number, end: number, fiscal: boolean): string {
  const p = fiscal ? 'FY' : '';
  return start === end ? `${p}${start}` : `${p}${start}–${p}${end}`;
}

/** CRS appropriations (actuals) inside a span; rows straddling its edges cannot be counted. */
function aidClaim(claim: Claim, aid: readonly AidRow[] | undefined): ClaimComparison {
  const rows = CRS_ROWS(aid).filter((r) => (claim.measure === 'aid-total' ? true : r.programme === claim.programme));
  const inside = rows.filter((r) => r.fiscalYearStart >= claim.spanStart && r.fiscalYearEnd <= claim.spanEnd);
  const straddling = rows.filter((r) => !inside.includes(r) && spanOverlapsRange(r.fiscalYearStart, r.fiscalYearEnd, { from: claim.spanStart, to: claim.spanEnd }));
  const years = new Set<number>();
  for (const r of inside) for (let y = r.fiscalYearStart; y <= r.fiscalYearEnd; y++) years.add(y);
  const first = inside.length ? Math.min(...inside.map((r) => r.fiscalYearStart)) : claim.spanStart;
  const last = inside.length ? Math.max(...inside.map((r) => r.fiscalYearEnd)) : claim.spanEnd;
  const notes: string[] = [];
  if (straddling.length) notes.push(`${[...new Set(straddling.map((r) => fiscalYearLabel(r.fiscalYearStart, r.fiscalYearEnd)))].join(', ')} printed as one figure across the span's edge`);
  const missing: number[] = [];
  for (let y = claim.spanStart; y <= claim.spanEnd; y++) if (!years.has(y) && !straddling.some((r) => y >= r.fiscalYearStart && y <= r.fiscalYearEnd)) missing.push(y);
  if (missing.length && inside.length) notes.push(`no CRS row for ${collapseYears(missing)}`);
  const what = claim.measure === 'aid-total' ? 'CRS yearly rows, all programmes' : `CRS yearly rows, ${claim.programme}`;
  if (inside.length === 0) return compare(claim.figure, `${what}, ${spanLabel(claim.spanStart, claim.spanEnd, true)}`, null, notes.join('; ') || 'no CRS rows in this span');
  if (claim.measure === 'aid-programme-peak') {
    const byYear = new Map<number, number>();
    for (const r of rows) if (r.fiscalYearStart === r.fiscalYearEnd) byYear.set(r.fiscalYearStart, (byYear.get(r.fiscalYearStart) ?? 0) + r.amount);
    const [peakYear, peak] = [...byYear.entries()].sort((a, b) => b[1] - a[1])[0] ?? [claim.spanStart, 0];
    const inSpan = inside.reduce((sum, r) => sum + r.amount, 0);
    const note = peakYear === claim.spanStart ? `the largest year is FY${peakYear}` : `the largest year is FY${peakYear} ($${NUMBER.format(peak)}m)`;
    return compare(claim.figure, `${what}, ${spanLabel(claim.spanStart, claim.spanEnd, true)}`, inSpan, note);
  }
  const sum = inside.reduce((s, r) => s + r.amount, 0);
  return compare(claim.figure, `${what}, ${spanLabel(first, last, true)}`, sum, notes.join('; ') || null);
}

function collapseYears(years: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(years[i] === years[j] ? `FY${years[i]}` : `FY${years[i]}–FY${years[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Each tracker's strikes (or civilian deaths, a min–max range) summed over the claim's years. */
function trackerClaims(claim: Claim, strikeYears: readonly StrikeYear[] | undefined, sources: Dataset['sources']): ClaimComparison[] {
  const series = [...new Set((strikeYears ?? []).map((r) => r.series))];
  const span = claim.spanEnd - claim.spanStart + 1;
  return series.map((id) => {
    const rows = (strikeYears ?? []).filter((r) => r.series === id && r.year >= claim.spanStart && r.year <= claim.spanEnd);
    const name = sources.find((s) => s.id === id)?.publisher.split(/[(;,]/)[0]?.trim() || id;
    let min = 0;
    let max = 0;
    let known = 0;
    for (const r of rows) {
      const lo = claim.measure === 'strikes' ? r.strikes : r.civiliansMin;
      const hi = claim.measure === 'strikes' ? r.strikes : r.civiliansMax;
      if (lo === null) continue;
      known++;
      min += lo;
      max += hi ?? lo;
    }
    const coverage = known === span ? null : `${known} of ${span} years published`;
    const basis = `${name}, ${spanLabel(claim.spanStart, claim.spanEnd, false)}`;
    return known === 0 ? compare(claim.figure, basis, null, coverage) : compare(claim.figure, basis, min, coverage, max);
  });
}

/** A CRS edition's own multi-year column for exactly the claim's span (all categories, or CSF). */
function cumulativeClaims(claim: Claim, cumulative: readonly CrsCumulativeRow[] | undefined, sources: Dataset['sources']): ClaimComparison[] {
  if (claim.measure !== 'aid-total' && claim.programme !== 'CSF') return [];
  const rows = (cumulative ?? []).filter((r) => r.fiscalYearStart === claim.spanStart && r.fiscalYearEnd === claim.spanEnd && (claim.measure === 'aid-total' || r.category === 'csf'));
  const editions = [...new Set(rows.flatMap((r) => r.sources))];
  return editions.map((edition) => {
    const sum = rows.filter((r) => r.sources.includes(edition)).reduce((n, r) => n + r.amount, 0);
    const date = sources.find((s) => s.id === edition)?.date ?? edition;
    const what = claim.measure === 'aid-total' ? 'security + economic + CSF' : 'CSF';
    return compare(claim.figure, `CRS edition of ${date}, its printed ${spanLabel(claim.spanStart, claim.spanEnd, true)} column (${what})`, sum, null);
  });
}

export function claimRows(dataset: Pick<Dataset, 'claims' | 'aid' | 'strikeYears' | 'sources' | 'crsCumulative'>): ClaimRow[] {
  return (dataset.claims ?? []).map((claim) => ({
    claim,
    printed: printedFigure(claim),
    comparisons:
      claim.measure === 'strikes' || claim.measure === 'civilians-killed'
        ? trackerClaims(claim, dataset.strikeYears, dataset.sources)
        : [aidClaim(claim, dataset.aid), ...cumulativeClaims(claim, dataset.crsCumulative, dataset.sources)],
    sourceTitle: sourceTitles(dataset.sources, claim.sources)[0] ?? claim.sources.join(', '),
  }));
}

// ---------------------------------------------------------------------------------------------
// The whole view
// ---------------------------------------------------------------------------------------------

export function formatChange(change: CategoryChange): string {
  if (change.change === null) return 'n/a';
  const sign = change.change > 0 ? '+' : change.change < 0 ? '−' : '±';
  const pct = change.percent === null ? '' : `${sign}${Math.abs(change.percent).toFixed(1)}% `;
  return `${pct}(${sign}$${NUMBER.format(Math.abs(change.change))}m)`;
}

/** "Raymond Davis kills two men in Lahore (FY2011) → security +3.2%, economic −33.0%, CSF −25.4%" */
export function readingSentence(r: BeforeAfter): string {
  const head = `${r.title} (FY${r.fiscalYear})`;
  if (r.unavailable) return `${head}: ${r.unavailable}`;
  return `${head} → ${r.changes.map((c) => `${LENS_CATEGORY_LABELS[c.category]} ${c.percent === null ? 'n/a' : `${c.percent < 0 ? '−' : '+'}${Math.abs(c.percent).toFixed(1)}%`}`).join(', ')}`;
}

type OkLensView = Extract<LensView, { state: 'ok' }>;
type LensDataset = Pick<Dataset, 'aid' | 'strikes' | 'strikeYears' | 'events' | 'claims' | 'crsCumulative' | 'sources' | 'priceIndex'>;

/**
 * The lens without the selection, for the last filters per dataset: a selection change (the most
 * frequent change on a projector) then costs a pass over the shown events, and every part of the
 * view the selection does not touch keeps its identity, so the panel's memoised parts stay as they are.
 */
const baseCache = new WeakMap<LensDataset, { key: string; base: LensBase }>();

interface LensBase {
  view: LensView;
  allSlots: LensSlot[];
  allEvents: LensEvent[];
  /** Per event id, the incident it is linked to (a map selection highlights the events of an incident). */
  incidentOf: Map<string, string | null | undefined>;
}

export function selectLensView(dataset: LensDataset, filters: LensFilters): LensView {
  const f = filters as Filters;
  const filterRange = yearRangeFilteringPanel(f, lensMeta.id);
  const dimRange = yearRangeDimmingPanel(f, lensMeta.id);
  const range = (r: { from: number; to: number } | null) => (r ? `${r.from}-${r.to}` : '');
  const key = `${filters.aidDollars}|${range(filterRange)}|${range(dimRange)}|${filters.tones.join(',')}|${filters.themes.join(',')}|${filters.yearRangeOrigin === lensMeta.id && filters.yearRange !== null}`;
  let cached = baseCache.get(dataset);
  if (cached?.key !== key) baseCache.set(dataset, (cached = { key, base: lensBase(dataset, filters, filterRange, dimRange) }));
  const { view, allSlots, allEvents, incidentOf } = cached.base;
  const selection = filters.selection;
  if (view.state !== 'ok' || selection === null || selection.kind === 'strike') return view;
  const isSelected = (id: string) => (selection.kind === 'event' ? selection.id === id : incidentOf.get(id) === selection.id);
  const selectedEvent = allEvents.find((e) => isSelected(e.id));
  if (!selectedEvent) return view;
  const events = view.events.map((e) => (isSelected(e.id) ? { ...e, selected: true } : e));
  return { ...view, events, selected: beforeAfter(allSlots, selectedEvent) };
}

function lensBase(dataset: LensDataset, filters: LensFilters, filterRange: { from: number; to: number } | null, dimRange: { from: number; to: number } | null): LensBase {
  const dollars = dollarsFor(dataset, filters.aidDollars);
  const allSlots = aidSlots(dataset.aid, dollars);
  const incidentOf = new Map((dataset.events ?? []).map((e) => [e.id, e.incidentId]));
  if (allSlots.length === 0 && !dataset.events?.length) {
    return { view: { state: 'missing', message: 'This dataset has no CRS aid rows and no events, so the lens has nothing to set side by side.', sources: [] }, allSlots, allEvents: [], incidentOf };
  }

  const allEvents: LensEvent[] = (dataset.events ?? [])
    .filter((e): e is typeof e & { tone: LensTone } => e.tone === 'cooperation' || e.tone === 'friction')
    .map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date,
      fiscalYear: fiscalYearOfDate(e.date),
      tone: e.tone,
      theme: e.theme,
      selected: false,
      major: Boolean(e.incidentId),
    }));
  const events = allEvents.filter((e) => matchesCategories(e, filters) && yearInRange(e.fiscalYear, filterRange));

  const strikeCounts = strikesPerFiscalYear(dataset.strikes);
  const years = [...allSlots.flatMap((s) => [s.start, s.end]), ...allEvents.map((e) => e.fiscalYear), ...strikeCounts.keys()];
  const from = filterRange ? filterRange.from : Math.min(...years);
  const to = filterRange ? filterRange.to : Math.max(...years);

  const slots = allSlots
    .filter((s) => spanOverlapsRange(s.start, s.end, { from, to }))
    .map((s) => ({ ...s, dimmed: dimRange !== null && !spanOverlapsRange(s.start, s.end, dimRange) }));
  const strikes: StrikePoint[] = [];
  for (let y = from; y <= to; y++) {
    const n = strikeCounts.get(y);
    if (n !== undefined) strikes.push({ fiscalYear: y, strikes: n, dimmed: dimRange !== null && !yearInRange(y, dimRange) });
  }
  const readings = events.map((e) => beforeAfter(allSlots, e));

  const sourceIds = new Set<string>();
  for (const r of CRS_ROWS(dataset.aid)) if (spanOverlapsRange(r.fiscalYearStart, r.fiscalYearEnd, { from, to })) r.sources.forEach((s) => sourceIds.add(s));
  if (strikes.length) sourceIds.add(STRIKE_TRACKER);
  dollars.sourceIds.forEach((id) => sourceIds.add(id));
  const shownIds = new Set(events.map((v) => v.id));
  for (const e of dataset.events ?? []) if (shownIds.has(e.id)) e.sources.forEach((s) => sourceIds.add(s));

  const view: OkLensView = {
    state: 'ok',
    axis: { from, to },
    slots,
    strikes,
    events,
    maxAid: Math.max(1, ...slots.map((s) => (s.end > s.start ? s.total / (s.end - s.start + 1) : s.total))),
    maxStrikes: Math.max(1, ...strikes.map((s) => s.strikes)),
    dollars,
    selected: null,
    readings,
    claims: claimRows(dataset),
    dimRange,
    hasOwnFilter: filters.yearRangeOrigin === lensMeta.id && filters.yearRange !== null,
    table: lensTable(slots, strikes, events, from, to, dollars),
    sources: sourceTitles(dataset.sources, sourceIds),
  };
  return { view, allSlots, allEvents, incidentOf };
}

function lensTable(slots: readonly LensSlot[], strikes: readonly StrikePoint[], events: readonly LensEvent[], from: number, to: number, dollars: Dollars): TableModel {
  const rows: TableModel['rows'] = [];
  const covered = new Set<number>();
  for (const s of slots) {
    for (let y = s.start; y <= s.end; y++) covered.add(y);
    const inSlot = (e: LensEvent) => e.fiscalYear >= s.start && e.fiscalYear <= s.end;
    rows.push(tableRow(s.label, s, strikes.filter((p) => p.fiscalYear >= s.start && p.fiscalYear <= s.end), events.filter(inSlot)));
  }
  for (let y = from; y <= to; y++) {
    if (covered.has(y)) continue;
    const here = events.filter((e) => e.fiscalYear === y);
    const strike = strikes.filter((p) => p.fiscalYear === y);
    if (here.length || strike.length) rows.push(tableRow(fiscalYearLabel(y), null, strike, here));
  }
  rows.sort((a, b) => String(a.fiscalYear).localeCompare(String(b.fiscalYear)));
  return {
    caption: `Carrot and stick: CRS aid appropriations (${dollars.unit}) by US fiscal year, TBIJ drone strikes per fiscal year, and the cooperation and friction events of each year`,
    measure: `Aid: CRS appropriations, ${dollars.unit} millions (FY2002–07 is one six-year figure)${dollars.basis === 'constant' ? `; ${dollars.note}` : ''}. Strikes: TBIJ per-strike rows counted by US fiscal year (1 Oct–30 Sep).`,
    columns: [
      { key: 'fiscalYear', header: 'Fiscal year' },
      ...LENS_CATEGORIES.map((c) => ({ key: c, header: `${AID_CATEGORY_LABELS[c]} (${dollars.unit} m)`, numeric: true })),
      { key: 'total', header: `Total aid (${dollars.unit} m)`, numeric: true },
      { key: 'strikes', header: 'Drone strikes (TBIJ)', numeric: true },
      { key: 'cooperation', header: 'Cooperation events' },
      { key: 'friction', header: 'Friction events' },
    ],
    rows,
  };
}

function tableRow(label: string, slot: LensSlot | null, strikes: readonly StrikePoint[], events: readonly LensEvent[]): TableModel['rows'][number] {
  return {
    fiscalYear: label,
    security: slot ? slot.amounts.security : null,
    economic: slot ? slot.amounts.economic : null,
    csf: slot ? slot.amounts.csf : null,
    total: slot ? slot.total : null,
    strikes: strikes.length ? strikes.reduce((n, p) => n + p.strikes, 0) : null,
    cooperation: events.filter((e) => e.tone === 'cooperation').map((e) => e.title).join('; '),
    friction: events.filter((e) => e.tone === 'friction').map((e) => e.title).join('; '),
  };
}

export const LENS_CATEGORY_COLORS: Record<LensCategory, string> = {
  security: AID_CATEGORY_COLORS.security,
  economic: AID_CATEGORY_COLORS.economic,
  csf: AID_CATEGORY_COLORS.csf,
};
