/**
 * What a data folder is: its Frictionless Data Package descriptor (datapackage.json) says whether
 * it is the synthetic sample, so that every output made from it can say so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface DataLabel {
  /** "sample" for the shipped synthetic sample; otherwise the package name or folder name. */
  data_label: string;
  synthetic: boolean;
  title: string;
}

export function readDataLabel(dataDir: string): DataLabel {
  const path = join(dataDir, 'datapackage.json');
  if (!existsSync(path)) return { data_label: basename(dataDir), synthetic: false, title: basename(dataDir) };
  const pkg = JSON.parse(readFileSync(path, 'utf8'));
  return {
    data_label: pkg['x-data-label'] ?? pkg.name ?? basename(dataDir),
    synthetic: pkg['x-synthetic'] === true,
    title: pkg.title ?? pkg.name ?? basename(dataDir),
  };
}
