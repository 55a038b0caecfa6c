-- Each proposal of a plan year whose actual plans are in the data, against that actual plan: the
-- programme's plan in plan_year (0 when it is not listed, suspended or closed: it takes no intake).
-- A programme listed in the 备案 listing without its figures has only an estimated plan: its
-- proposal is not tracked (an estimate is no school's decision).
-- The changes are measured from the proposal's base plan, the figure the proposal changed.
--   followed:  the actual change has the proposed sign and at least planner_follow_share of its size;
--   partly:    the proposed sign, but less;
--   not_acted: no change;
--   opposite:  the other sign.
-- A row's industry is the proposal's, else the major's of largest crosswalk weight (ties: by code);
-- its graduation year the proposal's, else plan_year + 学制.
-- grain: plan_year, school_code, major_code
-- not null: plan, proposed, actual, proposed_change, actual_change, new_programme, opened, outcome, graduation_year
-- accepted values: outcome in (followed, partly, not_acted, opposite)
with main_industry as (
    select major_code, industry_code
    from int_major_industry
    where weight > 0
    qualify row_number() over (partition by major_code order by weight desc, industry_code) = 1
),

compared as (
    select
        p.*,
        coalesce(a.plan, 0) as actual,
        coalesce(a.plan, 0) - p.plan as actual_change,
        coalesce(p.industry_code, mi.industry_code) as served_industry,
        coalesce(p.graduation_year, p.plan_year + m.duration_years)::INTEGER as target_year
    from stg_plan_proposals as p
    join stg_majors as m using (major_code)
    left join stg_programmes as a
        on a.year = p.plan_year and a.school_code = p.school_code and a.major_code = p.major_code and a.status = 'active'
    left join main_industry as mi using (major_code)
    where p.plan_year in (select distinct year from stg_programmes) and not coalesce(a.figures_estimated, false)
)

select
    plan_year,
    school_code,
    major_code,
    served_industry as industry_code,
    target_year as graduation_year,
    plan,
    proposed,
    actual,
    proposed_change,
    actual_change,
    new_programme,
    new_programme and actual > 0 as opened,
    case
        when actual_change = 0 then 'not_acted'
        when sign(actual_change) <> sign(proposed_change) then 'opposite'
        when abs(actual_change) >= getvariable('planner_follow_share') * abs(proposed_change) then 'followed'
        else 'partly'
    end as outcome,
    future_gap,
    future_gap_planned,
    snapshot,
    proposed_at
from compared
