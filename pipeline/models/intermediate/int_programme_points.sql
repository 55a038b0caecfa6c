-- Active programme points (专业点) with the school's level, district and ownership (the dashboard's
-- filters). Graduates not reported are estimated as students ÷ programme length and flagged; a point
-- of the 备案 listing without figures carries its estimated students (stg_programmes), flagged too.
-- A programme first offered after the first year of the data, whose first intake has not reached
-- its graduation year (first year + 学制), has no graduates to estimate: 0, flagged as estimated.
-- grain: year, school_code, major_code
-- compression: text dictionary
-- not null: level, district_code, ownership, figures_estimated, graduates_estimated, digital, key_matched
with first_offered as (
    select school_code, major_code, min(year) as first_year from stg_programmes group by all
),

data_start as (
    select min(year) as year from stg_programmes
)

select
    p.year,
    p.school_code,
    p.major_code,
    s.level,
    s.district_code,
    s.ownership,
    p.students,
    p.figures_estimated,
    coalesce(
        p.graduates_reported,
        case when f.first_year > (select year from data_start) and p.year < f.first_year + m.duration_years then 0 end,
        p.students / m.duration_years
    ) as graduates,
    p.graduates_reported is null as graduates_estimated,
    p.employment_rate,
    m.digital,
    ms.key_matched
from stg_programmes as p
join stg_schools as s using (school_code)
join stg_majors as m using (major_code)
join int_major_served as ms using (major_code)
join first_offered as f using (school_code, major_code)
where p.status = 'active'
