/**
 * A proposed enrolment plan is tracked against the programmes file (int_plan_followed): its base
 * plan must be the plan it changed. A proposal whose base plan is not the programme's plan in the
 * year before plan_year in the programmes input (0 for a programme the school did not run), or
 * whose major is of another level than its school, is rejected naming the figure the file gives:
 * tracked, it would count a change nobody made.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { rawTable } from '../config/schema.ts';
import { levelMismatches } from './catalogue-versions.ts';

export async function checkProposals(conn: DuckDBConnection, rows: string, rejects: string): Promise<void> {
  const clean = `NOT EXISTS (SELECT 1 FROM ${rejects} j WHERE j.row_id = r.row_id)`;
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'major_code', r.major_code,
           '专业层次与学校层次不符 — major ' || m.major_code || ' ' || m.major_name || ' is of level ' || m.level || ' but school ' || s.school_code || ' ' || s.school_name
             || ' is ' || s.level || ': no programme of it can be planned there', NULL
    ${levelMismatches(rows, clean)}`);
  // Only years the programmes input has: a base year before it cannot be checked, and is not tracked either.
  await conn.run(`
    INSERT INTO ${rejects}
    SELECT r.row_id, 'plan', r.plan,
           '基数计划与专业点数据中的计划不符 — base plan ' || r.plan || ' is not the plan of ' || r.school_code || ' ' || r.major_code || ' in ' || (r.plan_year::INTEGER - 1)
             || ' in the programmes input (' || CASE WHEN p.year IS NULL THEN 'not run that year: 0' ELSE p.plan::VARCHAR END
             || '): a proposal is measured from the plan it changed', NULL
    FROM ${rows} r
    LEFT JOIN ${rawTable('programmes')} p
      ON p.year = r.plan_year::INTEGER - 1 AND p.school_code = r.school_code AND p.major_code = r.major_code AND p.status = 'active'
    WHERE ${clean} AND r.plan_year::INTEGER - 1 IN (SELECT DISTINCT year FROM ${rawTable('programmes')})
      AND (p.plan IS NOT NULL OR p.year IS NULL) AND r.plan::INTEGER <> coalesce(p.plan, 0)`);
}
