/**
 * The planner's mixed-integer model (docs/planner.md) as HiGHS's sparse input. Every column and row
 * keeps a label, so binding constraints and conflicts can be named to the analyst.
 */
import type { BindingConstraint, PlanInstance, PlanOption } from './instance.ts';
import { groupBy } from '../group-by.ts';

export type ColumnRole =
  | { kind: 'up' | 'down' | 'new' | 'open'; option: number }
  | { kind: 'short' | 'surplus'; gap: number };

export interface Row { name: string; label: Omit<BindingConstraint, 'constraint'>; lower: number; upper: number; entries: Map<number, number> }
export interface Column { name: string; role: ColumnRole; cost: number; lower: number; upper: number; integer: boolean }

export interface PlanModel { columns: Column[]; rows: Row[] }

const INF = Infinity;

/**
 * Options held unchanged because their graduates fall in a year no forecast reaches (the demand
 * data end before the programme data): seats serving an industry that year cannot be weighed, and
 * would otherwise be cut as if they served none. An option serving no industry is not held.
 */
export function beyondForecast(instance: PlanInstance): (o: PlanOption) => boolean {
  let held = heldBy.get(instance);
  if (!held) {
    const years = new Set(instance.gaps.map((g) => g.year));
    heldBy.set(instance, (held = (o) => !years.has(o.year) && o.effects.some((e) => e.per_seat !== 0)));
  }
  return held;
}

/** A major in a constraint's label: its code, and its name where the instance has it. */
export const majorText = (instance: PlanInstance, code: string) => [code, instance.majorNames?.[code]].filter(Boolean).join(' ');

/** A programme in a constraint's label: its school's name (or code where it has none) × its major. */
export const programmeText = (instance: PlanInstance, o: { school_code: string; major_code: string }) =>
  `${instance.schoolNames?.[o.school_code] ?? o.school_code} × ${majorText(instance, o.major_code)}`;

/** One test per instance: the solver's labels ask it of every column at its bound. */
const heldBy = new WeakMap<PlanInstance, (o: PlanOption) => boolean>();

export function buildModel(instance: PlanInstance): PlanModel {
  const { options, gaps, settings: s } = instance;
  const columns: Column[] = [];
  const rows: Row[] = [];
  const column = (c: Column) => columns.push(c) - 1;
  const row = (r: Omit<Row, 'entries'>) => rows[rows.push({ ...r, entries: new Map() }) - 1];
  const add = (r: Row, col: number, value: number) => r.entries.set(col, (r.entries.get(col) ?? 0) + value);

  // Seats added to (or removed from) each option's plan, as columns with their sign.
  const seats: { col: number; sign: number; option: number }[] = [];
  const held = beyondForecast(instance);
  options.forEach((o, i) => {
    const id = `${o.school_code}_${o.major_code}`;
    if (o.existing) {
      const cap = o.locked || o.estimated || held(o) ? 0 : Math.floor(s.change_cap * o.plan);
      seats.push({ col: column({ name: `up_${id}`, role: { kind: 'up', option: i }, cost: s.w_change, lower: 0, upper: cap, integer: true }), sign: 1, option: i });
      seats.push({ col: column({ name: `down_${id}`, role: { kind: 'down', option: i }, cost: s.w_change, lower: 0, upper: Math.min(cap, o.plan), integer: true }), sign: -1, option: i });
    } else {
      const x = column({ name: `new_${id}`, role: { kind: 'new', option: i }, cost: s.w_change, lower: 0, upper: o.locked || held(o) ? 0 : s.new_max, integer: true });
      const open = column({ name: `open_${id}`, role: { kind: 'open', option: i }, cost: 0, lower: 0, upper: o.locked || held(o) ? 0 : 1, integer: true });
      seats.push({ col: x, sign: 1, option: i });
      // A new programme has between min_class and new_max seats, or none.
      const lo = row({ name: `minclass_${id}`, label: { label_zh: `新设专业最小班额 ${s.min_class} 人（${programmeText(instance, o)}）`, label_en: `minimum class size ${s.min_class} for a new programme (${programmeText(instance, o)})` }, lower: 0, upper: INF });
      add(lo, x, 1); add(lo, open, -s.min_class);
      const hi = row({ name: `newmax_${id}`, label: { label_zh: `新设专业最多 ${s.new_max} 人（${programmeText(instance, o)}）`, label_en: `at most ${s.new_max} seats in a new programme (${programmeText(instance, o)})` }, lower: -INF, upper: 0 });
      add(hi, x, 1); add(hi, open, -s.new_max);
    }
  });

  // Future gap balance per industry and year: short − surplus = gap − graduates the changes add.
  const gapIndex = new Map(gaps.map((g, i) => [`${g.industry_code}|${g.year}`, i]));
  const gapRows = new Map<number, Row>();
  for (const seat of seats) {
    const o = options[seat.option];
    for (const e of o.effects) {
      const g = gapIndex.get(`${e.industry_code}|${o.year}`);
      if (g === undefined || e.per_seat === 0) continue;
      let r = gapRows.get(g);
      if (!r) {
        const { industry_code, year, gap } = gaps[g];
        const named = instance.industryNames?.[industry_code];
        r = row({ name: `gap_${industry_code}_${year}`, label: { label_zh: `${named?.zh ?? industry_code} ${year} 年缺口平衡`, label_en: `gap balance of ${named?.en ?? industry_code} in ${year}` }, lower: gap, upper: gap });
        add(r, column({ name: `short_${industry_code}_${year}`, role: { kind: 'short', gap: g }, cost: s.w_shortfall, lower: 0, upper: INF, integer: false }), 1);
        add(r, column({ name: `surplus_${industry_code}_${year}`, role: { kind: 'surplus', gap: g }, cost: s.w_surplus, lower: 0, upper: INF, integer: false }), -1);
        gapRows.set(g, r);
      }
      add(r, seat.col, seat.sign * e.per_seat);
    }
  }

  // School capacity: the total plan moves by at most school_cap of today's.
  const bySchool = groupBy(seats, (seat) => options[seat.option].school_code);
  for (const [code, list] of bySchool) {
    const total = list.reduce((n, seat) => n + (seat.sign > 0 && options[seat.option].existing ? options[seat.option].plan : 0), 0);
    const cap = Math.floor(s.school_cap * total);
    const school = [instance.schoolNames?.[code], code].filter(Boolean).join(' ');
    const r = row({ name: `school_${code}`, label: { label_zh: `学校招生总量变动上限 ±${cap} 人（${school}）`, label_en: `school intake change within ±${cap} (${school})` }, lower: -cap, upper: cap });
    for (const seat of list) add(r, seat.col, seat.sign);
  }

  // The city's total plan within its bounds.
  const cityTotal = options.reduce((n, o) => n + (o.existing ? o.plan : 0), 0);
  const city = row({
    name: 'city_total',
    label: { label_zh: `全市招生计划总量变动 ${pctText(s.city_change_min)}～${pctText(s.city_change_max)}`, label_en: `city-wide intake change between ${pctText(s.city_change_min)} and ${pctText(s.city_change_max)}` },
    lower: Math.ceil(s.city_change_min * cityTotal), upper: Math.floor(s.city_change_max * cityTotal),
  });
  for (const seat of seats) add(city, seat.col, seat.sign);

  // Budget: the yearly cost of the seats added, net of the seats cut; in units of 10,000 yuan (万元),
  // which keeps the row's coefficients near 1 like the others' (HiGHS warns about badly scaled rows).
  const budget = row({ name: 'budget', label: { label_zh: `经费增量上限 ${s.budget.toLocaleString('en')} 元/年`, label_en: `budget increase at most ${s.budget.toLocaleString('en')} yuan a year` }, lower: -INF, upper: s.budget / 1e4 });
  for (const seat of seats) add(budget, seat.col, (seat.sign * options[seat.option].cost) / 1e4);

  // Duplication: schools offering a major, today's and the new ones, stay within the cap.
  const opens = columns.flatMap((c, col) => (c.role.kind === 'open' ? [{ col, major: options[c.role.option].major_code }] : []));
  const opensByMajor = new Map([...groupBy(opens, (o) => o.major)].map(([major, list]) => [major, list.map((o) => o.col)]));
  for (const [major, cols] of opensByMajor) {
    const room = Math.max(0, s.duplication_cap - (instance.offered[major] ?? 0));
    const r = row({ name: `dup_${major}`, label: { label_zh: `同一专业开设学校数上限 ${s.duplication_cap}（${majorText(instance, major)}）`, label_en: `at most ${s.duplication_cap} schools per major (${majorText(instance, major)})` }, lower: -INF, upper: room });
    for (const col of cols) add(r, col, 1);
  }

  return { columns, rows: rows.filter((r) => r.entries.size > 0) };
}

const pctText = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
