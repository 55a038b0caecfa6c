import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsWith, load, removeInputs } from './helpers.ts';

afterAll(removeInputs);

const HEADER = 'year,school_code,major_code,plan,enrolled,students,graduates,employment_rate,status';
const lines = (header: string, n: number, row: (i: number) => string) => [header, ...Array.from({ length: n }, (_, i) => row(i))].join('\n');

/** A synthetic input set of sample size: 1,000 majors × 300 schools, 25,200 programme and 30,000 demand rows. */
async function sampleSizedInputs(): Promise<string> {
  const dir = await inputsWith();
  const major = (i: number) => String(460000 + i);
  const school = (i: number) => String(5001000000 + i);
  const district = (i: number) => String(500100 + i);
  const files = {
    'districts.csv': lines('district_code,district_name,area_group', 50, (i) => `${district(i)},区县${i},片区`),
    'majors.csv': lines(
      'major_code,major_name,level,division_code,division_name,category_code,category_name,duration_years,digital,cost_tier,valid_from,valid_to',
      1000,
      (i) => `${major(i)},专业${i},higher,46,装备制造大类,4606,航空装备类,3,true,2,2021,`,
    ),
    'crosswalk.csv': lines('major_code,industry_code,segment_code,weight', 1000, (i) => `${major(i)},ai,software,0.5`),
    'schools.csv': lines('school_code,school_name,level,district_code,ownership', 300, (i) => `${school(i)},学校${i},higher,${district(i % 50)},public`),
    // 7 years × 3,600 distinct (school, major) pairs.
    // Coded in 2021 codes in every year, as mapping.json declares.
    'mapping.json': JSON.stringify({ catalogue: { current_from: 2019 } }),
    'programmes.csv': lines(HEADER, 25_200, (i) => `${2019 + (i % 7)},${school(Math.floor(i / 7) % 300)},${major(Math.floor(i / 2100))},100,90,270,80,0.9,active`),
    // 100 years × 50 districts × 2 industries × 3 levels.
    'demand.csv': lines('year,district_code,industry_code,level,openings,seekers', 30_000, (i) =>
      `${2000 + Math.floor(i / 300)},${district(Math.floor(i / 6) % 50)},${['ai', 'low_altitude'][Math.floor(i / 3) % 2]},${['secondary', 'higher', 'bachelor'][i % 3]},120,60`),
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

// Speed is measured by `npm run bench`, not asserted here: timings on a shared machine are evidence, not pass/fail.
describe('load volume', () => {
  it('loads every row of a sample-sized input set', async () => {
    const dir = await sampleSizedInputs();
    const { report } = await load(dir, 0);
    expect(report.inputs.map((i) => [i.table, i.rows])).toEqual([
      ['districts', 50], ['majors', 1000], ['industries', 2], ['industry_segments', 3],
      ['crosswalk', 1000], ['crosswalk_defaults', 3], ['schools', 300], ['programmes', 25_200], ['demand', 30_000],
    ]);
  });
});
