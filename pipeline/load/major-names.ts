/**
 * 专业名称 beside 专业代码. Where a programme file names the major as well as coding it, the name is
 * checked against the name the code has in the catalogue the row was read in (the 2021 one, or the
 * legacy one for history), so a code is never read as another major:
 * - the name of another major of the catalogue that the row's school could run is rejected, naming
 *   every major of that name with its level (药学 is 320301 职业本科 and 520301 高职专科); the name of
 *   a major of a level the school cannot run, short for the code's own (计算机应用, the 中职 major
 *   710201, beside 510201 计算机应用技术 at a 高职 school), is a counted note, read by code;
 * - a name sharing less than half its characters with the code's own name, neither containing the
 *   other, is rejected too: 510101 作物生产技术 (a 2015 code and name) is not 510101 电子信息工程技术;
 *   and so is one clearly nearer another major's name than the code's own (560102 机械制造与自动化,
 *   a 2015 code and name, is 460104 机械制造及自动化, not 560102 网络新闻与传播); the reason names the
 *   catalogue majors whose names are nearest, when one is near;
 * - any other difference (虚拟现实技术应用 for 虚拟现实应用技术, 会计 for 大数据与会计) is a counted
 *   warning, read by code; a 方向 in brackets after the catalogue name is no difference.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable } from '../config/schema.ts';
import { levelName, offers } from './catalogue-versions.ts';
import { asciiWidth } from './normalise.ts';

/** A name as compared: no spaces, full-width forms ASCII (机械设计与制造（数控方向） is 机械设计与制造(数控方向)). */
const nameKey = (x: string) => `regexp_replace(${asciiWidth(x)}, '\\s', '', 'g')`;

/** Shared characters ÷ characters of either name (DuckDB's own jaccard counts bytes, not characters). */
const likeness = (a: string, b: string) => `len(list_intersect(list_distinct(string_split(${a}, '')), list_distinct(string_split(${b}, ''))))
  / len(list_distinct(string_split(${a}, '') || string_split(${b}, '')))`;

/** Below this likeness a name is another major's, not a way of writing the code's own. */
export const NAME_LIKENESS_MIN = 0.5;
/** At or above it, a name nearer another major than the code's own is that major's (机械制造与自动化 is 机械制造及自动化). */
export const NAME_LIKENESS_CLEAR = 0.7;

/** Whether the row's school (its level in `school_level` of `at`) could run a major of that level; a row without a known school could run any. */
const runnable = (level: string, at = 'n') => `(${at}.school_level IS NULL OR ${offers(`${at}.school_level`, level)})`;

const near = (a: string, b: string) => `(${likeness(a, b)} >= ${NAME_LIKENESS_MIN} OR contains(${a}, ${b}) OR contains(${b}, ${a}))`;

/** The checks above, on the staged rows of a programme file with a major_name column; after the catalogue versions and foreign keys. */
export async function checkMajorNames(conn: DuckDBConnection, rows: string, rejects: string, warn: (msg: string) => void, file: string): Promise<void> {
  const legacy = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'raw_legacy_majors'`))
    .getRowObjectsJS()[0].n as number;
  const sources = legacy && (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${rows}_sources'`))
    .getRowObjectsJS()[0].n as number;
  const listed = sources ? 'coalesce(lm.major_name, m.major_name)' : 'm.major_name';
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${rows}_names AS
    SELECT r.row_id, r.major_name, r.major_code, ${nameKey('r.major_name')} AS name, ${nameKey(listed)} AS listed_key, ${listed} AS listed_name,
           s.level AS school_level
    FROM ${rows} r JOIN ${rawTable('majors')} m ON m.major_code = r.major_code
    LEFT JOIN ${rawTable('schools')} s ON s.school_code = r.school_code
    ${sources ? `LEFT JOIN ${rows}_sources x ON x.row_id = r.row_id
      LEFT JOIN ${rawTable('legacy_majors')} lm ON lm.catalogue = x.catalogue AND lm.major_code = x.source_major_code` : ''}
    WHERE r.major_name IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id AND j.field = 'major_code')
      AND ${nameKey('r.major_name')} <> ${nameKey(listed)} AND NOT starts_with(${nameKey('r.major_name')}, ${nameKey(listed)} || '(')`);
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT n.row_id, 'major_name', n.major_name,
           '专业名称与代码不符 — ' || n.major_name || ' is major ' || string_agg(o.major_code || ' ' || ${levelName('o.level')}, ', ' ORDER BY o.major_code)
             || ', not ' || n.major_code || ' ' || n.listed_name
             || ': a code is never read as another major — correct the code or the name', NULL
    FROM ${rows}_names n JOIN ${rawTable('majors')} o ON ${nameKey('o.major_name')} = n.name AND o.major_code <> n.major_code
    GROUP BY n.row_id, n.major_name, n.major_code, n.listed_name, n.school_level
    HAVING bool_or(${runnable('o.level')})`);
  // each distinct name beside its code: how like the code's own name it is, and the nearest other majors
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE ${rows}_likeness AS
    WITH pairs AS (SELECT DISTINCT name, major_code, listed_key, school_level FROM ${rows}_names n),
    others AS (
      SELECT p.name, p.major_code, p.school_level, o.major_code AS other_code, o.major_name AS other_name,
             ${likeness('p.name', nameKey('o.major_name'))} AS likeness
      FROM pairs p JOIN ${rawTable('majors')} o ON o.major_code <> p.major_code AND ${runnable('o.level', 'p')}),
    nearest AS (
      SELECT name, major_code, school_level, max(likeness) AS best,
             string_agg(other_code || ' ' || other_name, ', ' ORDER BY other_code) FILTER (WHERE likeness = best_all) AS suggestion
      FROM (SELECT *, max(likeness) OVER (PARTITION BY name, major_code, school_level) AS best_all FROM others)
      GROUP BY name, major_code, school_level)
    SELECT p.name, p.major_code, p.listed_key, p.school_level, ${likeness('p.name', 'p.listed_key')} AS own, ${near('p.name', 'p.listed_key')} AS near_own,
           n.best, CASE WHEN n.best >= ${NAME_LIKENESS_MIN} THEN n.suggestion END AS suggestion
    FROM pairs p LEFT JOIN nearest n USING (name, major_code, school_level)`);
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT n.row_id, 'major_name', n.major_name,
           '专业名称与代码不符 — ' || n.major_code || ' is ' || n.listed_name || ' in the catalogue, not ' || n.major_name
             || ': a code is never read as another major — correct the code or the name'
             || coalesce(' — did you mean ' || l.suggestion || '?', ''), NULL
    FROM ${rows}_names n JOIN ${rows}_likeness l ON l.name = n.name AND l.major_code = n.major_code AND l.listed_key = n.listed_key
      AND l.school_level IS NOT DISTINCT FROM n.school_level
    WHERE (NOT l.near_own OR (l.best >= ${NAME_LIKENESS_CLEAR} AND l.best > l.own))
      AND NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = n.row_id AND j.field = 'major_name')`);
  // rows kept, each with the catalogue major of its name whose level its school cannot run, if any
  const kept = `(SELECT n.*, any_value(o.major_code || ' ' || ${levelName('o.level')}) AS other
    FROM ${rows}_names n LEFT JOIN ${rawTable('majors')} o ON ${nameKey('o.major_name')} = n.name AND o.major_code <> n.major_code
    WHERE NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = n.row_id)
    GROUP BY ALL)`;
  const notes = (await conn.runAndReadAll(`
    SELECT other IS NOT NULL AS level_name, count(*)::INTEGER AS n,
           arg_min(major_code || ' ' || major_name || ' (catalogue: ' || listed_name || coalesce('; ' || major_name || ' is ' || other, '') || ')', row_id) AS example
    FROM ${kept} GROUP BY 1 ORDER BY 1`)).getRowObjectsJS() as { level_name: boolean; n: number; example: string }[];
  for (const { level_name, n, example } of notes) {
    warn(level_name
      ? `${file}: 专业名称为其他层次专业 — ${n} rows name their major by the name of a major of a level their school cannot run, e.g. ${example}; read by code`
      : `${file}: 专业名称与目录不同 — ${n} rows name their major otherwise than the catalogue, e.g. ${example}; read by code`);
  }
}
