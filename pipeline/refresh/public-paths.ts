/**
 * Paths as the manifest and the run history keep them — both are served to browsers, so they never
 * carry the server's directory layout: a file below the working directory keeps its path from there
 * (data/sample/programmes.csv), one below the data, reference or warehouse folder its path from
 * that folder (postings/2025-03-04.csv), any other only its name.
 */
import { basename, isAbsolute, relative, sep } from 'node:path';

export interface PathRoots { dataDir: string; referenceDir: string; warehouseDir: string }

/**
 * Absolute paths inside a message: a slash not following a letter or digit of any script (合计/小计
 * is words, not a path), a colon, a slash or a dot, then segments.
 */
const ABSOLUTE = /(?<![\p{L}\p{N}_:/.])\/(?:[^\s/:'"`()<>]+\/)*[^\s/:'"`()<>]+/gu;

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : null;
};

/** One path as it may be published. */
export function publicPath(path: string, roots: PathRoots, cwd = process.cwd()): string {
  if (!isAbsolute(path)) return path;
  return inside(cwd, path) ?? inside(roots.dataDir, path) ?? inside(roots.referenceDir, path)
    ?? inside(roots.warehouseDir, path) ?? basename(path);
}

/** A message with every absolute path in it made public. */
export function publicText(text: string, roots: PathRoots, cwd = process.cwd()): string {
  return text.replace(ABSOLUTE, (path) => publicPath(path, roots, cwd).split(sep).join('/'));
}
