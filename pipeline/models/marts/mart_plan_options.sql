-- What the enrolment planner may change next year (Y + 1, Y the latest programme year): the plan of
-- every programme active in Y, and candidate programmes to open. A candidate is a major of the
-- school's own level (the catalogue), mapped with weight ≥ recommend_min_weight to an industry expected
-- short in the year its first intake would graduate, and offered somewhere in the city in Y (so its
-- funding coefficient is known) by fewer than concentration_duplicated_above_schools schools; per school the
-- recommend_max_open_per_school with the largest weight × expected shortage, once among all such majors
-- (open_any) and once among those of a 专业类 the school already offers (open_adjacent), so the planner
-- honours planner.require_adjacent either way without rebuilding the mart (the dashboard re-solves
-- with it switched). Each option carries its graduation year, cost per seat and completion rate, and
-- whether its plan is an estimate (a 备案 listing row without figures), which the planner keeps as it is.
-- grain: school_code, major_code
-- not null: existing, open_any, open_adjacent, plan, plan_estimated, year, cost, completion_rate
-- references: school_code -> dim_school
-- references: major_code -> dim_major
with latest as (
    select max(year)::INTEGER as y from stg_programmes
),

active as (
    select p.school_code, p.major_code, p.plan, p.figures_estimated, s.level
    from stg_programmes as p
    join stg_schools as s using (school_code)
    where p.year = (select y from latest) and p.status = 'active'
),

needed as (
    select m.major_code, m.level, m.category_code, max(mi.weight * g.future_gap) as need
    from stg_majors as m
    join int_major_industry as mi using (major_code)
    join mart_future_gap as g
        on g.industry_code = mi.industry_code and g.year = (select y from latest) + 1 + m.duration_years
    where mi.weight >= getvariable('recommend_min_weight') and g.future_gap > 0
    group by all
),

eligible as (
    select s.school_code, n.major_code, s.level, n.category_code, n.need
    from (select distinct school_code, level from active) as s
    join needed as n on n.level = s.level
    where n.major_code in (select major_code from mart_funding)
        -- a major offered by the duplication cap's number of schools already opens nowhere else
        and n.major_code not in (
            select major_code from active group by major_code
            having count(*) >= getvariable('concentration_duplicated_above_schools')
        )
        and not exists (select 1 from active as a where a.school_code = s.school_code and a.major_code = n.major_code)
),

adjacency as (
    select
        e.*,
        exists (
            select 1 from active as a join stg_majors as am using (major_code)
            where a.school_code = e.school_code and am.category_code = e.category_code
        ) as adjacent
    from eligible as e
),

ranked as (
    select
        *,
        row_number() over (partition by school_code order by need desc, major_code) as rank_any,
        row_number() over (partition by school_code, adjacent order by need desc, major_code) as rank_in_group
    from adjacency
),

candidates as (
    select
        school_code,
        major_code,
        0 as plan,
        level,
        rank_any <= getvariable('recommend_max_open_per_school') as open_any,
        adjacent and rank_in_group <= getvariable('recommend_max_open_per_school') as open_adjacent
    from ranked
    where rank_any <= getvariable('recommend_max_open_per_school')
        or (adjacent and rank_in_group <= getvariable('recommend_max_open_per_school'))
),

options as (
    select school_code, major_code, plan, figures_estimated as plan_estimated, level, true as existing, true as open_any, true as open_adjacent
    from active
    union all
    select school_code, major_code, plan, false as plan_estimated, level, false as existing, open_any, open_adjacent from candidates
),

completion as (
    select level, any_value(completion_rate) as completion_rate from int_cohort_flow group by level
)

select
    o.school_code,
    o.major_code,
    o.existing,
    o.open_any,
    o.open_adjacent,
    o.plan,
    o.plan_estimated,
    ((select y from latest) + 1 + m.duration_years)::INTEGER as year,
    getvariable('funding_per_student_base') * f.coefficient as cost,
    coalesce(c.completion_rate, getvariable('outlook_completion_default')) as completion_rate
from options as o
join stg_majors as m using (major_code)
join mart_funding as f using (major_code)
left join completion as c on c.level = o.level
