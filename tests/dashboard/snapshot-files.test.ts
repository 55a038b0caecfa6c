import { describe, expect, it } from 'vitest';
import { grain, inArea, martPath, schoolPath, type SnapshotFiles } from '../../dashboard/src/lib/snapshot-files.ts';
import type { SplitEntry } from '../../dashboard/src/lib/types-snapshot.ts';

const entry = (name: string): SplitEntry => ({ name, files: 1, rows: 1, bytes: 1, max_file_bytes: 1 });
const SPLIT = ['schools/mart_school_programme', 'provinces/mart_overview', 'provinces/mart_supply_slice',
  'provinces/dim_province'].map(entry);

/** As the sample writes it: every mart whole, and cut besides. */
const city: SnapshotFiles = { whole: new Set(['mart_overview', 'mart_supply_slice', 'mart_school_programme', 'mart_lag', 'dim_district']), split: SPLIT };
/** As a national refresh writes it: the supply slice and the school detail too large to be written whole. */
const national: SnapshotFiles = { whole: new Set(['mart_overview', 'mart_lag', 'dim_district']), split: SPLIT };

describe('snapshot files', () => {
  it('reads whole marts at district grain while every mart with a roll-up is whole', () => {
    expect(grain(city)).toBe('district');
    expect(martPath('mart_overview', city)).toBe('marts/mart_overview.arrow');
    expect(martPath('dim_district', city)).toBe('marts/dim_district.arrow');
  });

  it('switches every rolled-up mart to provinces once one is missing whole, the district list too', () => {
    expect(grain(national)).toBe('province');
    expect(martPath('mart_supply_slice', national)).toBe('marts/provinces/mart_supply_slice.arrow');
    // Whole, but read rolled up so that a district filter means a province in every chart.
    expect(martPath('mart_overview', national)).toBe('marts/provinces/mart_overview.arrow');
    expect(martPath('dim_district', national)).toBe('marts/provinces/dim_province.arrow');
    expect(martPath('mart_lag', national)).toBe('marts/mart_lag.arrow');
  });

  it('says which mart is missing when neither whole nor rolled up', () => {
    expect(() => martPath('mart_school_programme', national)).toThrow('mart_school_programme: not in this snapshot');
  });

  it("finds a school's own file only for marts cut per school", () => {
    expect(schoolPath('mart_school_programme', '5001030001', national)).toBe('marts/schools/5001030001.arrow');
    expect(schoolPath('mart_school_report', '5001030001', national)).toBeNull();
    const cutReport = { ...national, split: [...SPLIT, entry('schools/mart_school_report')] };
    expect(schoolPath('mart_school_report', '5001030001', cutReport)).toBe('marts/schools/mart_school_report/5001030001.arrow');
  });

  it('works at district grain on a snapshot without split.json', () => {
    const old: SnapshotFiles = { whole: new Set(['mart_overview']), split: [] };
    expect(grain(old)).toBe('district');
    expect(martPath('mart_overview', old)).toBe('marts/mart_overview.arrow');
    expect(schoolPath('mart_school_programme', '1', old)).toBeNull();
  });
});

describe('area filter on county-grain rows', () => {
  it('matches the district itself at district grain, its province at province grain, anything without a filter', () => {
    expect(inArea('500112', '500112', 'district')).toBe(true);
    expect(inArea('500113', '500112', 'district')).toBe(false);
    expect(inArea('500112', '500000', 'province')).toBe(true);
    expect(inArea('510104', '500000', 'province')).toBe(false);
    expect(inArea('510104', '', 'province')).toBe(true);
  });
});
