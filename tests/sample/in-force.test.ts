import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { inForceBy, readReference } from '../../pipeline/sample/reference.ts';

const reference = readReference(fileURLToPath(new URL('../../data/reference', import.meta.url)));

describe('inForceBy', () => {
  it('leaves out majors that enter the catalogue after the year, with their crosswalk rows', () => {
    const later = reference.majors.filter((m) => m.valid_from > 2025).map((m) => m.major_code);
    expect(later).toContain('510313');
    const in2025 = inForceBy(reference, 2025);
    expect(in2025.majors).toHaveLength(reference.majors.length - later.length);
    expect(in2025.majors.some((m) => later.includes(m.major_code))).toBe(false);
    expect(in2025.crosswalk.some((r) => later.includes(r.major_code))).toBe(false);
    expect(inForceBy(reference, 2027).majors).toHaveLength(reference.majors.length);
  });
});
