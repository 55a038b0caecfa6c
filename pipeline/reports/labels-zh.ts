/** Chinese words for the warehouse's enumerated values, as printed in every report: the dashboard's (pipeline/shared/vocabulary.ts). */
import { VOCABULARY } from '../shared/vocabulary.ts';

const words = VOCABULARY.zh;
export const LABEL_ZH: Record<string, string> = words.labels;
export const SIGNAL_ZH: Record<string, string> = words.signals;
export const LEVEL_ZH: Record<string, string> = words.levels;
export const OWNERSHIP_ZH: Record<string, string> = words.ownerships;
export const OUTCOME_ZH: Record<string, string> = words.outcomes;
export const STRENGTH_ZH: Record<string, string> = words.strengths;
export const STAGE_ZH: Record<string, string> = words.stages;
export const PROXIMITY_ZH: Record<string, string> = words.proximities;
export const ESTIMATE_ZH: Record<string, string> = words.estimates;

/** What every report file says of the synthetic sample's figures: its banner, its workbook's note, its CSV's column. */
export const SYNTHETIC_ZH = words.synthetic.note;

/** `zh(SIGNAL_ZH, 'shortage')` → '供给不足'; an unknown value is shown as it is rather than hidden. */
export const zh = (words: Record<string, string>, value: unknown): string =>
  value === null || value === undefined ? '' : (words[String(value)] ?? String(value));
