/**
 * Solves the planner's model with HiGHS (WebAssembly) and reads the plan back: the changes with
 * their reasons, the future gap with and without them, the constraints that bind, and for an
 * infeasible instance the constraints in conflict.
 */
import loadHighs, { type Highs, type Model } from 'highs';
import type { BindingConstraint, PlanChange, PlanInstance, PlanResult } from './instance.ts';
import { beyondForecast, buildModel, programmeText, type Column, type PlanModel } from './model.ts';

/** Where HiGHS comes from: the package's default (Node finds the .wasm beside it); a browser passes its own URL of it. */
export type HighsLoader = () => Promise<Highs>;

let highsLoading: Promise<Highs> | null = null;
const defaultHighs: HighsLoader = () => (highsLoading ??= loadHighs());

/** Starts loading HiGHS now (a worker thread does, while it waits for its instance). */
export const preloadHighs = (): Promise<unknown> => defaultHighs();

const TOLERANCE = 1e-6;
/** IIS bound codes (highs.constants.iis) that involve a column's upper bound. */
const UPPER = new Set([3, 4]);

function modelData(h: Highs, m: PlanModel, relaxed = false) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of m.rows) {
    for (const [col, value] of [...r.entries].sort((a, b) => a[0] - b[0])) { indices.push(col); values.push(value); }
    starts.push(indices.length);
  }
  return {
    numCols: m.columns.length,
    numRows: m.rows.length,
    sense: h.constants.objectiveSense.minimize,
    colCost: m.columns.map((c) => c.cost),
    colLower: m.columns.map((c) => c.lower),
    colUpper: m.columns.map((c) => c.upper),
    rowLower: m.rows.map((r) => r.lower),
    rowUpper: m.rows.map((r) => r.upper),
    matrix: { format: 'csr' as const, numRows: m.rows.length, numCols: m.columns.length, starts, indices, values },
    integrality: m.columns.map((c) => (c.integer && !relaxed ? h.constants.variableType.integer : h.constants.variableType.continuous)),
  };
}

/** The constraint a column's bound stands for (per-programme change cap, a new programme's size, a lock). */
function boundLabel(instance: PlanInstance, c: Column): BindingConstraint | null {
  const role = c.role;
  if (!('option' in role)) return null;
  const o = instance.options[role.option];
  const at = programmeText(instance, o);
  if (o.locked) return { constraint: `lock_${o.school_code}_${o.major_code}`, label_zh: `已锁定，不作调整（${at}）`, label_en: `locked, left unchanged (${at})` };
  if (o.estimated) {
    return { constraint: `estimated_${o.school_code}_${o.major_code}`, label_zh: `招生计划为估算，不作调整（${at}）`, label_en: `plan estimated, left unchanged (${at})` };
  }
  if (beyondForecast(instance)(o)) {
    return { constraint: `beyond_${o.school_code}_${o.major_code}`, label_zh: `毕业年份 ${o.year} 超出需求预测的年份，不作调整（${at}）`,
      label_en: `graduating in ${o.year}, beyond the years demand is forecast for, left unchanged (${at})` };
  }
  if (role.kind === 'up' || role.kind === 'down') {
    const cap = (instance.settings.change_cap * 100).toFixed(0);
    return { constraint: `change_${o.school_code}_${o.major_code}`, label_zh: `专业点招生计划变动上限 ±${cap}%（${at}）`, label_en: `programme plan change within ±${cap}% (${at})` };
  }
  return { constraint: `new_${o.school_code}_${o.major_code}`, label_zh: `新设专业招生人数上限（${at}）`, label_en: `seats of a new programme (${at})` };
}

const rowLabel = (r: PlanModel['rows'][number]): BindingConstraint => ({ constraint: r.name, ...r.label });

const uniqueByName = (list: BindingConstraint[]) => [...new Map(list.map((b) => [b.constraint, b])).values()];

export async function solvePlan(instance: PlanInstance, highs: HighsLoader = defaultHighs): Promise<PlanResult> {
  const started = performance.now();
  const m = buildModel(instance);
  const base = {
    variables: m.columns.length, constraints: m.rows.length, changes: [], binding: [], conflict: [],
    gaps: instance.gaps.map((g) => ({ industry_code: g.industry_code, year: g.year, gap_before: g.gap, gap_after: g.gap })),
  };
  if (instance.options.length === 0) {
    return { ...base, status: 'no_options', solver_status: 'not run', objective: null, mip_gap: null, seconds: 0,
      message_zh: '没有可调整的专业点：未求解', message_en: 'no programme to change: not solved' };
  }
  const h = await highs();
  // One time limit for the whole solve: the relaxation first, branch and cut with what is left.
  const limit = instance.settings.time_limit;
  const left = () => Math.max(0, limit - (performance.now() - started) / 1000);
  // HiGHS's own heuristics rarely improve on an unchanged plan at this size before the time limit:
  // the first incumbent is the LP relaxation rounded towards zero when that satisfies every row,
  // else the unchanged plan (feasible unless the city's bounds exclude no change).
  const rounded = roundedRelaxation(h, m, instance, left());
  if (rounded) {
    // The relaxation's optimum bounds every plan's objective from below: a rounded plan within
    // mip_gap of it is optimal to that tolerance, and branch and cut has nothing left to prove.
    const objective = m.columns.reduce((sum, c, j) => sum + c.cost * rounded.x[j], 0);
    const gap = Math.abs(objective - rounded.bound) / Math.max(Math.abs(objective), 1e-9);
    // With under a quarter of the time left (a national instance), branch and cut would not get
    // past its presolve: the rounded plan stands, with its distance from the bound.
    if (gap <= instance.settings.mip_gap || left() < limit / 4) {
      const optimal = gap <= instance.settings.mip_gap;
      return {
        ...base, ...readPlan(instance, m, Float64Array.from(rounded.x), Float64Array.from(m.rows.map((r) => activity(r, rounded.x)))),
        ...verdict(instance, optimal, gap),
        solver_status: optimal ? 'Optimal (within mip_gap of the LP relaxation bound)' : 'Time limit reached (rounded LP relaxation)',
        objective, mip_gap: gap, seconds: (performance.now() - started) / 1000,
      };
    }
  }
  const model: Model = h.createModel(modelData(h, m));
  try {
    model.options.set({ output_flag: false, time_limit: left(), mip_rel_gap: instance.settings.mip_gap });
    model.setSolution({ colValue: rounded?.x ?? unchangedPlan(m, instance) });
    model.run();
    const code = model.getModelStatus();
    const status = h.constants.modelStatus;
    if (code === status.infeasible) {
      // Timed with the search for the constraints in conflict, which may take longer than the solve.
      const found = infeasible(model, instance, m);
      return { ...base, ...found, seconds: (performance.now() - started) / 1000 };
    }
    const seconds = (performance.now() - started) / 1000;
    const hasSolution = Number(model.info.get('primal_solution_status')) === h.constants.solutionStatus.feasible;
    if (!hasSolution || (code !== status.optimal && code !== status.timeLimit)) {
      return { ...base, status: 'error', solver_status: String(code), objective: null, mip_gap: null, seconds,
        message_zh: `求解失败（HiGHS 状态 ${code}）`, message_en: `the solver failed (HiGHS status ${code})` };
    }
    const x = model.getSolution();
    const gap = Number(model.info.get('mip_gap'));
    return {
      ...base,
      ...readPlan(instance, m, x.colValue, x.rowValue),
      ...verdict(instance, code === status.optimal, gap),
      solver_status: code === status.optimal ? 'Optimal' : 'Time limit reached',
      objective: model.getObjectiveValue(),
      mip_gap: Number.isFinite(gap) ? gap : null,
      seconds,
    };
  } finally {
    model.dispose();
  }
}

const activity = (r: PlanModel['rows'][number], x: readonly number[]) => {
  let sum = 0;
  for (const [j, a] of r.entries) sum += a * x[j];
  return sum;
};

/** Column of each new programme's seats, by option. */
function newSeats(m: PlanModel): Map<number, number> {
  const seatsOf = new Map<number, number>();
  m.columns.forEach((c, j) => { if (c.role.kind === 'new') seatsOf.set(c.role.option, j); });
  return seatsOf;
}

/**
 * Rounding each column down, and dropping programmes below their minimum class, can push a
 * school's total, the city's total or the budget past its bound: the excess is taken back (in
 * place) from the changes pushing that way (fewer seats cut, or fewer added), schools first —
 * changes of existing programmes first, then new programmes down to their minimum class, then new
 * programmes closed.
 */
export function mendSeats(m: PlanModel, x: number[], minClass: number): void {
  const openOf = new Map<number, number>();
  const seatsOf = newSeats(m);
  m.columns.forEach((c, j) => { if (c.role.kind === 'open') openOf.set(seatsOf.get(c.role.option)!, j); });
  const seatRows = m.rows.filter((r) => r.name.startsWith('school_') || r.name === 'city_total' || r.name === 'budget');
  // Mending the city's total can take back a school's cuts and push that school past its cap, and
  // mending the school lowers the city's total again: repeat until every row holds. Each step only
  // takes seats back, so this ends.
  for (let mended = true; mended;) {
    mended = false;
    for (const r of seatRows) {
      const a0 = activity(r, x);
      let excess = a0 < r.lower - TOLERANCE ? a0 - r.lower : a0 > r.upper + TOLERANCE ? a0 - r.upper : 0;
      for (const pass of ['existing', 'new', 'close'] as const) {
        for (const [j, a] of r.entries) {
          if (Math.abs(excess) <= TOLERANCE) break;
          const opens = openOf.has(j);
          if (Math.sign(a) !== Math.sign(excess) || x[j] === 0 || opens !== (pass !== 'existing')) continue;
          const room = pass === 'new' ? x[j] - minClass : x[j];
          const take = pass === 'close' ? x[j] : Math.min(room, Math.ceil(Math.abs(excess / a) - TOLERANCE));
          if (take <= 0) continue;
          x[j] -= take;
          if (x[j] === 0 && opens) x[openOf.get(j)!] = 0;
          excess -= a * take;
          mended = true;
        }
      }
    }
  }
}

/**
 * The LP relaxation's seats rounded towards zero, a new programme kept only with its minimum class,
 * with the relaxation's optimum (a lower bound of every plan); null if the rounding breaks a row
 * the repairs below do not mend. The first incumbent of branch and cut, and the plan itself when
 * time runs short.
 */
export function roundedRelaxation(h: Highs, m: PlanModel, instance: PlanInstance, seconds: number): { x: number[]; bound: number } | null {
  const lp = h.createModel(modelData(h, m, true));
  try {
    lp.options.set({ output_flag: false, time_limit: seconds });
    lp.run();
    if (lp.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    const x = [...lp.getSolution().colValue].map((v) => Math.floor(Math.abs(v) + 1e-9) * Math.sign(v));
    const seatsOf = newSeats(m);
    m.columns.forEach((c, j) => {
      if (c.role.kind !== 'open') return;
      const seats = seatsOf.get(c.role.option)!;
      if (x[seats] < instance.settings.min_class) x[seats] = 0;
      x[j] = x[seats] > 0 ? 1 : 0;
    });
    // The relaxation may open a major at more schools than the duplication rule allows, each a
    // fraction of a programme: the smallest of those opened close again until the cap holds.
    for (const r of m.rows) {
      if (!r.name.startsWith('dup_')) continue;
      const opened = [...r.entries.keys()].filter((j) => x[j] > 0);
      const open = (j: number) => seatsOf.get((m.columns[j].role as { option: number }).option)!;
      opened.sort((a, b) => x[open(a)] - x[open(b)]);
      for (const j of opened.slice(0, Math.max(0, opened.length - r.upper))) {
        x[j] = 0;
        x[open(j)] = 0;
      }
    }
    mendSeats(m, x, instance.settings.min_class);
    // Shortfall and surplus follow from the rounded seats: each gap row is short − surplus + effects = gap.
    m.rows.forEach((r) => {
      if (!r.name.startsWith('gap_')) return;
      let rest = r.lower;
      let [short, surplus] = [-1, -1];
      for (const [j, a] of r.entries) {
        const role = m.columns[j].role.kind;
        if (role === 'short') short = j;
        else if (role === 'surplus') surplus = j;
        else rest -= a * x[j];
      }
      x[short] = Math.max(0, rest);
      x[surplus] = Math.max(0, -rest);
    });
    const fits = m.rows.every((r) => {
      const a = activity(r, x);
      return a >= r.lower - TOLERANCE && a <= r.upper + TOLERANCE;
    });
    return fits ? { x, bound: lp.getObjectiveValue() } : null;
  } finally {
    lp.dispose();
  }
}

function unchangedPlan(m: PlanModel, instance: PlanInstance): number[] {
  return m.columns.map((c) => {
    if (c.role.kind === 'short') return Math.max(0, instance.gaps[c.role.gap].gap);
    if (c.role.kind === 'surplus') return Math.max(0, -instance.gaps[c.role.gap].gap);
    return 0;
  });
}

/**
 * The constraints in conflict as a sentence: those of one kind (a label without its place in
 * brackets, such as the change cap of 3,000 programmes) counted rather than listed one by one.
 */
function conflictText(conflict: BindingConstraint[], key: 'label_zh' | 'label_en'): string {
  const zh = key === 'label_zh';
  const kinds = new Map<string, string[]>();
  for (const c of conflict) {
    const kind = c[key].replace(zh ? /（[^（）]*）$/ : / \([^()]*\)$/, '');
    kinds.set(kind, [...(kinds.get(kind) ?? []), c[key]]);
  }
  return [...kinds].map(([kind, labels]) => {
    if (labels.length === 1) return labels[0];
    const n = labels.length.toLocaleString('en');
    return zh ? `${kind}（${n} 处）` : `${kind} (${n} of them)`;
  }).join(zh ? '；' : '; ');
}

function infeasible(model: Model, instance: PlanInstance, m: PlanModel) {
  let conflict: BindingConstraint[] = [];
  try {
    // An elastic LP over the MIP's relaxation, refined to an irreducible set, rows before bounds.
    model.options.set({ iis_strategy: 2 + 4 + 16 });
    const iis = model.getIis();
    conflict = uniqueByName([
      ...[...iis.rowIndex].map((r) => rowLabel(m.rows[r])),
      // A column's upper bound is a policy cap; its lower bound 0 only says seats are not negative.
      ...[...iis.colIndex].flatMap((c, k) => (UPPER.has(iis.colBound[k]) && boundLabel(instance, m.columns[c])) || []),
    ]);
  } catch {
    // no subsystem found: the message below still says the instance is infeasible
  }
  return {
    status: 'infeasible' as const,
    solver_status: 'Infeasible',
    objective: null,
    mip_gap: null,
    conflict,
    message_zh: conflict.length
      ? `约束相互矛盾，不存在可行方案。冲突的约束：${conflictText(conflict, 'label_zh')}`
      : '约束相互矛盾，不存在可行方案（整数约束，如最小班额，与其他约束冲突）',
    message_en: conflict.length
      ? `The constraints contradict each other: no plan satisfies them. In conflict: ${conflictText(conflict, 'label_en')}`
      : 'The constraints contradict each other: no plan satisfies them (integer requirements such as the minimum class size conflict with the others)',
  };
}

function readPlan(instance: PlanInstance, m: PlanModel, col: Float64Array, row: Float64Array) {
  const change = new Map<number, number>();
  m.columns.forEach((c, j) => {
    const v = Math.round(col[j]);
    if (v === 0) return;
    if (c.role.kind === 'up' || c.role.kind === 'new') change.set(c.role.option, (change.get(c.role.option) ?? 0) + v);
    if (c.role.kind === 'down') change.set(c.role.option, (change.get(c.role.option) ?? 0) - v);
  });
  const gapBefore = new Map(instance.gaps.map((g) => [`${g.industry_code}|${g.year}`, g.gap]));
  const gapAfter = new Map(gapBefore);
  for (const [i, d] of change) {
    const o = instance.options[i];
    for (const e of o.effects) {
      const key = `${e.industry_code}|${o.year}`;
      if (gapAfter.has(key)) gapAfter.set(key, gapAfter.get(key)! - d * e.per_seat);
    }
  }
  // The limits that move seats between programmes, where the plan reaches them: a school's total, the city's, the budget.
  const limits = new Map<string, BindingConstraint>();
  m.rows.forEach((r, i) => {
    if (!r.name.startsWith('school_') && r.name !== 'city_total' && r.name !== 'budget') return;
    if (Math.abs(row[i] - r.lower) <= TOLERANCE || Math.abs(row[i] - r.upper) <= TOLERANCE) limits.set(r.name, rowLabel(r));
  });
  const changes: PlanChange[] = [...change].filter(([, d]) => d !== 0).map(([i, d]) => {
    const o = instance.options[i];
    const named = o.effects.filter((e) => gapAfter.has(`${e.industry_code}|${o.year}`));
    // The industry a change is for: of those it serves, one short of graduates for seats added, one in
    // surplus for seats cut, the most of its graduates going there; else the one most of them go to.
    const wanted = named.filter((e) => (d > 0 ? 1 : -1) * gapBefore.get(`${e.industry_code}|${o.year}`)! > 0);
    const main = (wanted.length > 0 ? wanted : named).sort((a, b) => b.per_seat - a.per_seat)[0];
    const key = main && `${main.industry_code}|${o.year}`;
    const bound = [limits.get(`school_${o.school_code}`), limits.get('city_total'), limits.get('budget')].filter((b) => b !== undefined);
    return {
      school_code: o.school_code, major_code: o.major_code, existing: o.existing, plan: o.plan, change: d, proposed: o.plan + d,
      year: o.year, industry_code: main?.industry_code ?? null,
      ...reason(instance, { existing: o.existing, d, year: o.year, bound }, main && {
        industry: main.industry_code, perSeat: main.per_seat, before: gapBefore.get(key!)!, after: gapAfter.get(key!)!, against: wanted.length === 0,
      }),
    };
  }).sort((a, b) => (a.school_code < b.school_code ? -1 : a.school_code > b.school_code ? 1 : a.major_code < b.major_code ? -1 : 1));

  const binding: BindingConstraint[] = [];
  m.rows.forEach((r, i) => {
    if (r.name.startsWith('gap_') || r.name.startsWith('newmax_')) return;
    const atLower = Number.isFinite(r.lower) && Math.abs(row[i] - r.lower) <= TOLERANCE;
    const atUpper = Number.isFinite(r.upper) && Math.abs(row[i] - r.upper) <= TOLERANCE;
    // A new programme's minimum binds only where it opened.
    if (r.name.startsWith('minclass_') && ![...r.entries.keys()].some((j) => m.columns[j].role.kind === 'open' && col[j] > 0.5)) return;
    if (atLower || atUpper) binding.push(rowLabel(r));
  });
  m.columns.forEach((c, j) => {
    if ((c.role.kind === 'up' || c.role.kind === 'down') && c.upper > 0 && Math.abs(col[j] - c.upper) <= TOLERANCE) {
      const label = boundLabel(instance, c);
      if (label) binding.push(label);
    }
  });
  return {
    changes,
    binding: uniqueByName(binding),
    gaps: instance.gaps.map((g) => ({ industry_code: g.industry_code, year: g.year, gap_before: g.gap, gap_after: gapAfter.get(`${g.industry_code}|${g.year}`)! })),
  };
}

const percent = (x: number) => `${(x * 100).toPrecision(2)}%`;

/**
 * A plan proven within mip_gap of the best bound, or the best found when time ran out, with that
 * distance; and how many programmes it left alone because their plans are estimates.
 */
function verdict(instance: PlanInstance, optimal: boolean, gap: number) {
  const estimated = instance.options.filter((o) => o.existing && o.estimated).length;
  const [noteZh, noteEn] = estimated === 0 ? ['', '']
    : [`；${thousands.format(estimated)} 个专业点的招生计划为估算，未作调整`, `; ${thousands.format(estimated)} programme${estimated > 1 ? 's' : ''} with an estimated plan left unchanged`];
  return {
    status: optimal ? 'optimal' as const : 'time_limit' as const,
    message_zh: (optimal ? '已求得最优方案'
      : Number.isFinite(gap) ? `达到时间上限，方案与最优界的相对差距 ${percent(gap)}` : '达到时间上限，未找到优于现状的方案，也未证得最优界') + noteZh,
    message_en: (optimal ? 'optimal plan found'
      : Number.isFinite(gap) ? `time limit reached: the plan is within ${percent(gap)} of the best bound` : 'time limit reached before a plan better than no change, or a bound, was found') + noteEn,
  };
}

// One formatter for every reason: toLocaleString makes one per call, and a plan has 150,000 reasons.
const thousands = new Intl.NumberFormat('en');
const people = (x: number) => thousands.format(Math.round(Math.abs(x)));

/**
 * Why a programme's seats change. A change against its industry's gap (seats cut where graduates are
 * short, or added where they are in surplus) is no contradiction but a move of seats: the industry
 * gets them from programmes more of whose graduates go there, or they go where they close more of
 * another gap, within the limits the plan reaches (`bound`: the school's, the city's total, the
 * budget); the reason says so, with the share of this programme's graduates the industry gets.
 */
function reason(instance: PlanInstance, change: { existing: boolean; d: number; year: number; bound: BindingConstraint[] },
  industry: { industry: string; perSeat: number; before: number; after: number; against: boolean } | undefined): { reason_zh: string; reason_en: string } {
  const { existing, d, year, bound } = change;
  const verbZh = !existing ? `新设专业，招生 ${d} 人` : d > 0 ? `扩招 ${d} 人` : `减招 ${-d} 人`;
  const verbEn = !existing ? `open with ${d} seats` : d > 0 ? `add ${d} seats` : `cut ${-d} seats`;
  if (!industry) {
    return { reason_zh: `${verbZh}：该专业不对应有预测的产业，调整腾出名额与经费`, reason_en: `${verbEn}: the major serves no industry with an outlook; frees seats and budget` };
  }
  const name = instance.industryNames?.[industry.industry];
  const [zh, en] = [name?.zh ?? industry.industry, name?.en ?? industry.industry];
  const stateZh = (g: number) => (g >= 0 ? `缺口 ${people(g)} 人` : `过剩 ${people(g)} 人`);
  const stateEn = (g: number) => (g >= 0 ? `short of ${people(g)}` : `${people(g)} in surplus`);
  const gapZh = `${year} 年（该届毕业）${zh}预计${stateZh(industry.before)}，方案后${stateZh(industry.after)}`;
  const gapEn = `in ${year}, when this intake graduates, ${en} is expected ${stateEn(industry.before)}; with the plan ${stateEn(industry.after)}`;
  if (!industry.against) return { reason_zh: `${verbZh}：${gapZh}`, reason_en: `${verbEn}: ${gapEn}` };
  const share = industry.perSeat.toFixed(2);
  const withinZh = bound.map((b) => b.label_zh).join('、');
  const withinEn = bound.map((b) => b.label_en).join(', ');
  const [moveZh, moveEn] = d < 0
    ? [`名额调往毕业生更多进入缺口产业的专业${bound.length ? `，受${withinZh}约束` : ''}`,
      `seats moved to programmes more of whose graduates go to industries short of them${bound.length ? `, within ${withinEn}` : ''}`]
    : bound.length ? [`受${withinZh}约束`, `required by ${withinEn}`] : ['所服务的产业均无缺口', 'none of the industries it serves is short'];
  return {
    reason_zh: `${verbZh}：${moveZh}（每招 1 人约 ${share} 人进入${zh}）；${gapZh}`,
    reason_en: `${verbEn}: ${moveEn} (about ${share} of each intake goes to ${en}); ${gapEn}`,
  };
}
