import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderInputsDoc } from '../../pipeline/config/inputs-doc.ts';

it('docs/inputs.md says what the schemas say (run `npm run docs` after editing a schema)', () => {
  expect(readFileSync(new URL('../../docs/inputs.md', import.meta.url), 'utf8')).toBe(renderInputsDoc());
});
