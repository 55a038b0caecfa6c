/**
 * The dashboard's colours: the Okabe–Ito set shared with the printed reports (pipeline/shared/colors.ts),
 * and what each kind of mark takes from it. One meaning per colour across every view.
 */
import type { LagStrength, Signal } from './types.ts';
import { COLORS } from '../../../pipeline/shared/colors.ts';

export { COLORS };

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
