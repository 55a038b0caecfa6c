import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { withDefinitions } from '../../pipeline/config/definitions-doc.ts';
import { readPolicy } from '../../pipeline/config/policy.ts';
import { DEFINITIONS, definitionText } from '../../pipeline/shared/definitions.ts';

describe('the figure definitions', () => {
  it('docs/metrics.md holds the section generated from pipeline/shared/definitions.ts (run `npm run docs` after editing it)', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(doc).toBe(withDefinitions(doc, readPolicy()));
    expect(doc).toContain('| `fill_ratio` | Fill ratio (供需比)');
  });

  it('prints every threshold from the policy, in both languages, with unique ids', () => {
    const policy = readPolicy();
    expect(new Set(DEFINITIONS.map((d) => d.id)).size).toBe(DEFINITIONS.length);
    for (const d of DEFINITIONS) {
      for (const lang of ['zh', 'en'] as const) {
        const text = definitionText(d.id, lang, policy);
        expect(text.name && text.definition && text.formula, `${d.id} ${lang}`).toBeTruthy();
        expect(Boolean(text.threshold), `${d.id} ${lang}: a threshold exactly when it reads policy keys`).toBe(d.policy.length > 0);
      }
    }
    const changed = { ...policy, signal: { ...policy.signal, shortage_below: 0.75 } };
    expect(definitionText('fill_ratio', 'zh', changed).threshold).toContain('低于 75%');
    expect(() => definitionText('no_such_figure', 'zh', policy)).toThrow('no definition no_such_figure');
  });
});
