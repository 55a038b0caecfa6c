-- Cohort flow: graduates expected from each school × major in each of the next outlook_horizon
-- years after the latest programme year Y. A cohort entering in year e graduates in e + 学制; cohorts
-- already admitted (e ≤ Y) are the recorded intake of that year, whatever the point's status now
-- (a suspended point still graduates its students); later cohorts assume the point's intake of Y
-- continues, for points active in Y. Completion is graduates ÷ the intake 学制 years earlier per school
-- level where the data give both, else outlook_completion_default. A cohort whose intake is an
-- estimate (a 备案 listing row without figures) is flagged, so the future supply can say how much
-- of it rests on estimates.
-- grain: school_code, major_code, year
-- compression: text dictionary
-- not null: cohort, completion_rate, graduates, cohort_estimated
with latest as (
    select max(year)::INTEGER as y from stg_programmes
),

horizons as (
    select unnest(range(1, getvariable('outlook_horizon')::INTEGER + 1))::INTEGER as horizon
),

points as (
    select distinct p.school_code, p.major_code, s.level, m.duration_years
    from stg_programmes as p
    join stg_schools as s using (school_code)
    join stg_majors as m using (major_code)
),

-- The entry year is computed before the join, so that it is one of the join's keys: as a condition
-- across three tables it only filtered every year of a point paired with every other.
graduated as (
    select g.school_code, g.major_code, g.graduates_reported, g.year - m.duration_years as entry_year
    from stg_programmes as g
    join stg_majors as m using (major_code)
    where g.graduates_reported is not null
),

completion as (
    select s.level, sum(g.graduates_reported)::DOUBLE / sum(e.enrolled) as rate
    from graduated as g
    join stg_schools as s using (school_code)
    join stg_programmes as e
        on e.school_code = g.school_code and e.major_code = g.major_code and e.year = g.entry_year
    where e.enrolled > 0
    group by s.level
),

flows as (
    select
        pt.school_code,
        pt.major_code,
        pt.level,
        l.y + h.horizon as year,
        h.horizon,
        l.y + h.horizon - pt.duration_years as entry_year,
        case
            when l.y + h.horizon - pt.duration_years <= l.y then coalesce(entered.enrolled, 0)
            else coalesce(current_intake.enrolled, 0)
        end as cohort,
        case
            when l.y + h.horizon - pt.duration_years <= l.y then coalesce(entered.figures_estimated, false)
            else coalesce(current_intake.figures_estimated, false)
        end as cohort_estimated,
        coalesce(c.rate, getvariable('outlook_completion_default')) as completion_rate,
        c.rate is null as completion_defaulted
    from points as pt
    cross join latest as l
    cross join horizons as h
    left join stg_programmes as entered
        on entered.school_code = pt.school_code and entered.major_code = pt.major_code
        and entered.year = l.y + h.horizon - pt.duration_years
    left join stg_programmes as current_intake
        on current_intake.school_code = pt.school_code and current_intake.major_code = pt.major_code
        and current_intake.year = l.y and current_intake.status = 'active'
    left join completion as c on c.level = pt.level
)

select
    *,
    entry_year > (select y from latest) as assumed_intake,
    cohort * completion_rate as graduates
from flows
where cohort > 0
