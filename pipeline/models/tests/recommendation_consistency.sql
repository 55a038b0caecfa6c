-- Recommendations follow their own rules: only shortage industries get candidates, ranks run
-- 1..n within the policy's limit, scores and shares stay in 0..1, the loop's outcome counts add
-- up, every code points at a row of its dimension, and a school's advice never contradicts
-- itself (a major an 'expand' candidacy names is labelled expand; a balanced industry is never
-- advised a cut).
-- (shortage is judged from the fill ratio the recommendation carries: a bad signal value is accepted_values' to report)
select 'mart_recommendation' as model, r.recommendation_id as row_key, 'rank, score or fill ratio out of rule' as problem
from mart_recommendation as r
where r.fill_ratio is null or r.fill_ratio >= getvariable('signal_shortage_below')
    or r.rank not between 1 and getvariable('recommend_max_candidates')
    or r.score not between 0 and 1 or r.adjacency_score not between 0 and 1 or r.proximity_score not between 0 and 1
    or r.size_score not between 0 and 1
    or r.school_code not in (select school_code from dim_school)
union all
select 'mart_recommendation', concat_ws('|', year, industry_code), 'ranks are not 1..n'
from mart_recommendation group by year, industry_code having max(rank) <> count(*)
union all
select 'mart_school_report', concat_ws('|', school_code, count(*)), 'more open rows than recommend_max_open_per_school'
from mart_school_report where label = 'open' group by school_code
having count(*) > getvariable('recommend_max_open_per_school')
union all
select 'mart_school_report', concat_ws('|', school_code, major_code), 'unknown school or major, or negative figures'
from mart_school_report
where school_code not in (select school_code from dim_school) or major_code not in (select major_code from dim_major)
    or fill_ratio < 0 or employment_rate not between 0 and 1
union all
select 'mart_school_report', concat_ws('|', s.school_code, s.major_code), 'named by an expand candidacy but not labelled expand'
from mart_recommendation as r
join mart_school_report as s
    on s.year = r.year and s.school_code = r.school_code
    and list_contains(string_split(r.suggested_major_codes, ','), s.major_code)
where r.action = 'expand' and s.label <> 'expand'
union all
select 'mart_school_report', concat_ws('|', school_code, major_code), 'a balanced industry advised review'
from mart_school_report where label = 'review' and industry_signal = 'balanced'
union all
select 'mart_loop', concat_ws('|', year, industry_code), 'outcome counts do not add up'
from mart_loop
where opened + expanded + reduced + not_acted <> recommendations or acted <> opened + expanded
    or share_acted not between 0 and 1 or follow_year <> year + 1
