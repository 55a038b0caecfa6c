/**
 * Every time the dashboard shows (refresh times, the run history, the banner, source lines, an
 * archived plan) is Chongqing's, Beijing time, whatever the clock of the browser reading it, and
 * says so, as the reports do: `2025年11月29日 02:11（北京时间）`.
 */
import { formatFor, type Format, type Lang } from '../../../pipeline/shared/format.ts';

export const TIME_ZONE = 'Asia/Shanghai';

/** The formats of a language with times in Beijing time followed by `zone`, the words naming it. */
export function dashboardFormat(lang: Lang, zone: string): Format {
  const f = formatFor(lang, TIME_ZONE);
  return { ...f, dateTime: (iso) => `${f.dateTime(iso)}${zone}` };
}
