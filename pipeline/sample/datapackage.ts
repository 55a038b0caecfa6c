/**
 * The sample's Data Package descriptor and README. Both say plainly that the data are
 * synthetic; the refresh reads the data label ("sample") from the descriptor.
 */
import { readSchema } from '../config/schema.ts';
import type { SampleSize } from './sizes.ts';

/** Tables the generator writes (the reference tables stay in data/reference). */
export const SAMPLE_TABLES = ['schools', 'programmes', 'demand'] as const;

/** Frictionless Data Package descriptor of a generated sample. */
export function sampleDescriptor(seed: number, size: SampleSize): Record<string, unknown> {
  const { first, last } = size.years;
  return {
    name: `chanjiao-sample-${size.name}`,
    title: `合成样例数据（虚构，仿重庆）/ Synthetic sample data (invented, Chongqing-like)`,
    description:
      `合成数据，非真实统计：学校名称、学校标识码、专业点、需求数字与招聘岗位（postings/ 每日一个文件）均为程序生成，` +
      `仅区县、专业目录与产业为真实名称。年份 ${first}–${last}。` +
      ` Synthetic data, not official statistics: school names, school codes, programme points, demand figures and ` +
      `job postings (postings/, one file a day of ${last}) are generated; only districts, catalogue majors and ` +
      `industries are real names. Years ${first}–${last}.`,
    'x-data-label': 'sample',
    'x-synthetic': true,
    'x-generator': { seed, scale: size.name },
    resources: SAMPLE_TABLES.map((name) => {
      const { $schema: _, ...schema } = readSchema(name) as unknown as Record<string, unknown>;
      return { name, path: `${name}.csv`, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', schema };
    }),
  };
}

/** The folder's README: what the files are, that they are invented, and how to regenerate them. */
export function sampleReadme(seed: number, size: SampleSize): string {
  return `# 合成样例数据 / Synthetic sample

**这些数据是虚构的。** 学校名称与学校标识码（以 95 开头）、用人单位均为编造，专业点、在校生、毕业生、岗位需求、求职人数与招聘岗位均由程序生成；
只有区县、专业目录和产业名称取自真实参考表（data/reference）。数据按公开数字校准（专业点 3300 余个、匹配度 89%、
先进材料 3 所、低空经济 4 所、年毕业生约 30 万、人工智能与智能制造求人倍率 > 1.5），但不是任何真实统计。

**These data are synthetic.** School names and codes (starting with 95) and employers are invented;
programme points, students, graduates, openings, seekers and job postings are generated. Only districts,
catalogue majors and industries come from the real reference tables in data/reference. The figures are
calibrated to the public numbers above for ${size.years.last}, but they are not statistics of any real school or city.

Files: \`schools.csv\`, \`programmes.csv\`, \`demand.csv\` (columns as in schemas/), \`datapackage.json\`, and
\`postings/YYYY-MM-DD.csv\`: a year (${size.years.last}) of daily job postings whose vocational headcounts add
up, once re-sent postings are counted once, to that year's openings in demand.csv; some titles are generic or
new on purpose, so that a share of postings stays unclassified, and some read as real postings do: cross-cutting
titles (IT, warehouse) that take the employer's industry, and campaign text around the title (急招…（包吃住）).
Regenerate byte for byte: \`npx tsx pipeline/sample/generate-sample.ts --seed ${seed}\` (scale ${size.name}).

\`plan_proposals.csv\` (also synthetic) is the enrolment plan the planner proposes for ${size.years.last} from these files
without that year, so that the loop tracking of the proposed plan has something to compare; remake it after
the files above with \`npx tsx pipeline/sample/plan-proposals.ts\`.
`;
}

/**
 * The generated data's mapping.json: every year is coded in the 2021 catalogue, also those before
 * 2021, so its rows are not read in the legacy catalogues (load/catalogue-versions.ts).
 */
export function sampleMapping(firstYear: number): string {
  return JSON.stringify({
    $comment: '合成数据各年均按 2021 年专业目录编码 — generated data: every year coded in the 2021 catalogue',
    catalogue: { current_from: firstYear },
  }, null, 2) + '\n';
}
