/**
 * The planner on instances small enough to solve by hand; each optimum is worked out in the comments.
 * Every instance: one graduation year 2029, objective weights 1 per graduate short or in surplus and
 * 0.01 per seat changed.
 */
import { describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { mendSeats, roundedRelaxation, solvePlan } from '../../pipeline/shared/planner/solve.ts';
import { buildModel } from '../../pipeline/shared/planner/model.ts';
import v8 from 'node:v8';
import { BASELINE_ONLY, BASELINE_THEN_OPTIMIZED, startPlannerWorker } from '../../pipeline/planner/solve-in-worker.ts';
import type { PlanInstance, PlanOption, PlannerSettings } from '../../pipeline/shared/planner/instance.ts';

const settings: PlannerSettings = {
  change_cap: 0.3, school_cap: 1, min_class: 20, new_max: 60, duplication_cap: 10, budget: 1e12,
  city_change_min: -1, city_change_max: 1, w_shortfall: 1, w_surplus: 1, w_change: 0.01, time_limit: 10, mip_gap: 0,
};

const option = (major: string, plan: number, industry: string | null, extra: Partial<PlanOption> = {}): PlanOption => ({
  school_code: 'S', major_code: major, plan, existing: plan > 0, cost: 10_000, year: 2029,
  effects: industry ? [{ industry_code: industry, per_seat: 1 }] : [], locked: false, estimated: false, ...extra,
});

const instance = (options: PlanOption[], gaps: [string, number][], more: Partial<PlannerSettings> = {}): PlanInstance => ({
  options, gaps: gaps.map(([industry_code, gap]) => ({ industry_code, year: 2029, gap })), offered: {}, settings: { ...settings, ...more },
});

const changes = (r: Awaited<ReturnType<typeof solvePlan>>) => Object.fromEntries(r.changes.map((c) => [c.major_code, c.change]));

describe('solvePlan', () => {
  it('a school capacity that binds', async () => {
    // A (100 seats) serves X, short of 50; B (100) serves nothing. A may grow by 30 (±30 %), the school
    // by 20 (±10 % of 200). A +20 alone leaves 30 short: 30 + 0.2 = 30.2. Cutting B by 10 makes room
    // for A +30: 20 short + 0.4 = 20.4 — the optimum, with the school's cap and A's cap binding.
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]], { school_cap: 0.1 }));
    expect(r.status).toBe('optimal');
    expect(changes(r)).toEqual({ A: 30, B: -10 });
    expect(r.objective).toBeCloseTo(20.4, 6);
    expect(r.mip_gap).toBeLessThanOrEqual(1e-9);
    expect(r.binding.map((b) => b.constraint).sort()).toEqual(['change_S_A', 'school_S']);
    expect(r.gaps).toEqual([{ industry_code: 'X', year: 2029, gap_before: 50, gap_after: 20 }]);
    expect(r.changes.find((c) => c.major_code === 'A')!.reason_zh).toBe('扩招 30 人：2029 年（该届毕业）X预计缺口 50 人，方案后缺口 20 人');
  });

  it('says why it cuts a programme whose industry is short: its seats go where more graduates reach the gap, within the limit reached', async () => {
    // A and B both serve X, short of 100: each seat of A brings 1 graduate, of B 0.2. The school may
    // grow by 20 (±10 % of 200), A by 30: B gives 10 seats (2 graduates) so that A takes 30 (30):
    // 72 short + 0.4 = 72.4, against A +20 alone (80.2).
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, null, { effects: [{ industry_code: 'X', per_seat: 0.2 }] })],
      [['X', 100]], { school_cap: 0.1 }));
    expect(changes(r)).toEqual({ A: 30, B: -10 });
    expect(r.changes.find((c) => c.major_code === 'B')!.reason_zh)
      .toBe('减招 10 人：名额调往毕业生更多进入缺口产业的专业，受学校招生总量变动上限 ±20 人（S）约束（每招 1 人约 0.20 人进入X）；2029 年（该届毕业）X预计缺口 100 人，方案后缺口 72 人');
    expect(r.changes.find((c) => c.major_code === 'A')!.reason_zh).toBe('扩招 30 人：2029 年（该届毕业）X预计缺口 100 人，方案后缺口 72 人');
  });

  it('names, for seats cut, the industry in surplus they serve rather than the one short of graduates', async () => {
    // C serves X (0.5 a seat) and Y (0.3); D serves X alone (1 a seat). X is short of 10, Y 100 in
    // surplus. D grows to close X, and C is cut by its cap, 30: Y 9 fewer in surplus, D covering the
    // 15 of X that C no longer brings. The cut is for Y: its reason names Y, not X, where most of C's
    // graduates go.
    const r = await solvePlan(instance([
      option('C', 100, null, { effects: [{ industry_code: 'X', per_seat: 0.5 }, { industry_code: 'Y', per_seat: 0.3 }] }),
      option('D', 100, 'X'),
    ], [['X', 10], ['Y', -100]]));
    const cut = r.changes.find((c) => c.major_code === 'C');
    expect(cut?.change).toBe(-30);
    expect(cut!.industry_code).toBe('Y');
    expect(cut!.reason_zh).toMatch(/^减招 \d+ 人：2029 年（该届毕业）Y预计过剩 100 人，方案后过剩 \d+ 人$/);
  });

  it('holds a programme whose graduates fall in a year no forecast reaches (demand data ending earlier), saying why', async () => {
    // A serves X and graduates in 2029, forecast short of 50: it grows by 30. B serves X too but
    // graduates in 2030, a year with no forecast at all: its seats cannot be weighed, so it is held,
    // never cut as if it served nothing.
    // With no money to add, A could grow only by what B gives up: B is not given up.
    const options = [option('A', 100, 'X'), option('B', 100, 'X', { year: 2030 })];
    expect(changes(await solvePlan(instance(options, [['X', 50]], { budget: 0 })))).toEqual({});
    // Asked to cut 10 % with A locked, only B could give: the conflict names B held, and why.
    const r = await solvePlan(instance([{ ...options[0], locked: true }, options[1]], [['X', 50]], { city_change_max: -0.1 }));
    expect(r.status).toBe('infeasible');
    expect(r.conflict.map((c) => c.label_zh)).toContain('毕业年份 2030 超出需求预测的年份，不作调整（S × B）');
  });

  it('a minimum class size that makes opening a 0/1 choice', async () => {
    // N is a candidate serving X; it opens with 20..60 seats or not at all. X short of 12: opening
    // with 20 leaves 8 in surplus (8 + 0.2 = 8.2) against 12 short if closed — it opens with 20, not 12.
    const open = await solvePlan(instance([option('C', 100, null), option('N', 0, 'X')], [['X', 12]]));
    expect(changes(open)).toEqual({ N: 20 });
    expect(open.objective).toBeCloseTo(8.2, 6);
    expect(open.binding.map((b) => b.constraint)).toContain('minclass_S_N');
    // X short of 8: opening leaves 12 in surplus (12.2) against 8 short: it stays closed.
    const closed = await solvePlan(instance([option('C', 100, null), option('N', 0, 'X')], [['X', 8]]));
    expect(closed.status).toBe('optimal');
    expect(changes(closed)).toEqual({});
    expect(closed.objective).toBeCloseTo(8, 6);
  });

  it('a budget that binds', async () => {
    // A serves X at 10,000 yuan a seat, B serves Y at 20,000; both short of 100, both may grow by 30.
    // 500,000 yuan: A +30 (300,000) then B +10 (200,000): 70 + 90 short + 0.4 = 160.4. Any other split
    // of the budget buys fewer graduates.
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, 'Y', { cost: 20_000 })],
      [['X', 100], ['Y', 100]], { budget: 500_000 }));
    expect(changes(r)).toEqual({ A: 30, B: 10 });
    expect(r.objective).toBeCloseTo(160.4, 6);
    expect(r.binding.map((b) => b.constraint).sort()).toEqual(['budget', 'change_S_A']);
  });

  it('keeps a locked programme as it is', async () => {
    const r = await solvePlan(instance([option('A', 100, 'X', { locked: true }), option('B', 100, 'X')], [['X', 50]]));
    expect(changes(r)).toEqual({ B: 30 });
  });

  it('leaves a programme whose plan is an estimate as it is, and says so', async () => {
    // A's 100 seats are an estimate (a listed programme without figures): only B may grow (+30).
    const r = await solvePlan(instance([option('A', 100, 'X', { estimated: true }), option('B', 100, 'X')], [['X', 50]]));
    expect(changes(r)).toEqual({ B: 30 });
    expect(r.message_zh).toBe('已求得最优方案；1 个专业点的招生计划为估算，未作调整');
    expect(r.message_en).toBe('optimal plan found; 1 programme with an estimated plan left unchanged');
  });

  it('names the constraints in conflict when no plan satisfies them', async () => {
    // The city must grow by at least 40 seats (20 % of 200) but the only school may move by 20 (10 %).
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]],
      { school_cap: 0.1, city_change_min: 0.2 }));
    expect(r.status).toBe('infeasible');
    expect(r.changes).toEqual([]);
    expect(r.conflict.map((c) => c.constraint).sort()).toEqual(['city_total', 'school_S']);
    expect(r.message_zh).toBe('约束相互矛盾，不存在可行方案。冲突的约束：学校招生总量变动上限 ±20 人（S）；全市招生计划总量变动 +20%～+100%');
    expect(r.message_en).toMatch(/^The constraints contradict each other: no plan satisfies them\. In conflict: .*school intake change within ±20 \(S\)/);
  });

  it('names the per-programme caps when they are what conflicts', async () => {
    // The city must grow by 80 seats (40 % of 200); each programme may grow by 30 at most.
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]], { city_change_min: 0.4 }));
    expect(r.status).toBe('infeasible');
    expect(r.conflict.map((c) => c.constraint).sort()).toEqual(['change_S_A', 'change_S_B', 'city_total']);
  });

  it('rounds the relaxation to a plan that keeps every row, closing openings beyond the duplication cap', async () => {
    // Four schools, each with a programme of 100 seats that may not change (change cap 0), may open N
    // for X, short of 1,000. A school may grow by 30 (30 % of 100), N opens with 20..60 seats, and
    // two schools at most may offer it. The relaxation's optimum opens N at all four with 30 seats,
    // each "half open" (30 ≤ 60 × 0.5, and 4 × 0.5 = 2 keeps the cap): rounded, four openings would
    // break the cap of two, so two close again and two keep their 30 seats.
    const schools = ['S1', 'S2', 'S3', 'S4'];
    const inst = instance(schools.flatMap((s) => [option('A', 100, null, { school_code: s }), option('N', 0, 'X', { school_code: s })]),
      [['X', 1000]], { change_cap: 0, school_cap: 0.3, duplication_cap: 2 });
    const m = buildModel(inst);
    const rounded = roundedRelaxation(await loadHighs(), m, inst, 10);
    expect(rounded).not.toBeNull();
    const { x, bound } = rounded!;
    for (const r of m.rows) {
      const a = [...r.entries].reduce((sum, [j, v]) => sum + v * x[j], 0);
      expect(a, r.name).toBeGreaterThanOrEqual(r.lower - 1e-6);
      expect(a, r.name).toBeLessThanOrEqual(r.upper + 1e-6);
    }
    const seats = m.columns.flatMap((c, j) => (c.role.kind === 'new' && x[j] > 0 ? [x[j]] : []));
    expect(seats).toEqual([30, 30]);
    // The relaxation adds 120 seats: 880 short + 0.01 × 120.
    expect(bound).toBeCloseTo(881.2, 6);
  });

  it('mends a rounded plan until every row holds, when mending the city takes back a school\'s cut', () => {
    // School A (plan 300, within ±30): A1 +30, A2 +20, A3 −20: +30, at its cap. School B (plan 200,
    // within ±20): B1 −20. The city (plan 500) must grow by at least 4 %, 20 seats: +10 now.
    const options = [option('A1', 100, null, { school_code: 'A' }), option('A2', 100, null, { school_code: 'A' }),
      option('A3', 100, null, { school_code: 'A' }), option('B1', 200, null, { school_code: 'B' })];
    const m = buildModel(instance(options, [], { school_cap: 0.1, city_change_min: 0.04 }));
    const x = m.columns.map(() => 0);
    const set = (name: string, value: number) => (x[m.columns.findIndex((c) => c.name === name)] = value);
    set('up_A_A1', 30); set('up_A_A2', 20); set('down_A_A3', 20); set('down_B_B1', 20);
    const broken = (rows: typeof m.rows) => rows.filter((r) => {
      const a = [...r.entries].reduce((n, [j, v]) => n + v * x[j], 0);
      return a < r.lower || a > r.upper;
    }).map((r) => r.name);
    expect(broken(m.rows)).toEqual(['city_total']);
    // Taking back A3's cut for the city pushes school A past its cap; mending A lowers the city again.
    mendSeats(m, x, settings.min_class);
    expect(broken(m.rows)).toEqual([]);
    expect(x.every((v, j) => v >= 0 && v <= m.columns[j].upper)).toBe(true);
  });

  it('says so when time runs out before any plan better than no change or any bound is found', async () => {
    const r = await solvePlan(instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]], { time_limit: 0 }));
    expect(r.status).toBe('time_limit');
    expect(r.changes).toEqual([]);
    expect(r.mip_gap).toBeNull();
    expect(r.message_zh).toBe('达到时间上限，未找到优于现状的方案，也未证得最优界');
    expect(r.message_en).not.toMatch(/NaN/);
  });

  it('solves in a worker thread to the same plan as on this thread', async () => {
    const inst = instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]], { school_cap: 0.1 });
    const { seconds: _a, ...here } = await solvePlan(inst);
    const worker = startPlannerWorker();
    const { seconds: _b, ...there } = await worker.solve(inst).finally(() => worker.close());
    expect(there).toEqual(here);
    expect(there.changes.length).toBeGreaterThan(0);
  });

  it('solves a small instance on baseline WebAssembly code to the same plan, and sets V8’s flag back when closed', async () => {
    const inst = instance([option('A', 100, 'X'), option('B', 100, null)], [['X', 50]], { school_cap: 0.1 });
    const { seconds: _a, ...here } = await solvePlan(inst);
    const flags: string[] = [];
    const setFlags = (f: string) => {
      flags.push(f);
      v8.setFlagsFromString(f);
    };
    const worker = startPlannerWorker({ baseline: true, setFlags });
    expect(flags).toEqual([BASELINE_ONLY]);
    const { seconds: _b, ...there } = await worker.solve(inst).finally(() => worker.close());
    expect(there).toEqual(here);
    expect(flags).toEqual([BASELINE_ONLY, BASELINE_THEN_OPTIMIZED]);
  });
});
