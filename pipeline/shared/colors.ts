/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale
 * print. One meaning per colour, on the dashboard and in the printed reports.
 */
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
