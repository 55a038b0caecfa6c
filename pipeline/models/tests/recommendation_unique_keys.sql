-- Recommendation and loop marts: one row per grain key, ids unique, one position per school row.
select 'mart_recommendation' as model, concat_ws('|', year, industry_code, school_code) as row_key, count(*) as copies
from mart_recommendation group by year, industry_code, school_code having count(*) > 1
union all
select 'mart_recommendation.recommendation_id', recommendation_id, count(*)
from mart_recommendation group by recommendation_id having count(*) > 1
union all
select 'mart_school_report', concat_ws('|', year, school_code, major_code), count(*)
from mart_school_report group by year, school_code, major_code having count(*) > 1
union all
select 'mart_school_report.position', concat_ws('|', school_code, position), count(*)
from mart_school_report group by school_code, position having count(*) > 1
union all
select 'mart_loop_detail', recommendation_id, count(*)
from mart_loop_detail group by recommendation_id having count(*) > 1
union all
select 'mart_loop', concat_ws('|', year, industry_code), count(*)
from mart_loop group by year, industry_code having count(*) > 1
