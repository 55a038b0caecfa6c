-- Loop tracking (闭环跟踪) per industry and year of recommendation t: how many of the year's
-- recommendations were acted on in year t + 1 (mart_loop_detail) and how the industry's gap moved
-- from t to t + 1. gap_closed > 0 means the gap narrowed; the gap responds to graduates, so new
-- intake (plan_added) shows a response years before the gap can.
-- grain: year, industry_code
-- references: industry_code -> dim_industry
select
    d.year,
    d.follow_year,
    d.industry_code,
    b.name_zh,
    b.name_en,
    count(*)::INTEGER as recommendations,
    count(*) filter (where d.acted)::INTEGER as acted,
    count(*) filter (where d.outcome = 'opened')::INTEGER as opened,
    count(*) filter (where d.outcome = 'expanded')::INTEGER as expanded,
    count(*) filter (where d.outcome = 'reduced')::INTEGER as reduced,
    count(*) filter (where d.outcome = 'not_acted')::INTEGER as not_acted,
    count(*) filter (where d.acted) / count(*) as share_acted,
    coalesce(sum(d.plan_change) filter (where d.acted), 0)::INTEGER as plan_added,
    b.gap as gap_before,
    a.gap as gap_after,
    b.gap - a.gap as gap_closed,
    case when b.gap > 0 then (b.gap - a.gap) / b.gap end as gap_closed_share,
    b.fill_ratio as fill_ratio_before,
    a.fill_ratio as fill_ratio_after,
    a.signal as signal_after
from mart_loop_detail as d
join mart_industry as b on b.year = d.year and b.industry_code = d.industry_code
join mart_industry as a on a.year = d.follow_year and a.industry_code = d.industry_code
group by all
