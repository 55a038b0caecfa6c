/**
 * The manifest and the run history are served to browsers: paths in them are kept from the working
 * directory or from the data, reference and warehouse folders, and any other absolute path is cut
 * to its file name, so no server directory layout is published.
 */
import { describe, expect, it } from 'vitest';
import { publicPath, publicText } from '../../pipeline/refresh/public-paths.ts';

const roots = { dataDir: '/srv/bureau/data', referenceDir: '/opt/chanjiao/data/reference', warehouseDir: '/var/lib/chanjiao' };
const cwd = '/opt/chanjiao';

describe('paths as published', () => {
  it('keeps a path from the working directory, else from the folder it is in, else its name', () => {
    expect(publicPath('/opt/chanjiao/data/reference/majors.csv', roots, cwd)).toBe('data/reference/majors.csv');
    expect(publicPath('/srv/bureau/data/postings/2025-03-04.csv', roots, cwd)).toBe('postings/2025-03-04.csv');
    expect(publicPath('/var/lib/chanjiao/uploads/3/programmes.csv', roots, cwd)).toBe('uploads/3/programmes.csv');
    expect(publicPath('/home/ops/elsewhere/programmes.xlsx', roots, cwd)).toBe('programmes.xlsx');
    expect(publicPath('data/sample/programmes.csv', roots, cwd)).toBe('data/sample/programmes.csv');
  });

  it('rewrites every absolute path inside a message and leaves URLs and relative paths alone', () => {
    expect(publicText('/srv/bureau/data/programmes.csv:18: 引号未闭合 — a quote (") opens a value on line 18', roots, cwd))
      .toBe('programmes.csv:18: 引号未闭合 — a quote (") opens a value on line 18');
    expect(publicText("ENOSPC: no space left on device, write '/var/lib/chanjiao/snapshots/.building-1/marts/x.arrow'", roots, cwd))
      .toBe("ENOSPC: no space left on device, write 'snapshots/.building-1/marts/x.arrow'");
    expect(publicText('see https://example.org/docs/a.html and data/sample/x.csv', roots, cwd))
      .toBe('see https://example.org/docs/a.html and data/sample/x.csv');
    // words joined by slashes are not paths, in any script; a path after a full-width colon is
    expect(publicText('/srv/bureau/data/programmes.csv: 跳过合计行 (合计/小计/总计), N/A', roots, cwd))
      .toBe('programmes.csv: 跳过合计行 (合计/小计/总计), N/A');
    expect(publicText('文件：/home/ops/x/programmes.xlsx', roots, cwd)).toBe('文件：programmes.xlsx');
  });
});
