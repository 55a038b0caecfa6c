// Checks the hand-maintained reference tables in data/reference/ against their schemas and
// against the rules docs/crosswalk.md states (weights, materials/aviation-only industries, thin segments).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readReference } from '../../pipeline/sample/reference.ts';

type Row = Record<string, string>;

const root = new URL('../../', import.meta.url);
const rawText = (table: string) => readFileSync(new URL(`data/reference/${table}.csv`, root), 'utf8');
const read = (table: string): Row[] => parse(rawText(table), { columns: true });
type Field = { name: string; type: string; constraints?: { required?: boolean; pattern?: string; enum?: string[]; minimum?: number; maximum?: number } };
const schemaOf = (table: string): Field[] => JSON.parse(readFileSync(new URL(`schemas/${table}.json`, root), 'utf8')).fields;
const schemaFields = (table: string) => schemaOf(table).map((f) => f.name);
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce((acc, item) => acc.set(key(item), (acc.get(key(item)) ?? 0) + 1), new Map<string, number>());

const tables = ['districts', 'former_districts', 'majors', 'legacy_majors', 'industries', 'industry_segments', 'crosswalk', 'crosswalk_defaults'];
const districts = read('districts');
const majors = read('majors');
const industries = read('industries');
const segments = read('industry_segments');
const crosswalk = read('crosswalk');
const defaults = read('crosswalk_defaults');
// Each major's own rows, else its 专业类's defaults: the crosswalk the warehouse and the sample use.
const resolved = readReference(fileURLToPath(new URL('data/reference', root))).crosswalk.map((r) => ({ ...r, weight: r.weight.toFixed(2) }));
const majorByCode = new Map(majors.map((m) => [m.major_code, m]));
const keyIndustries = industries.filter((i) => i.key === 'true').map((i) => i.industry_code);
const segmentKey = (r: Row) => `${r.industry_code}.${r.segment_code}`;

describe('file format', () => {
  it.each(tables)('%s has the schema columns in order, UTF-8 without BOM, LF line ends', (table) => {
    const text = rawText(table);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).not.toContain('\r');
    expect(text.split('\n')[0].split(',')).toEqual(schemaFields(table));
  });

  it.each(tables)('%s satisfies every required/pattern/enum/range constraint of its schema', (table) => {
    const rows = read(table);
    for (const f of schemaOf(table)) {
      const c = f.constraints ?? {};
      for (const [i, row] of rows.entries()) {
        const where = `${table} row ${i + 2} ${f.name}=${row[f.name]}`;
        if (c.required) expect(row[f.name], where).not.toBe('');
        if (row[f.name] === '') continue;
        if (c.pattern) expect(row[f.name], where).toMatch(new RegExp(c.pattern));
        if (c.enum) expect(c.enum, where).toContain(row[f.name]);
        if (f.type === 'boolean') expect(['true', 'false'], where).toContain(row[f.name]);
        if (c.minimum !== undefined) expect(Number(row[f.name]), where).toBeGreaterThanOrEqual(c.minimum);
        if (c.maximum !== undefined) expect(Number(row[f.name]), where).toBeLessThanOrEqual(c.maximum);
      }
    }
  });
});

describe('districts', () => {
  it('lists the 38 districts and counties of Chongqing once each', () => {
    expect(districts).toHaveLength(38);
    expect(new Set(districts.map((d) => d.district_code)).size).toBe(38);
    for (const d of districts) expect(d.district_code).toMatch(/^50(01[0-5]\d|02[2-4]\d)$/);
  });

  it('splits into the four planning area groups 9 + 12 + 11 + 6', () => {
    expect(Object.fromEntries(countBy(districts, (d) => d.area_group))).toEqual({
      主城都市区中心城区: 9,
      主城都市区新城: 12,
      渝东北三峡库区城镇群: 11,
      渝东南武陵山区城镇群: 6,
    });
    const byCode = new Map(districts.map((d) => [d.district_code, d]));
    expect(byCode.get('500103')).toMatchObject({ district_name: '渝中区', area_group: '主城都市区中心城区' });
    expect(byCode.get('500243')).toMatchObject({ district_name: '彭水苗族土家族自治县', area_group: '渝东南武陵山区城镇群' });
  });

  it('reads each former district as one district of today: codes and names unique, no former name still in use, a former code in use only under a new name', () => {
    const former = read('former_districts');
    const byCode = new Map(districts.map((d) => [d.district_code, d.district_name]));
    expect(new Set(former.map((f) => f.former_code)).size).toBe(former.length);
    expect(new Set(former.map((f) => f.former_name)).size).toBe(former.length);
    for (const f of former) {
      const where = `${f.former_code} ${f.former_name}`;
      expect(byCode.has(f.district_code), where).toBe(true);
      expect([...byCode.values()], where).not.toContain(f.former_name);
      if (byCode.has(f.former_code)) expect(f.former_code, where).toBe(f.district_code);
    }
  });
});

describe('majors', () => {
  const levelOf: Record<string, string> = { '2': 'bachelor', '3': 'bachelor', '4': 'higher', '5': 'higher', '6': 'secondary', '7': 'secondary' };
  const yearsOf: Record<string, string> = { bachelor: '4', higher: '3', secondary: '3' };

  it('has unique 6-digit codes (K as published) whose prefixes give division, category and level', () => {
    expect(new Set(majors.map((m) => m.major_code)).size).toBe(majors.length);
    for (const m of majors) {
      expect(m.major_code).toMatch(/^[2-7]\d{5}K?$/);
      expect(m.division_code).toBe(m.major_code.slice(0, 2));
      expect(m.category_code).toBe(m.major_code.slice(0, 4));
      expect(m.level).toBe(levelOf[m.major_code[0]]);
      expect(m.duration_years).toBe(yearsOf[m.level]);
    }
  });

  it('names each division and category one way, the same at every level', () => {
    // The catalogue numbers divisions 21-39 / 41-59 / 61-79 in parallel: 2304, 4304 and 6304 are all 黑色金属材料类.
    const levelFree = (code: string) => String(Number(code[0]) % 2) + code.slice(1);
    const names = new Map<string, Set<string>>();
    for (const m of majors) {
      for (const [code, name] of [[m.division_code, m.division_name], [m.category_code, m.category_name]]) {
        const key = levelFree(code);
        names.set(key, (names.get(key) ?? new Set()).add(name));
      }
    }
    for (const [code, set] of names) expect([...set], `names for ${code}`).toHaveLength(1);
  });

  // The official counts of 《职业教育专业目录（2021年）》; SOURCES.md records where each row comes from.
  const catalogue2021 = majors.filter((m) => m.valid_from === '2021');

  it('holds every major of the 2021 catalogue: 358 中职, 744 高职专科, 247 职业本科 in 19 大类 per level', () => {
    expect(Object.fromEntries(countBy(catalogue2021, (m) => m.level))).toEqual({ secondary: 358, higher: 744, bachelor: 247 });
    for (const level of ['secondary', 'higher', 'bachelor']) {
      expect(new Set(catalogue2021.filter((m) => m.level === level).map((m) => m.division_code)).size, level).toBe(19);
    }
    expect(new Set(catalogue2021.map((m) => m.category_code)).size).toBe(88 + 97 + 90);
  });

  it('numbers the 2021 majors of each 专业类 01, 02, … without gaps', () => {
    const serials = new Map<string, number[]>();
    for (const m of catalogue2021) serials.set(m.category_code, [...(serials.get(m.category_code) ?? []), Number(m.major_code.slice(4, 6))]);
    for (const [category, list] of serials) expect(list.sort((a, b) => a - b), category).toEqual(list.map((_, i) => i + 1));
  });

  it('keeps the 国家控制专业 codes with their K suffix, never as bare digits', () => {
    const byCode = new Map(majors.map((m) => [m.major_code, m.major_name]));
    expect(byCode.get('520101K')).toBe('临床医学');
    expect(byCode.get('570102K')).toBe('学前教育');
    expect(byCode.get('580101K')).toBe('治安管理');
    for (const m of majors.filter((x) => x.major_code.endsWith('K'))) expect(byCode.has(m.major_code.slice(0, 6)), m.major_code).toBe(false);
  });

  it('adds the later additions from the first intake a source shows them in, numbered after the 2021 majors of their 专业类', () => {
    const later = majors.filter((m) => m.valid_from !== '2021');
    // The 2026 list (first intake 2027), the 2025 list at all three levels (first intake 2026) and the
    // other additions in the catalogue as updated to 2026-07, in force by the 2026 intake.
    expect(Object.fromEntries(countBy(later, (m) => `${m.level} ${m.valid_from}`)))
      .toEqual({ 'higher 2027': 9, 'higher 2026': 58, 'bachelor 2026': 17, 'secondary 2026': 2 });
    const start = new Map(later.map((m) => [m.major_code, m.valid_from]));
    expect([start.get('510313'), start.get('510217'), start.get('460207'), start.get('260204'), start.get('710214')]).toEqual(['2027', '2026', '2026', '2026', '2026']);
    for (const m of later) {
      const last2021 = Math.max(...catalogue2021.filter((c) => c.category_code === m.category_code).map((c) => Number(c.major_code.slice(4, 6))));
      expect(Number(m.major_code.slice(4, 6)), m.major_code).toBeGreaterThan(last2021);
    }
  });

  it('gives each major a start year and, only when withdrawn, an end year not before it', () => {
    for (const m of majors) {
      expect(Number(m.valid_from), m.major_code).toBeGreaterThanOrEqual(2021);
      if (m.valid_to !== '') expect(Number(m.valid_to), m.major_code).toBeGreaterThanOrEqual(Number(m.valid_from));
    }
  });
});

describe('legacy_majors', () => {
  const legacy = read('legacy_majors');
  const digits = (code: string) => code.slice(0, 6);

  // The published totals of the 2015 高职专科 catalogue, and its majors per 大类 as SOURCES.md tabulates them from the PDF.
  it('holds the 748 majors of the 2015 高职专科 catalogue in 99 专业类 and 19 大类 (51–69), each code once, in force from 2015', () => {
    expect(legacy).toHaveLength(748);
    for (const m of legacy) expect([m.catalogue, m.level, m.valid_from, m.valid_to], m.major_code).toEqual(['higher-2015', 'higher', '2015', '']);
    expect(new Set(legacy.map((m) => digits(m.major_code))).size).toBe(748);
    expect(new Set(legacy.map((m) => m.major_name)).size).toBe(748);
    expect(new Set(legacy.map((m) => m.major_code.slice(0, 4))).size).toBe(99);
    expect(Object.fromEntries(countBy(legacy, (m) => m.major_code.slice(0, 2)))).toEqual({
      51: 51, 52: 66, 53: 49, 54: 32, 55: 16, 56: 65, 57: 17, 58: 32, 59: 18, 60: 66,
      61: 40, 62: 46, 63: 47, 64: 12, 65: 58, 66: 23, 67: 49, 68: 42, 69: 19,
    });
  });

  it('numbers the majors of each 专业类 01, 02, … without gaps: the base list, no later additions', () => {
    const serials = new Map<string, number[]>();
    for (const m of legacy) serials.set(m.major_code.slice(0, 4), [...(serials.get(m.major_code.slice(0, 4)) ?? []), Number(m.major_code.slice(4, 6))]);
    for (const [category, list] of serials) expect(list.sort((a, b) => a - b), category).toEqual(list.map((_, i) => i + 1));
    expect(legacy.find((m) => m.major_code === '610214')?.major_name).toBe('电子商务技术');
    expect(legacy.some((m) => digits(m.major_code) === '610215')).toBe(false);
  });

  it('keeps the 65 国家控制专业 codes with their K suffix, where the catalogue prints it', () => {
    const k = legacy.filter((m) => m.major_code.endsWith('K'));
    expect(Object.fromEntries(countBy(k, (m) => m.major_code.slice(0, 4)))).toEqual({ 6201: 10, 6206: 1, 6701: 21, 6801: 12, 6802: 7, 6803: 2, 6804: 4, 6806: 3, 6807: 5 });
    const byCode = new Map(legacy.map((m) => [m.major_code, m.major_name]));
    expect([byCode.get('620101K'), byCode.get('620601K'), byCode.get('670102K')]).toEqual(['临床医学', '预防医学', '学前教育']);
    expect([byCode.get('630302'), byCode.get('620201'), byCode.get('610205')]).toEqual(['会计', '护理', '软件技术']);
  });
});

describe('industries and segments', () => {
  it('has exactly the ten key industries and three or four non-key ones', () => {
    expect(keyIndustries.sort()).toEqual(
      ['advanced_materials', 'ai', 'auto_nev', 'biomedicine', 'electronics', 'food', 'low_altitude', 'new_energy', 'smart_manufacturing', 'software'],
    );
    const nonKey = industries.length - keyIndustries.length;
    expect(nonKey).toBeGreaterThanOrEqual(3);
    expect(nonKey).toBeLessThanOrEqual(4);
  });

  it('gives every key industry 3 to 6 segments with unique codes', () => {
    expect(new Set(segments.map(segmentKey)).size).toBe(segments.length);
    const perIndustry = countBy(segments, (s) => s.industry_code);
    for (const code of keyIndustries) {
      expect(perIndustry.get(code)).toBeGreaterThanOrEqual(3);
      expect(perIndustry.get(code)).toBeLessThanOrEqual(6);
    }
    const known = new Set(industries.map((i) => i.industry_code));
    for (const s of segments) expect(known.has(s.industry_code)).toBe(true);
  });
});

describe('crosswalk', () => {
  const cents = (w: string) => Math.round(Number(w) * 100);

  it('references existing majors and segments with two-decimal weights in 0.01..1', () => {
    const segmentKeys = new Set(segments.map(segmentKey));
    for (const r of crosswalk) {
      expect(majorByCode.has(r.major_code)).toBe(true);
      expect(segmentKeys.has(segmentKey(r))).toBe(true);
      expect(r.weight).toMatch(/^(0\.\d\d|1\.00)$/);
      expect(cents(r.weight)).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(crosswalk.map((r) => `${r.major_code}.${segmentKey(r)}`)).size).toBe(crosswalk.length);
  });

  it('counts a graduate at most once: weights per major sum to at most 1', () => {
    const sums = new Map<string, number>();
    for (const r of crosswalk) sums.set(r.major_code, (sums.get(r.major_code) ?? 0) + cents(r.weight));
    const over = [...sums].filter(([, total]) => total > 100);
    expect(over).toEqual([]);
  });

  it('lets only materials majors serve advanced_materials and only drone/aviation majors serve low_altitude', () => {
    // Materials: 黑色/有色/非金属材料类 (x304-x306) or a major named for materials or polymers.
    const isMaterials = (m: Row) => /^[246]30[456]$/.test(m.category_code) || /材料|高分子/.test(m.major_name);
    // Aviation: 航空装备类 (x606) and 航空运输类 (x004), plus drone and low-altitude majors filed
    // elsewhere (无人机测绘技术, 低空智联网技术).
    const isAviation = (m: Row) => /^(2606|4606|6606|3004|5004|7004)$/.test(m.category_code) || /无人机|低空/.test(m.major_name);
    const servedBy = (industry: string) => resolved.filter((r) => r.industry_code === industry).map((r) => majorByCode.get(r.major_code)!);
    for (const m of servedBy('advanced_materials')) expect(isMaterials(m), m.major_name).toBe(true);
    for (const m of servedBy('low_altitude')) expect(isAviation(m), m.major_name).toBe(true);
    expect(servedBy('low_altitude').map((m) => m.major_code)).toContain('460609');
  });

  it('reaches every key-industry segment except the documented thin ones: two until 2025, one from the 2026 intake', () => {
    const unreached = (year: number) => {
      const reached = new Set(resolved.filter((r) => Number(majorByCode.get(r.major_code)!.valid_from) <= year).map(segmentKey));
      return segments.filter((s) => keyIndustries.includes(s.industry_code) && !reached.has(segmentKey(s))).map(segmentKey).sort();
    };
    expect(unreached(2025)).toEqual(['biomedicine.rnd_clinical', 'low_altitude.infrastructure']);
    expect(unreached(2026)).toEqual(['biomedicine.rnd_clinical']);
  });

  it('gives every major a crosswalk: rows of its own, or its 专业类 default (weights or one serves-none row)', () => {
    const own = new Set(crosswalk.map((r) => r.major_code));
    const byCategory = new Map<string, Row[]>();
    for (const d of defaults) byCategory.set(d.category_code, [...(byCategory.get(d.category_code) ?? []), d]);
    for (const m of majors) if (!own.has(m.major_code)) expect(byCategory.has(m.category_code), `${m.major_code} ${m.category_code}`).toBe(true);
    for (const [category, rows] of byCategory) {
      const none = rows.filter((r) => r.industry_code === '');
      if (none.length) expect(rows, `${category} serves none, so it has that one row only`).toEqual([{ category_code: category, industry_code: '', segment_code: '', weight: '0.00' }]);
    }
  });

  it('keeps default weights in two decimals, each 专业类 at most 1 in total, on known segments', () => {
    const segmentKeys = new Set(segments.map(segmentKey));
    const totals = new Map<string, number>();
    for (const d of defaults.filter((r) => r.industry_code !== '')) {
      expect(segmentKeys.has(segmentKey(d)), segmentKey(d)).toBe(true);
      expect(d.weight).toMatch(/^(0\.\d\d|1\.00)$/);
      expect(cents(d.weight)).toBeGreaterThanOrEqual(1);
      totals.set(d.category_code, (totals.get(d.category_code) ?? 0) + cents(d.weight));
    }
    expect([...totals].filter(([, total]) => total > 100)).toEqual([]);
  });

  it('resolves a major to its own rows where it has any and to its 专业类 default otherwise', () => {
    const rowsOf = (code: string) => resolved.filter((r) => r.major_code === code).map((r) => `${segmentKey(r)} ${r.weight}`).sort();
    // 460609 无人机应用技术 keeps its own low-altitude rows, not the 航空装备类 default.
    expect(rowsOf('460609')).toEqual(crosswalk.filter((r) => r.major_code === '460609').map((r) => `${segmentKey(r)} ${r.weight}`).sort());
    // 520101K 临床医学 has no row of its own: it takes the 临床医学类 default.
    expect(rowsOf('520101K')).toEqual(defaults.filter((d) => d.category_code === '5201').map((d) => `${segmentKey(d)} ${d.weight}`).sort());
    // 570102K 学前教育: 教育类 serves none.
    expect(rowsOf('570102K')).toEqual([]);
  });
});
