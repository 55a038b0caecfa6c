/**
 * The policy file (pipeline/config/policy.json): thresholds and funding parameters an analyst edits.
 * Models read each value as a DuckDB variable `<block>_<key>`, so one file drives every model
 * and the dashboard can show which threshold produced a signal.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Blocks of numeric parameters, e.g. `{ signal: { shortage_below: 0.8 } }`. */
export type Policy = Record<string, Record<string, number>>;

export const POLICY_PATH = fileURLToPath(new URL('./policy.json', import.meta.url));

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Reads and checks the policy file. Keys starting with `$` are comments; every other value must be
 * a finite number inside a block, so a typo fails here and not as a NULL threshold in a model.
 */
export function readPolicy(path = POLICY_PATH): Policy {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const policy: Policy = {};
  for (const [block, values] of Object.entries(json)) {
    if (block.startsWith('$')) continue;
    if (!NAME.test(block) || typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new Error(`${path}: "${block}" must be a block of numbers named in lower snake case`);
    }
    policy[block] = {};
    for (const [key, value] of Object.entries(values)) {
      if (!NAME.test(key) || typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${path}: ${block}.${key} must be a finite number named in lower snake case`);
      }
      policy[block][key] = value;
    }
  }
  return policy;
}

/** `{ signal: { min_openings: 30 } }` → `{ signal_min_openings: 30 }`: the names models pass to getvariable. */
export function flattenPolicy(policy: Policy): Record<string, number> {
  return Object.fromEntries(
    Object.entries(policy).flatMap(([block, values]) =>
      Object.entries(values).map(([key, value]) => [`${block}_${key}`, value]),
    ),
  );
}

/** Sets every policy value as a DOUBLE variable; models cast to INTEGER where they need a count. */
export async function setPolicyVariables(conn: DuckDBConnection, policy: Policy): Promise<void> {
  for (const [name, value] of Object.entries(flattenPolicy(policy))) {
    if (!NAME.test(name) || !Number.isFinite(value)) throw new Error(`policy value ${name} = ${value} is not usable`);
    await conn.run(`SET VARIABLE ${name} = ${value}::DOUBLE`);
  }
}

/** Names a SQL text passes to getvariable('…'), so a missing policy key fails before any model runs. */
export function variablesRead(sql: string): string[] {
  return [...new Set([...sql.matchAll(/getvariable\(\s*'([^']+)'\s*\)/gi)].map((m) => m[1]))];
}
