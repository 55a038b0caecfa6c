/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
 * print. One meaning per colour across every view.
 */
import type { LagStrength, Signal } from './types.ts';

export const COLORS = {
  supply: '#0072B2', // blue
  demand: '#E69F00', // orange
  shortage: '#D55E00', // vermillion
  balanced: '#009E73', // bluish green
  oversupply: '#56B4E9', // sky blue
  neutral: '#999999',
  highlight: '#CC79A7', // reddish purple
  ink: '#222222',
  muted: '#666666',
  grid: '#e3e3e3',
} as const;

/** Lines of several series of one kind (industries over the years), told apart by the legend. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00'] as const;

export const SIGNAL_COLORS: Record<Signal, string> = {
  shortage: COLORS.shortage,
  balanced: COLORS.balanced,
  oversupply: COLORS.oversupply,
  no_demand: COLORS.neutral,
};

export const STRENGTH_COLORS: Record<LagStrength, string> = {
  clear: COLORS.supply,
  no_clear_response: COLORS.neutral,
  insufficient_data: COLORS.grid,
};
