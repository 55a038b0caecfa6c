/**
 * What a school account reads of the shared marts: for every mart file the server serves, the
 * school's cut names no other school, by code or by name, in any text column; a mart nobody has
 * classified is served with no rows; the plan's constraints keep the school's own and the city's.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import { arrowFile } from '../../pipeline/export/arrow-columns.ts';
import { CITY_MARTS, cutMart, HIDDEN_CONFLICT } from '../../pipeline/platform/school-rows.ts';
import { constraintSchool } from '../../pipeline/planner/write-plan.ts';
import { sampleWarehouseDir } from '../support/warehouse.ts';

const martsDir = () => join(sampleWarehouseDir(), 'current/marts');
const martNames = () => readdirSync(martsDir()).filter((f) => f.endsWith('.arrow')).map((f) => f.slice(0, -'.arrow'.length)).sort();
const read = (name: string) => readFileSync(join(martsDir(), `${name}.arrow`));

function schools(): { code: string; name: string }[] {
  const dim = tableFromIPC(read('dim_school'));
  return [...dim].map((r) => ({ code: String(r.school_code), name: String(r.school_name) }));
}

/** Every text value of the table, column by column. */
function* texts(bytes: Uint8Array): Generator<[string, string]> {
  const table = tableFromIPC(bytes);
  for (const field of table.schema.fields) {
    if (!DataType.isUtf8(field.type)) continue;
    const vector = table.getChild(field.name)!;
    for (let i = 0; i < table.numRows; i++) {
      const v = vector.get(i);
      if (v !== null && v !== undefined) yield [field.name, String(v)];
    }
  }
}

describe("a school's cut of the shared marts", () => {
  it('names no other school, by code or name, in any text column of any mart', () => {
    const all = schools();
    expect(all.length).toBeGreaterThan(10);
    // Three schools: the cut of each is checked against every other school.
    for (const own of [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]]) {
      const others = all.filter((s) => s.code !== own.code && !own.name.includes(s.name));
      const leaks: string[] = [];
      for (const name of martNames()) {
        const cut = cutMart(name, read(name), new Set([own.code]));
        let found = 0;
        let example = '';
        for (const [column, text] of texts(cut)) {
          const other = others.find((s) => text.includes(s.code) || text.includes(s.name));
          if (!other) continue;
          found++;
          example ||= `${column}: ${text.slice(0, 100)}`;
        }
        if (found) leaks.push(`${name}: ${found} values, e.g. ${example}`);
      }
      expect(leaks, own.code).toEqual([]);
    }
  });

  it('classifies every mart: cut by its school_code, or declared to hold no school', () => {
    const unclassified = martNames().filter((name) => !tableFromIPC(read(name)).getChild('school_code') && !CITY_MARTS.has(name));
    expect(unclassified).toEqual([]);
  });

  it('serves a mart without school_code that is not declared city-wide with no rows', () => {
    const bytes = arrowFile([{ name: 'label_zh', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }], [['某校 × 护理', '另一校'], [1, 2]]);
    const cut = tableFromIPC(cutMart('mart_new_thing', bytes, new Set(['9500000001'])));
    expect(cut.numRows).toBe(0);
    expect(cut.schema.fields.map((f) => f.name)).toEqual(['label_zh', 'n']);
    expect(tableFromIPC(cutMart('mart_industry', bytes, new Set(['9500000001']))).numRows).toBe(2);
  });

  it("keeps the plan's city-wide constraints and the school's own, and no other school's", () => {
    const all = tableFromIPC(read('mart_plan_constraints'));
    const codes = all.getChild('school_code');
    expect(codes).toBeTruthy();
    const rows = [...all].map((r) => ({ code: r.school_code as string | null, constraint: String(r.constraint) }));
    const own = rows.find((r) => r.code !== null)!.code!;
    const cut = [...tableFromIPC(cutMart('mart_plan_constraints', read('mart_plan_constraints'), new Set([own])))]
      .map((r) => ({ code: r.school_code as string | null, constraint: String(r.constraint) }));
    expect(cut).toEqual(rows.filter((r) => r.code === null || r.code === own));
    expect(cut.some((r) => r.code === null)).toBe(true);
    expect(rows.length).toBeGreaterThan(cut.length);
  });

  it("hides an infeasible plan's conflicts, which name other schools, from a school", () => {
    const bytes = arrowFile(
      [{ name: 'status', type: 'VARCHAR' }, { name: 'message_zh', type: 'VARCHAR' }, { name: 'message_en', type: 'VARCHAR' }],
      [['infeasible'], ['约束相互矛盾，不存在可行方案。冲突的约束：学校招生总量变动上限 ±10 人（某校 9500000002）'], ['In conflict: school 9500000002']]);
    const [row] = [...tableFromIPC(cutMart('mart_plan_status', bytes, new Set(['9500000001'])))];
    expect([row.status, row.message_zh, row.message_en]).toEqual(['infeasible', HIDDEN_CONFLICT.zh, HIDDEN_CONFLICT.en]);
  });
});

describe('constraintSchool', () => {
  it("names the school of a school's or a programme's constraint and none of the city's", () => {
    expect(constraintSchool('school_9501634972')).toBe('9501634972');
    for (const prefix of ['minclass', 'newmax', 'lock', 'estimated', 'beyond', 'change', 'new']) {
      expect(constraintSchool(`${prefix}_9501634972_700207`)).toBe('9501634972');
    }
    for (const city of ['city_total', 'budget', 'gap_ai_2029', 'dup_700207']) expect(constraintSchool(city)).toBeNull();
    expect(() => constraintSchool('quota_9501634972')).toThrow(/neither a school's nor the city's/);
  });
});
