/**
 * CLI: writes the synthetic sample (default data/sample) from the reference tables.
 *   npx tsx pipeline/sample/generate-sample.ts [--seed N] [--out DIR] [--reference DIR] [--scale NAME]
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateSample } from './generate.ts';
import { summarizeCalibration } from './calibration-summary.ts';
import { DEFAULT_SEED, SIZES } from './sizes.ts';
import { SCALES } from './scale/scale-sizes.ts';
import { generateScaled } from './scale/generate-scaled.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const HELP = `用法 Usage: npm run sample -- [options]

生成合成示例数据（虚构，仿重庆）：学校、专业点、产业需求、每日招聘岗位及其说明文件。
Writes the synthetic sample: schools.csv, programmes.csv, demand.csv, postings/YYYY-MM-DD.csv,
datapackage.json, README.md, mapping.json (plan_proposals.csv is written from them by
npx tsx pipeline/sample/plan-proposals.ts). Same seed, same reference tables → byte-identical
files. Fails if the result misses its calibration.

  --seed N          seed of the random draws (default ${DEFAULT_SEED})
  --out DIR         output folder (default data/sample; /tmp/chanjiao-<scale> for a scaled sample)
  --reference DIR   reference tables folder (default data/reference)
  --scale NAME      size of the sample: ${[...Object.keys(SIZES), ...Object.keys(SCALES)].join(', ')} (default city);
                    province and national are synthetic countries, not calibrated (docs/scaling.md)
  -h, --help        this help`;

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
      reference: { type: 'string', default: `${ROOT}data/reference` },
      scale: { type: 'string', default: 'city' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(HELP);
  const seed = Number(values.seed);
  const scaled = SCALES[values.scale];
  if (Number.isInteger(seed) && scaled) {
    const outDir = values.out ?? `/tmp/chanjiao-${scaled.name}`;
    return console.log(generateScaled({ seed, outDir, referenceDir: values.reference, size: scaled }, { log: console.log }));
  }
  const size = SIZES[values.scale];
  if (!Number.isInteger(seed) || !size) throw new Error(`bad --seed or --scale\n${HELP}`);
  const outDir = values.out ?? `${ROOT}data/sample`;
  const figures = generateSample({ seed, outDir, referenceDir: values.reference, size }, { log: console.log });
  for (const line of summarizeCalibration(figures)) console.log(line);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
