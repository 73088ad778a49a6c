/**
 * The dataset format's vocabulary: the years, the closed lists (tones, themes, aid measures…),
 * the date helpers and the row types. Everything that enters the store passes through
 * `DatasetSchema` (datasetSchema.ts), so the panels can trust every field they read.
 *
 * No zod here: the panels, selectors and URL codec import these lists and types, and the zod
 * schemas (≈28 KB gzip with zod) load only where a dataset or a deck is validated, never before
 * the dashboard's first paint.
 *
 * Conventions:
 * - Amounts are US$ millions (current dollars). People counts are whole numbers.
 * - `null` means "not reported / unknown". It is never a stand-in for 0.
 * - Every row carries `sources: [id, …]`; each id must name a row of `sources`.
 */
import type { z } from 'zod';
import type * as S from './datasetSchema';

export const MIN_YEAR = 1947;
export const MAX_YEAR = 2030;

export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_MONTH = /^(\d{4})-(\d{2})$/;
export const ISO_YEAR = /^(\d{4})$/;

/** True when a YYYY-MM-DD string names a day that exists (rejects 2011-02-30). */
export function isRealDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The year of a YYYY, YYYY-MM or YYYY-MM-DD string. */
export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

export function inYearBounds(value: string): boolean {
  const y = yearOf(value);
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

export const yearBoundsMessage = `year must be between ${MIN_YEAR} and ${MAX_YEAR}`;

/** How far a coordinate can be trusted. Anything but `exact`/`village` is drawn as approximate. */
export const COORD_PRECISIONS = ['exact', 'village', 'district-centroid', 'approximate'] as const;

export const AID_MEASURES = ['crs-appropriations', 'fa-obligations', 'fa-disbursements'] as const;
export const AID_CATEGORIES = ['security', 'economic', 'csf', 'unsplit'] as const;
export const AID_STATUSES = ['actual', 'estimate', 'request'] as const;

export const STRIKE_STATUSES = ['confirmed', 'possible'] as const;

/** Which tracker a strike row comes from. Absent means TBIJ (the shipped per-strike series). */
export const TRACKERS = ['tbij', 'pbc', 'new-america', 'lwj', 'user'] as const;

export const TONES = ['cooperation', 'context', 'friction'] as const;
export const THEMES = [
  'aid',
  'diplomacy',
  'security',
  'drones',
  'border',
  'nonproliferation',
  'trade',
  'humanitarian',
  'military-operation',
  'sanctions',
  'conflict',
  'arms',
] as const;

export const FIGURE_FIELDS = ['killed', 'wounded', 'civiliansKilled'] as const;

/** Row values that a single source gives although the row as a whole cites several. */
export const SINGLE_SOURCE_FIELDS = ['name', 'dateStart', 'dateEnd', 'killed', 'wounded'] as const;

export const INCIDENT_TYPES = ['border-incident', 'raid', 'incident', 'base', 'crossing', 'military-operation', 'drone-strike'] as const;

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

/** What a claim measures, so the dataset's own figure for it can be computed from the rows. */
export const CLAIM_MEASURES = ['aid-total', 'aid-programme', 'aid-programme-peak', 'strikes', 'civilians-killed'] as const;

export type Dataset = z.infer<typeof S.DatasetSchema>;
export type Source = z.infer<typeof S.SourceSchema>;
export type AidRow = z.infer<typeof S.AidRowSchema>;
export type AidTotal = z.infer<typeof S.AidTotalSchema>;
export type AidGap = z.infer<typeof S.AidGapSchema>;
export type Strike = z.infer<typeof S.StrikeSchema>;
export type StrikeYear = z.infer<typeof S.StrikeYearSchema>;
export type Incident = z.infer<typeof S.IncidentSchema>;
export type TimelineEvent = z.infer<typeof S.TimelineEventSchema>;
export type PriceIndexRow = z.infer<typeof S.PriceIndexRowSchema>;
export type Claim = z.infer<typeof S.ClaimSchema>;
export type CrsCumulativeRow = z.infer<typeof S.CrsCumulativeRowSchema>;
export type ClaimMeasure = (typeof CLAIM_MEASURES)[number];
export type Figure = z.infer<typeof S.FigureSchema>;
export type FigureValue = z.infer<typeof S.FigureValueSchema>;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export type Tracker = (typeof TRACKERS)[number];
export type ToneName = (typeof TONES)[number];
export type ThemeName = (typeof THEMES)[number];
export type AidMeasure = (typeof AID_MEASURES)[number];
export type AidCategory = (typeof AID_CATEGORIES)[number];
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type CoordPrecision = z.infer<typeof S.CoordPrecision>;
export type Tone = z.infer<typeof S.Tone>;
export type Theme = z.infer<typeof S.Theme>;
