/**
 * A scaled sample small enough for a test (two provinces of very different size, a few hundred
 * schools, 20,000 postings) but built by the same code as the province and national ones.
 */
import { NATIONAL, type ScaleSize } from '../../pipeline/sample/scale/scale-sizes.ts';

export const FIXTURE: ScaleSize = {
  ...NATIONAL,
  name: 'fixture',
  // 广东 (122 counties, ~127 M people) and 宁夏 (22 counties, ~7 M): schools should follow population.
  provinces: ['44', '64'],
  schools: { secondary: 240, higher: 50, bachelor: 4 },
  activePoints: 4_200,
  postings: 20_000,
};
