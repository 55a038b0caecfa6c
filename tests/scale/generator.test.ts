/**
 * The scaled generator at a small size: reproducible byte for byte, exactly the sizes it is
 * asked for, and skewed the way docs/scaling.md says (schools follow population, colleges
 * cluster in core counties, a few large schools and popular majors, quiet weekends).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaled, type ScaledFigures } from '../../pipeline/sample/scale/generate-scaled.ts';
import { PROVINCES } from '../../pipeline/config/provinces.ts';
import { FIXTURE } from './fixture-size.ts';

const REFERENCE = fileURLToPath(new URL('../../data/reference', import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function generate(seed: number): { dir: string; figures: ScaledFigures } {
  const dir = mkdtempSync(join(tmpdir(), 'scaled-'));
  made.push(dir);
  return { dir, figures: generateScaled({ seed, outDir: dir, referenceDir: REFERENCE, size: FIXTURE }, { log() {} }) };
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.')).sort();
const rows = (dir: string, file: string) =>
  parse(readFileSync(join(dir, file)), { columns: true }) as Record<string, string>[];
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce((m, item) => m.set(key(item), (m.get(key(item)) ?? 0) + 1), new Map<string, number>());

describe('scaled generator', () => {
  let first: { dir: string; figures: ScaledFigures };
  let schools: Record<string, string>[];
  beforeAll(() => {
    first = generate(7);
    schools = rows(first.dir, 'schools.csv');
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const second = generate(7);
    expect(files(second.dir)).toEqual(files(first.dir));
    for (const file of files(first.dir)) {
      expect(readFileSync(join(second.dir, file)).equals(readFileSync(join(first.dir, file))), file).toBe(true);
    }
    const other = generate(8);
    expect(readFileSync(join(other.dir, 'programmes.csv')).equals(readFileSync(join(first.dir, 'programmes.csv')))).toBe(false);
  });

  it('writes every county of its provinces with synthetic codes and names', () => {
    const districts = rows(first.dir, 'districts.csv');
    // 122 counties of 广东 + 22 of 宁夏, as provinces.ts lists them.
    expect(districts).toHaveLength(144);
    expect(districts.every((d) => /^(44|64)8\d{3}$/.test(d.district_code) && d.district_name.includes('合成'))).toBe(true);
  });

  it('has exactly the schools, active points and postings asked for', () => {
    expect(countBy(schools, (s) => s.level)).toEqual(new Map([['secondary', 240], ['higher', 50], ['bachelor', 4]]));
    expect(first.figures.active_points).toBe(4_200);
    const days = readdirSync(join(first.dir, 'postings'));
    expect(days).toHaveLength(365);
    expect(first.figures.postings.rows).toBe(20_000);
    const postings = days.flatMap((day) => rows(first.dir, join('postings', day)));
    expect(postings).toHaveLength(20_000);
    // Re-sent rows repeat an earlier posting_id; every other id is new.
    expect(new Set(postings.map((p) => p.posting_id)).size).toBe(20_000 - first.figures.postings.reposts);
    // POSTING_PROFILE.resendShare 0.04 of 20,000 is 800 expected; binomial sd ≈ 28.
    expect(first.figures.postings.reposts).toBeGreaterThan(650);
    expect(first.figures.postings.reposts).toBeLessThan(950);
  });

  it('puts schools where the people are and colleges in the core counties', () => {
    const byProvince = countBy(schools, (s) => s.district_code.slice(0, 2));
    const population = (code: string) => PROVINCES.find((p) => p.code === code)!.population;
    // 127.1 M against 7.3 M people: 17× as many schools expected, jittered by ±30 % at most.
    const ratio = byProvince.get('44')! / byProvince.get('64')!;
    expect(ratio).toBeGreaterThan((population('44') / population('64')) * 0.6);
    // The core county (rank 1, code 448001) draws colleges much harder than secondary schools.
    const coreShare = (level: string) => {
      const at = schools.filter((s) => s.level === level && s.district_code.startsWith('44'));
      return at.filter((s) => s.district_code === '448001').length / at.length;
    };
    expect(coreShare('higher')).toBeGreaterThan(2 * coreShare('secondary'));
  });

  it('has a few large schools and a few majors offered almost everywhere', () => {
    const programmes = rows(first.dir, 'programmes.csv').filter((p) => p.year === '2025' && p.status === 'active');
    const points = [...countBy(programmes, (p) => p.school_code).values()].sort((a, b) => b - a);
    const top10 = points.slice(0, Math.ceil(points.length / 10)).reduce((a, b) => a + b, 0);
    // Ten percent of the schools (mostly colleges) hold about 30 % of the points (31 % at national size).
    expect(top10 / 4_200).toBeGreaterThan(0.25);
    const offered = [...countBy(programmes, (p) => p.major_code).values()].sort((a, b) => b - a);
    expect(offered[0]).toBeGreaterThan(5 * offered[Math.floor(offered.length / 2)]);
  });

  it('posts fewer jobs at weekends', () => {
    const volume = (date: string) => rows(first.dir, join('postings', `${date}.csv`)).length;
    // 2025-03-05 is a Wednesday, 2025-03-09 the Sunday after: weekday weight 1 against 0.3 (posting-profile.ts).
    expect(volume('2025-03-09')).toBeLessThan(volume('2025-03-05') / 2);
  });
});
