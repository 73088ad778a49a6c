/**
 * The dataset format as zod schemas: one JSON document shared by the shipped dataset, a
 * researcher's own file and the build/check scripts. Everything that enters the store passes
 * through `DatasetSchema` (the shipped file is checked at build, see scripts/vite/datasetIntegrity.ts).
 * The lists, date helpers and row types are in schema.ts, which the dashboard imports without zod.
 */
// First: zod without `new Function` (the CSP has no 'unsafe-eval'), before any schema exists.
import './zodConfig';
import { z } from 'zod';
import {
  AID_CATEGORIES,
  AID_MEASURES,
  AID_STATUSES,
  CLAIM_MEASURES,
  COORD_PRECISIONS,
  DATE_PRECISIONS,
  FIGURE_FIELDS,
  INCIDENT_TYPES,
  ISO_DAY,
  ISO_MONTH,
  ISO_YEAR,
  MAX_YEAR,
  MIN_YEAR,
  SINGLE_SOURCE_FIELDS,
  STRIKE_STATUSES,
  THEMES,
  TONES,
  TRACKERS,
  inYearBounds,
  isRealDay,
  yearBoundsMessage,
} from './schema';

/** A full calendar day, YYYY-MM-DD, that exists, within the supported years. */
export const IsoDay = z
  .string()
  .regex(ISO_DAY, 'must be a date written YYYY-MM-DD')
  .refine(isRealDay, 'must be a real calendar date')
  .refine(inYearBounds, yearBoundsMessage);

/** A day, a month (YYYY-MM) or a year (YYYY): events are often known only to the month. */
export const PartialDate = z
  .string()
  .refine(
    (v) => isRealDay(v) || (ISO_MONTH.test(v) && Number(v.slice(5, 7)) >= 1 && Number(v.slice(5, 7)) <= 12) || ISO_YEAR.test(v),
    'must be a date written YYYY-MM-DD, YYYY-MM or YYYY',
  )
  .refine(inYearBounds, yearBoundsMessage);

export const Year = z.number({ error: 'must be a year written as a number' }).int('must be a whole year').min(MIN_YEAR, yearBoundsMessage).max(MAX_YEAR, yearBoundsMessage);

const Id = z.string().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const NonEmptyText = (max: number) => Text(max).min(1, 'must not be empty');

/** A count of people: unknown is null, never 0. */
const Count = z.number({ error: 'must be a whole number ≥ 0, or null when unknown' }).int('must be a whole number').min(0, 'must be a number ≥ 0').nullable();
const Amount = z.number({ error: 'must be a number ≥ 0' }).min(0, 'must be a number ≥ 0').finite('must be a finite number');
const Latitude = z.number({ error: 'must be a number between -90 and 90' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
const Longitude = z.number({ error: 'must be a number between -180 and 180' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');
const SourceIds = z.array(Id).min(1, 'must list at least one source id');

export const CoordPrecision = z.enum(COORD_PRECISIONS);

export const SourceSchema = z.object({
  id: Id,
  title: NonEmptyText(400),
  publisher: NonEmptyText(200),
  date: PartialDate,
  url: z.string().max(2000).nullable(),
  /** What the source measures or reports, e.g. "appropriations (US$ m)" or "strike counts". */
  measures: NonEmptyText(300),
  licence: Text(200).optional(),
  note: Text(1000).optional(),
});

export const AidRowSchema = z
  .object({
    id: Id,
    measure: z.enum(AID_MEASURES),
    /** First and last fiscal year covered. They differ only for multi-year aggregates (FY2002–FY2007). */
    fiscalYearStart: Year,
    fiscalYearEnd: Year,
    /** Programme code as the source prints it (FMF, ESF, CSF, …); "TOTAL" for unsplit measures. */
    programme: NonEmptyText(40),
    programmeName: NonEmptyText(200),
    category: z.enum(AID_CATEGORIES),
    status: z.enum(AID_STATUSES),
    amount: Amount,
    /** Source footnote letters (CRS prints them beside figures; they are never numbers). */
    footnotes: z.array(Text(8)).optional(),
    note: Text(1000).optional(),
    sources: SourceIds,
  })
  .refine((r) => r.fiscalYearStart <= r.fiscalYearEnd, {
    message: 'fiscalYearStart must not be after fiscalYearEnd',
    path: ['fiscalYearEnd'],
  });

/**
 * A multi-year total of one aid measure: the sum of the shipped rows beside the total the source
 * prints, with the reason they differ. Anything that shows or exports a cumulative total should
 * show both figures and the note.
 */
export const AidTotalSchema = z
  .object({
    id: Id,
    measure: z.enum(AID_MEASURES),
    fiscalYearStart: Year,
    fiscalYearEnd: Year,
    /** The sum of the shipped `aid` rows (status "actual") for the measure and years. */
    sumOfRows: Amount,
    /** The total the source prints for the same years, or null where it prints none. */
    printed: Amount.nullable(),
    note: Text(1000),
    sources: SourceIds,
  })
  .refine((r) => r.fiscalYearStart <= r.fiscalYearEnd, {
    message: 'fiscalYearStart must not be after fiscalYearEnd',
    path: ['fiscalYearEnd'],
  });

/** An explicit "no figure" row: a fiscal year for which no aid measure has a value, and why. */
export const AidGapSchema = z.object({
  id: Id,
  fiscalYear: Year,
  reason: NonEmptyText(500),
  sources: SourceIds,
});

const minMaxRefinements = <T extends Record<string, unknown>>(row: T, ctx: z.RefinementCtx, pairs: [keyof T & string, keyof T & string][]) => {
  for (const [lo, hi] of pairs) {
    const a = row[lo];
    const b = row[hi];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      ctx.addIssue({ code: 'custom', message: `must not be less than ${lo} (${a} > ${b})`, path: [hi], input: b });
    }
  }
};

export const StrikeSchema = z
  .object({
    id: Id,
    date: IsoDay,
    place: Text(300),
    /** The district or (former FATA) agency. */
    agency: Text(200),
    lat: Latitude.nullable(),
    lon: Longitude.nullable(),
    precision: CoordPrecision,
    killedMin: Count,
    killedMax: Count,
    civiliansMin: Count,
    civiliansMax: Count,
    childrenMin: Count,
    childrenMax: Count,
    injuredMin: Count,
    injuredMax: Count,
    /** TBIJ strike code (B1, Ob372, …) where TBIJ lists the strike. */
    tbijId: Text(40).nullable(),
    /** `possible` rows exist in a source but are outside its confirmed count. */
    status: z.enum(STRIKE_STATUSES),
    /** Set when a coordinate lies outside Pakistan/Afghanistan on purpose or by a known source error. */
    outsideRegion: z.boolean().optional(),
    /**
     * The tracker this row comes from (absent = tbij). Two trackers list the same strikes, so the
     * panels count one tracker's rows at a time and never add them up.
     */
    tracker: z.enum(TRACKERS).optional(),
    note: Text(1000).optional(),
    sources: SourceIds,
  })
  .superRefine((row, ctx) =>
    minMaxRefinements(row, ctx, [
      ['killedMin', 'killedMax'],
      ['civiliansMin', 'civiliansMax'],
      ['childrenMin', 'childrenMax'],
      ['injuredMin', 'injuredMax'],
    ]),
  );

export const StrikeYearSchema = z
  .object({
    year: Year,
    /** The tracker this series comes from: a source id such as "tbij". */
    series: Id,
    strikes: Count,
    killedMin: Count,
    killedMax: Count,
    civiliansMin: Count,
    civiliansMax: Count,
    note: Text(1000).optional(),
    sources: SourceIds,
  })
  .superRefine((row, ctx) =>
    minMaxRefinements(row, ctx, [
      ['killedMin', 'killedMax'],
      ['civiliansMin', 'civiliansMax'],
    ]),
  );

export const Tone = z.enum(TONES);

export const Theme = z.enum(THEMES);

/** One source's value for a figure: a single number has min === max; "at least 24" has max null. */
export const FigureValueSchema = z
  .object({
    min: Count,
    max: Count,
    sources: SourceIds,
    note: Text(500).optional(),
  })
  .superRefine((row, ctx) => minMaxRefinements(row, ctx, [['min', 'max']]));

/** Per-source values of one figure, kept side by side where the sources disagree. */
export const FigureSchema = z.object({
  field: z.enum(FIGURE_FIELDS),
  values: z.array(FigureValueSchema).min(1, 'must list at least one value'),
});

export const IncidentSchema = z
  .object({
    id: Id,
    type: z.enum(INCIDENT_TYPES),
    name: NonEmptyText(300),
    dateStart: PartialDate,
    dateEnd: PartialDate.nullable(),
    place: Text(300),
    district: Text(200),
    lat: Latitude,
    lon: Longitude,
    precision: CoordPrecision,
    /** Where sources disagree the range holds both values (Salala: 24–28). */
    killedMin: Count,
    killedMax: Count,
    woundedMin: Count,
    woundedMax: Count,
    tone: Tone,
    theme: Theme,
    description: Text(1000),
    /** Where the sources disagree, and about what. */
    discrepancies: Text(1000).optional(),
    outsideRegion: z.boolean().optional(),
    singleSource: z.boolean().optional(),
    /** Values that rest on one source only (e.g. the seed paper's toll in a row with other sources). */
    singleSourceFields: z.array(z.enum(SINGLE_SOURCE_FIELDS)).optional(),
    figures: z.array(FigureSchema).optional(),
    sources: SourceIds,
  })
  .superRefine((row, ctx) => {
    minMaxRefinements(row, ctx, [
      ['killedMin', 'killedMax'],
      ['woundedMin', 'woundedMax'],
    ]);
    if (row.dateEnd !== null && row.dateEnd < row.dateStart) {
      ctx.addIssue({ code: 'custom', message: 'must not be before dateStart', path: ['dateEnd'], input: row.dateEnd });
    }
  });

export const TimelineEventSchema = z.object({
  id: Id,
  date: PartialDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  tone: Tone,
  theme: Theme,
  title: NonEmptyText(300),
  description: Text(1000),
  incidentId: Id.nullable().optional(),
  /** True when only one source (often the seed paper) makes the claim. */
  singleSource: z.boolean().optional(),
  /** True for a notable US demand that Pakistan "do more" against militant groups. */
  doMore: z.boolean().optional(),
  figures: z.array(FigureSchema).optional(),
  sources: SourceIds,
});

/** A consumer price index value per calendar year, for converting current to constant dollars. */
export const PriceIndexRowSchema = z.object({
  id: Id,
  year: Year,
  value: z.number({ error: 'must be a number > 0' }).positive('must be a number > 0').finite('must be a finite number'),
  /** The index series, e.g. BLS "CUUR0000SA0" (CPI-U, US city average, all items). */
  series: NonEmptyText(60),
  sources: SourceIds,
});

/**
 * A headline figure printed by a source (the seed paper), kept as data so the dashboard can set
 * it beside what the dataset's rows say for the same span and measure. The dataset's figure is
 * always computed, never stored here.
 */
export const ClaimSchema = z
  .object({
    id: Id,
    /** The claim in this project's words. */
    label: NonEmptyText(200),
    /** The figure as printed: US$ millions for aid, a count for strikes and deaths. */
    figure: Amount,
    measure: z.enum(CLAIM_MEASURES),
    /** The CRS programme code (as in aid rows) for programme claims. */
    programme: Text(40).optional(),
    /** The span the claim names (fiscal years for aid, calendar years for strikes). */
    spanStart: Year,
    spanEnd: Year,
    /** Where the claim is printed: the section heading, and the page where the stored copy shows one. */
    section: NonEmptyText(200),
    page: z.number().int('must be a whole page number').positive('must be a page number').nullable(),
    /** Why the dataset's figure may differ: measure, span, CRS edition, CSF revision. */
    reason: Text(800),
    sources: SourceIds,
  })
  .refine((c) => c.spanStart <= c.spanEnd, { message: 'spanStart must not be after spanEnd', path: ['spanEnd'] })
  .refine((c) => !c.measure.startsWith('aid-programme') || Boolean(c.programme), { message: 'a programme claim must name its programme', path: ['programme'] });

/**
 * A multi-year column as a CRS edition prints it (e.g. the Mar-2019 edition's FY2002–FY2013
 * totals by category). Never drawn as aid: it overlaps the yearly rows. It lets a claim be set
 * beside the edition's own cumulative figure, which can differ from the sum of older editions'
 * yearly rows (CSF revisions).
 */
export const CrsCumulativeRowSchema = z
  .object({
    id: Id,
    fiscalYearStart: Year,
    fiscalYearEnd: Year,
    category: z.enum(['security', 'economic', 'csf']),
    amount: Amount,
    sources: SourceIds,
  })
  .refine((r) => r.fiscalYearStart <= r.fiscalYearEnd, { message: 'fiscalYearStart must not be after fiscalYearEnd', path: ['fiscalYearEnd'] });

/**
 * Tables are optional: a researcher's file that lacks, say, strikes is still a valid dataset,
 * and the panel that needs the missing table says so.
 */
export const DatasetSchema = z
  .object({
    version: NonEmptyText(40),
    generated: IsoDay,
    title: NonEmptyText(200),
    coverage: z
      .object({ from: Year, to: Year })
      .refine((c) => c.from <= c.to, { message: 'from must not be after to', path: ['to'] }),
    sources: z.array(SourceSchema),
    aid: z.array(AidRowSchema).optional(),
    aidTotals: z.array(AidTotalSchema).optional(),
    aidGaps: z.array(AidGapSchema).optional(),
    strikes: z.array(StrikeSchema).optional(),
    strikeYears: z.array(StrikeYearSchema).optional(),
    incidents: z.array(IncidentSchema).optional(),
    events: z.array(TimelineEventSchema).optional(),
    priceIndex: z.array(PriceIndexRowSchema).optional(),
    claims: z.array(ClaimSchema).optional(),
    crsCumulative: z.array(CrsCumulativeRowSchema).optional(),
  })
  .superRefine((dataset, ctx) => {
    const sourceIds = new Set<string>();
    dataset.sources.forEach((s, i) => {
      if (sourceIds.has(s.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate source id "${s.id}"`, path: ['sources', i, 'id'], input: s.id });
      }
      sourceIds.add(s.id);
    });
    const tables = ['aid', 'aidTotals', 'aidGaps', 'strikes', 'strikeYears', 'incidents', 'events', 'priceIndex', 'claims', 'crsCumulative'] as const;
    for (const table of tables) {
      const rows = dataset[table] ?? [];
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        if ('id' in row) {
          if (seen.has(row.id)) {
            ctx.addIssue({ code: 'custom', message: `duplicate id "${row.id}"`, path: [table, i, 'id'], input: row.id });
          }
          seen.add(row.id);
        }
        row.sources.forEach((id, j) => {
          if (!sourceIds.has(id)) {
            ctx.addIssue({ code: 'custom', message: `names source "${id}", which is not in sources`, path: [table, i, 'sources', j], input: id });
          }
        });
      });
    }
    for (const table of ['incidents', 'events'] as const) {
      (dataset[table] ?? []).forEach((row, i) => {
        row.figures?.forEach((figure, f) =>
          figure.values.forEach((value, v) =>
            value.sources.forEach((id, j) => {
              if (!sourceIds.has(id)) {
                ctx.addIssue({ code: 'custom', message: `names source "${id}", which is not in sources`, path: [table, i, 'figures', f, 'values', v, 'sources', j], input: id });
              }
            }),
          ),
        );
      });
    }
    const incidentIds = new Set((dataset.incidents ?? []).map((r) => r.id));
    (dataset.events ?? []).forEach((e, i) => {
      if (e.incidentId && !incidentIds.has(e.incidentId)) {
        ctx.addIssue({ code: 'custom', message: `names incident "${e.incidentId}", which is not in incidents`, path: ['events', i, 'incidentId'], input: e.incidentId });
      }
    });
  });
