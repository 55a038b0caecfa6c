/**
 * The rules that keep the flow one-way (docs/architecture.md), read from the import graph and the
 * models' table references: a rule broken anywhere fails here, with the file and what it reads.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../../pipeline/config/paths.ts';
import { readModels, tablesRead } from '../../pipeline/transform/model-files.ts';
import { BASE_SOURCES } from '../../pipeline/refresh/base-key.ts';
import { REPORT_SOURCES } from '../../pipeline/refresh/reuse-reports.ts';

interface Import { from: string; to: string; typeOnly: boolean }

const SOURCE = /\.(ts|mts|svelte)$/;
const IMPORT = /(?:^|[\s;])(import|export)(\s+type)?\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => join(dir, f));
}

/** Every import of the project's own files and of Node built-ins, as paths relative to the root. */
function imports(dirs: string[]): Import[] {
  return dirs.flatMap(files).flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return [...text.matchAll(IMPORT)].flatMap(([, , type, spec, dynamic]): Import[] => {
      const target = spec ?? dynamic;
      if (target.startsWith('node:')) return [{ from: file, to: target, typeOnly: false }];
      if (!target.startsWith('.')) return [];
      return [{ from: file, to: relative(ROOT, resolve(ROOT, dirname(file), target)), typeOnly: Boolean(type) }];
    });
  });
}

const SHARED = 'pipeline/shared';
const graph = imports(['pipeline', 'dashboard/src', 'bench', 'tests']);
const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const show = (list: Import[]) => list.map((i) => `${i.from} → ${i.to}${i.typeOnly ? ' (type)' : ''}`);

describe('import rules', () => {
  it('reads the graph (a guard: the rules below are checked over real imports)', () => {
    expect(graph.filter((i) => inside(i.from, 'dashboard/src')).length).toBeGreaterThan(50);
    expect(graph.filter((i) => inside(i.from, 'pipeline')).length).toBeGreaterThan(200);
  });

  it('the dashboard runs no pipeline code: it imports values only from pipeline/shared/, types from the pipeline at most', () => {
    const broken = graph.filter((i) => inside(i.from, 'dashboard/src')
      && (i.to.startsWith('node:') || (!inside(i.to, 'dashboard') && !inside(i.to, SHARED) && !i.typeOnly)));
    expect(show(broken)).toEqual([]);
  });

  it('pipeline/shared/ is pure: it imports nothing outside itself and no Node built-in', () => {
    const broken = graph.filter((i) => inside(i.from, SHARED) && !inside(i.to, SHARED));
    expect(show(broken)).toEqual([]);
  });

  it('nothing imports the sample generator (its scaled generator inside) but itself, the benchmark and the tests', () => {
    const allowed = ['pipeline/sample', 'bench', 'tests'];
    const broken = graph.filter((i) => inside(i.to, 'pipeline/sample') && !allowed.some((dir) => inside(i.from, dir)));
    expect(show(broken)).toEqual([]);
  });

  it('models never read a later layer: staging reads inputs, intermediate models read inputs, staging and intermediate, marts anything earlier', () => {
    const LAYERS: Record<string, RegExp> = { staging: /^raw_/, intermediate: /^(raw|stg|int)_/, marts: /^(raw|stg|int|dim|mart)_/ };
    const broken = readModels().flatMap((model) => {
      const allowed = LAYERS[model.path.split('/')[0]];
      return [...tablesRead(model.sql)].filter((table) => !allowed.test(table)).map((table) => `${model.path} reads ${table}`);
    });
    expect(broken).toEqual([]);
  });

  it('the fingerprints by which a nightly run reuses the warehouse and the reports cover all the code that builds them, and the packages', () => {
    const reached = (entry: string) => {
      const seen = new Set([entry]);
      for (const file of seen) for (const i of graph) if (i.from === file && !i.to.startsWith('node:')) seen.add(i.to);
      return [...seen];
    };
    for (const [entry, sources] of [['pipeline/refresh/refresh.ts', BASE_SOURCES], ['pipeline/reports/generate-reports.ts', REPORT_SOURCES]] as const) {
      expect(reached(entry).filter((file) => !sources.some((dir) => inside(file, dir))), entry).toEqual([]);
      expect(sources, entry).toContain('package-lock.json');
    }
  });

  it('the tree matches docs/architecture.md: pipeline/ holds only cli.ts at its root, each folder is listed there and opens with a README', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const listed = new Set([...doc.matchAll(/^\| `pipeline\/([a-z-]+)\/`/gm)].map((m) => m[1]));
    const entries = readdirSync(join(ROOT, 'pipeline'), { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(entries.filter((e) => e.isFile()).map((e) => e.name)).toEqual(['cli.ts']);
    expect(folders).toEqual([...listed].sort());
    expect(folders.filter((f) => !existsSync(join(ROOT, 'pipeline', f, 'README.md')))).toEqual([]);
  });
});
