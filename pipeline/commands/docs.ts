/** `npm run docs`: regenerates docs/inputs.md from the schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config/paths.ts';
import { renderInputsDoc } from '../config/inputs-doc.ts';

export const help = `用法 Usage: npm run docs

Regenerates docs/inputs.md from schemas/*.json.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) return console.log(help), 0;
  writeFileSync(join(ROOT, 'docs/inputs.md'), renderInputsDoc());
  console.log('docs/inputs.md written');
  return 0;
}
