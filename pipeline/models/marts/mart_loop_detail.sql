-- Each recommendation of year t (mart_recommendation) checked against the listings of year t + 1,
-- over the school's active programmes in the industry's anchor majors (int_recommend_anchor):
--   opened:    it lists an anchor major it did not list in year t;
--   expanded:  otherwise, its planned intake in them rose by at least recommend_loop_min_change;
--   reduced:   otherwise, that intake fell by at least as much (closing counts as intake 0);
--   not_acted: none of these. Years without a following year of listings are not checked yet, nor
-- is a recommendation whose intake plans include estimates (备案 listing rows without figures),
-- unless the school opened a major: the listing shows that, an estimated plan shows no change.
-- grain: recommendation_id
-- references: industry_code -> dim_industry
-- references: school_code -> dim_school
with listed as (
    select p.year, p.school_code, p.major_code, p.plan, p.figures_estimated, a.industry_code, a.major_name
    from stg_programmes as p
    join int_recommend_anchor as a using (major_code)
    where p.status = 'active'
),

intake as (
    select
        r.recommendation_id,
        coalesce(sum(l.plan) filter (where l.year = r.year), 0) as plan_before,
        coalesce(sum(l.plan) filter (where l.year = r.year + 1), 0) as plan_after,
        coalesce(bool_or(l.figures_estimated), false) as estimated,
        string_agg(l.major_name, '、' order by l.major_code) filter (
            where l.year = r.year + 1 and not exists (
                select 1 from listed as b
                where b.year = r.year and b.school_code = l.school_code and b.major_code = l.major_code
            )
        ) as opened_majors
    from mart_recommendation as r
    left join listed as l
        on l.school_code = r.school_code and l.industry_code = r.industry_code and l.year in (r.year, r.year + 1)
    group by r.recommendation_id
)

select
    r.year,
    r.year + 1 as follow_year,
    r.recommendation_id,
    r.industry_code,
    r.industry_name,
    r.school_code,
    r.school_name,
    r.rank,
    r.action,
    r.suggested_majors,
    i.plan_before::INTEGER as plan_before,
    i.plan_after::INTEGER as plan_after,
    (i.plan_after - i.plan_before)::INTEGER as plan_change,
    coalesce(i.opened_majors, '') as opened_majors,
    case
        when i.opened_majors is not null then 'opened'
        when i.plan_before > 0 and i.plan_after >= i.plan_before * (1 + getvariable('recommend_loop_min_change'))
            then 'expanded'
        when i.plan_before > 0 and i.plan_after <= i.plan_before * (1 - getvariable('recommend_loop_min_change'))
            then 'reduced'
        else 'not_acted'
    end as outcome,
    outcome in ('opened', 'expanded') as acted
from mart_recommendation as r
join intake as i using (recommendation_id)
where r.year + 1 in (select year from int_programme_points) and (i.opened_majors is not null or not i.estimated)
