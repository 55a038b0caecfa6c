/** `npm run docs`: regenerates docs/inputs.md from the schemas and the definitions section of docs/metrics.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config/paths.ts';
import { renderInputsDoc } from '../config/inputs-doc.ts';
import { withDefinitions } from '../config/definitions-doc.ts';
import { readPolicy } from '../config/policy.ts';

export const help = `用法 Usage: npm run docs

Regenerates docs/inputs.md from schemas/*.json, and the figure definitions in docs/metrics.md
from pipeline/shared/definitions.ts.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return console.log(help), 0;
  writeFileSync(join(ROOT, 'docs/inputs.md'), renderInputsDoc());
  const metrics = join(ROOT, 'docs/metrics.md');
  writeFileSync(metrics, withDefinitions(readFileSync(metrics, 'utf8'), readPolicy()));
  console.log('docs/inputs.md and docs/metrics.md written');
  return 0;
}
