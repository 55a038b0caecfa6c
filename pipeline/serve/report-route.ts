/**
 * Serves the generated reports under `/data/reports/`: the right content type per format, the
 * Chinese download name (RFC 5987, with an ASCII fallback for old clients) and nothing but the
 * report files themselves. Only paths of the shape the reports stage writes are accepted, so a
 * traversal attempt (`..`, encoded or not) is a 404 before the file system is touched.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReportIndex } from '../reports/generate-reports.ts';

const PREFIX = '/data/reports/';

const REPORT_FILE = /^(?:(schools|industries)\/[A-Za-z0-9_-]{1,64}\.(html|xlsx|csv)|index\.json)$/;

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** RFC 5987 value-chars: percent-encoded UTF-8, with the few characters encodeURIComponent keeps but the RFC does not. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="school-….xlsx"; filename*=UTF-8''%E9%87%8D…`: browsers pick the UTF-8 name. */
export function contentDisposition(type: 'inline' | 'attachment', name: string, fallback: string): string {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

let cached: { path: string; mtime: number; names: Map<string, string> } | null = null;

/** Download names by file path, from the reports folder's index.json (re-read when it changes). */
function downloadNames(reportsDir: string): Map<string, string> {
  const path = join(reportsDir, 'index.json');
  try {
    const mtime = statSync(path).mtimeMs;
    if (cached?.path !== path || cached.mtime !== mtime) {
      const index = JSON.parse(readFileSync(path, 'utf8')) as ReportIndex;
      const names = new Map<string, string>();
      for (const entry of [...index.schools, ...index.industries]) {
        for (const [format, file] of Object.entries(entry.files)) names.set(file, entry.download_names[format as 'html']);
      }
      cached = { path, mtime, names };
    }
    return cached.names;
  } catch {
    return new Map();
  }
}

function notFound(res: ServerResponse): true {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('404 未找到 Not found\n');
  return true;
}

/**
 * Handles a request for `/data/reports/…` from `reportsDir` and returns true; returns false for
 * any other URL. `?download` makes an HTML report an attachment too (it is shown inline otherwise).
 */
export function serveReport(req: IncomingMessage, res: ServerResponse, reportsDir: string): boolean {
  const url = req.url ?? '';
  if (!url.startsWith(PREFIX)) return false;
  const [encoded, query = ''] = url.slice(PREFIX.length).split('?', 2);
  let relative: string;
  try {
    relative = decodeURIComponent(encoded);
  } catch {
    return notFound(res);
  }
  const root = resolve(reportsDir);
  const file = resolve(root, relative);
  if (!REPORT_FILE.test(relative) || !file.startsWith(root + sep)) return notFound(res);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return notFound(res);
    size = stat.size;
  } catch {
    return notFound(res);
  }
  const format = relative.slice(relative.lastIndexOf('.') + 1);
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[format],
    'content-length': size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (format === 'html') headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  if (format !== 'json') {
    const inline = format === 'html' && !new URLSearchParams(query).has('download');
    const fallback = `${relative.startsWith('schools/') ? 'school' : 'industry'}-${basename(relative)}`;
    headers['content-disposition'] = contentDisposition(inline ? 'inline' : 'attachment',
      downloadNames(root).get(relative) ?? fallback, fallback);
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
