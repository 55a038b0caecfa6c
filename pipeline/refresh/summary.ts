/**
 * Headline figures of the latest year, read back from the marts so the manifest, the CLI summary
 * and the dashboard's cards all quote the same numbers.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export interface Summary {
  year: number;
  programme_points: number;
  schools: number;
  /** Points mapped to a key industry ÷ all points (a fraction, 0.89 = 89 %). */
  match_rate: number;
  graduates: number;
  /** The part of `graduates` estimated (students ÷ 学制 where a school reported none); shown beside it. */
  estimated_graduates: number;
  digital_share: number;
  /** Students of the active points: the base of the digital share. */
  students: number;
  /** The part of `students` estimated (备案 listing points without figures); the digital share rests on it too. */
  estimated_students: number;
}

export async function readSummary(conn: DuckDBConnection): Promise<Summary | null> {
  const reader = await conn.runAndReadAll(`
    SELECT year::INTEGER AS year,
           sum(programme_points)::INTEGER AS programme_points,
           sum(schools)::INTEGER AS schools,
           sum(matched_points) / nullif(sum(programme_points), 0) AS match_rate,
           round(sum(graduates))::INTEGER AS graduates,
           round(sum(estimated_graduates))::INTEGER AS estimated_graduates,
           sum(digital_students) / nullif(sum(students), 0) AS digital_share,
           sum(students)::INTEGER AS students,
           sum(estimated_students)::INTEGER AS estimated_students
    FROM mart_overview
    WHERE year = (SELECT max(year) FROM mart_overview)
    GROUP BY year`);
  return (reader.getRowObjectsJS()[0] as unknown as Summary | undefined) ?? null;
}
