import { describe, expect, it } from 'vitest';
import { dashboardFormat } from '../../dashboard/src/lib/time.ts';
import { zh } from '../../dashboard/src/i18n/zh.ts';
import { en } from '../../dashboard/src/i18n/en.ts';

describe('times on screen', () => {
  it('are Beijing time and say so, whatever the clock of the machine', () => {
    // 18:11 UTC is 02:11 the next day in Chongqing, as the reports print it
    expect(dashboardFormat('zh', zh.wording.timeZone).dateTime('2025-11-28T18:11:00Z')).toBe('2025年11月29日 02:11（北京时间）');
    expect(dashboardFormat('en', en.wording.timeZone).dateTime('2025-11-28T18:11:00Z')).toBe('Nov 29, 2025, 2:11 AM (Beijing time)');
  });

  it('leave the other formats as they are', () => {
    const f = dashboardFormat('zh', zh.wording.timeZone);
    expect(f.int(12345)).toBe('12,345');
    expect(f.pct(0.891)).toBe('89.1%');
  });
});
