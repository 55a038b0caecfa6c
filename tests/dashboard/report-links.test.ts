import { describe, expect, it } from 'vitest';
import { reportLinks } from '../../dashboard/src/lib/report-links.ts';
import type { ReportFiles } from '../../dashboard/src/lib/report-links.ts';

const files = (folder: string, code: string) => ({ html: `${folder}/${code}.html`, xlsx: `${folder}/${code}.xlsx`, csv: `${folder}/${code}.csv` });
const INDEX: ReportFiles = {
  schools: [{ code: '5001030001', files: files('schools', '5001030001') }],
  industries: [{ code: 'low_altitude', files: files('industries', 'low_altitude') }],
};

describe('report links', () => {
  it('links the three formats under data/reports, HTML also as a download', () => {
    expect(reportLinks(INDEX, 'schools', '5001030001')).toEqual({
      html: 'data/reports/schools/5001030001.html',
      htmlDownload: 'data/reports/schools/5001030001.html?download',
      xlsx: 'data/reports/schools/5001030001.xlsx',
      csv: 'data/reports/schools/5001030001.csv',
    });
    expect(reportLinks(INDEX, 'industries', 'low_altitude')?.xlsx).toBe('data/reports/industries/low_altitude.xlsx');
  });

  it('gives no links for a report the index does not list, or without an index', () => {
    expect(reportLinks(INDEX, 'schools', 'low_altitude')).toBeNull();
    expect(reportLinks(INDEX, 'industries', 'ai')).toBeNull();
    expect(reportLinks(null, 'schools', '5001030001')).toBeNull();
  });
});
