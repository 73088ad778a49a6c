/**
 * Colours with meaning. Tone colours read as cooperation = green, friction = red; theme colours
 * are from a colour-blind-safe qualitative set so the timeline legend stays readable on a projector.
 */
import type { AidCategory, ThemeName, ToneName } from '../data/schema';

export const TONE_COLORS: Record<ToneName, string> = {
  cooperation: '#2a7a4b',
  context: '#6b7280',
  friction: '#b4312b',
};

export const TONE_LABELS: Record<ToneName, string> = {
  cooperation: 'Cooperation',
  context: 'Context',
  friction: 'Friction',
};

export const THEME_COLORS: Record<ThemeName, string> = {
  aid: '#1f77b4',
  diplomacy: '#9467bd',
  security: '#2ca02c',
  drones: '#d62728',
  border: '#ff7f0e',
  nonproliferation: '#8c564b',
  trade: '#17becf',
  humanitarian: '#e377c2',
  'military-operation': '#556b2f',
  sanctions: '#bcbd22',
  conflict: '#7f7f7f',
  arms: '#393b79',
};

export const THEME_LABELS: Record<ThemeName, string> = {
  aid: 'Aid',
  diplomacy: 'Diplomacy',
  security: 'Security',
  drones: 'Drones',
  border: 'Border',
  nonproliferation: 'Nonproliferation',
  trade: 'Trade',
  humanitarian: 'Humanitarian',
  'military-operation': 'Military operation',
  sanctions: 'Sanctions',
  conflict: 'Conflict',
  arms: 'Arms',
};

export const AID_CATEGORY_COLORS: Record<AidCategory, string> = {
  security: '#2b5c8a',
  economic: '#e0a526',
  csf: '#8e5ba8',
  unsplit: '#5f7f8f',
};

export const AID_CATEGORY_LABELS: Record<AidCategory, string> = {
  security: 'Security-related',
  economic: 'Economic-related',
  csf: 'Coalition Support Funds',
  unsplit: 'All programmes (not split)',
};
