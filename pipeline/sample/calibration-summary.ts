/** A short human-readable account of the calibration figures, for the CLI's output. */
import type { CalibrationFigures } from './calibration.ts';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** One line per headline figure, then one per industry (schools, supply, openings, fill, demand ratio). */
export function summarizeCalibration(f: CalibrationFigures): string[] {
  return [
    `${f.year}: ${f.active_points} active programme points, match rate ${pct(f.match_rate)}, ` +
      `${Math.round(f.graduates)} graduates (${Math.round(f.estimated_graduates)} estimated)`,
    ...Object.entries(f.industries).map(
      ([code, i]) =>
        `  ${code.padEnd(20)} schools ${String(i.schools).padStart(3)}  supply ${String(Math.round(i.supply)).padStart(6)}  ` +
        `openings ${String(i.openings).padStart(6)}  fill ${ratio(i.fill_ratio)}  demand ratio ${ratio(i.demand_ratio)}`,
    ),
  ];
}
