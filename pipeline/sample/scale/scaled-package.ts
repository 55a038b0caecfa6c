/**
 * Data Package descriptor and README of a scaled sample. Both say plainly that everything in the
 * folder is invented, the counties included; only province codes and names, catalogue majors
 * and industries are real. The refresh labels its outputs from `x-data-label` and `x-synthetic`.
 */
import { readSchema } from '../../config/schema.ts';
import type { ScaleSize } from './scale-sizes.ts';

const TABLES = ['districts', 'schools', 'programmes', 'demand'] as const;

export function scaledDescriptor(seed: number, size: ScaleSize): Record<string, unknown> {
  const { first, last } = size.years;
  return {
    name: `chanjiao-synthetic-${size.name}`,
    title: `合成${size.name === 'national' ? '全国' : '省级'}规模数据（虚构）/ Synthetic ${size.name}-scale data (invented)`,
    description:
      `合成数据，非真实统计：区县（代码 PP8NNN、名称“合成区县”）、学校、专业点、需求与招聘岗位均为程序生成，` +
      `仅省级代码与名称、专业目录与产业为真实名称。年份 ${first}–${last}，招聘岗位为 ${last} 年逐日文件。` +
      ` Synthetic data, not official statistics: counties (codes PP8NNN, names "合成区县"), schools, programme points, ` +
      `demand and job postings are generated; only province codes and names, catalogue majors and industries are real. ` +
      `Years ${first}–${last}; job postings are daily files of ${last}.`,
    'x-data-label': `synthetic-${size.name}`,
    'x-synthetic': true,
    'x-generator': { seed, scale: size.name },
    resources: [
      ...TABLES.map((name) => ({ name, path: `${name}.csv`, format: 'csv', encoding: 'utf-8', schema: `schemas/${name}.json` })),
      { name: 'postings', path: `postings/${last}-*.csv`, format: 'csv', encoding: 'utf-8', schema: 'schemas/postings.json' },
    ].map((resource) => ({ ...resource, title: readSchema(resource.name).title })),
  };
}

export function scaledReadme(seed: number, size: ScaleSize): string {
  return `# 合成${size.name === 'national' ? '全国' : '省级'}规模数据 / Synthetic ${size.name}-scale data

**这些数据全部是虚构的**，用于在${size.name === 'national' ? '全国' : '省级'}规模下测量流水线的速度与内存，不是任何真实统计。
区县代码（PP8NNN，真实区县代码不使用该段）与名称（“…合成区县NNN”）、学校名称与标识码（以 95 开头）、
专业点、毕业生、岗位需求与每日招聘岗位均由程序生成；只有省级行政区代码与名称、专业目录和产业名称是真实的。

**Everything here is invented**, made to measure the pipeline at ${size.name} size; none of it is a statistic.
Counties (codes PP8NNN, a block real county codes do not use; names "…合成区县NNN"), schools (codes starting
with 95), programme points, graduates, demand and the daily job postings are generated. Only province codes and
names, catalogue majors and industries are real.

Files: \`districts.csv\`, \`schools.csv\`, \`programmes.csv\`, \`demand.csv\`, \`postings/YYYY-MM-DD.csv\`
(columns as in schemas/), \`datapackage.json\`. Sizes and skew: docs/scaling.md.
Regenerate byte for byte: \`npx tsx pipeline/sample/generate-sample.ts --scale ${size.name} --seed ${seed} --out DIR\`.
`;
}
