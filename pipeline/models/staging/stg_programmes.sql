-- Programme rows (专业点 × year). Reported graduates are renamed so that `graduates` downstream
-- always means "reported, or estimated where missing". A row of the 备案 listing without a figures
-- row (raw students NULL) gets estimated students, plan and enrolled, flagged `figures_estimated`:
-- the median of the year's reported active points of the same major, else of its 专业类, else of
-- its level; plan and enrolled are 0 for a suspended or closed point, which takes no intake.
-- grain: year, school_code, major_code
-- compression: text dictionary
-- not null: figures_estimated
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- accepted values: status in (active, suspended, closed)
-- rows and reported are each read three times: as views, not held whole by DuckDB (nationally
-- 0.4 s less CPU).
with rows as not materialized (
    select p.*, m.category_code, m.level
    from raw_programmes as p
    join raw_majors as m using (major_code)
),

reported as not materialized (
    select * from rows where students is not null and status = 'active'
),

-- one median per year and major, 专业类 or level: the finest with reported points wins
medians as (
    select year, 1 as tier, major_code as scope, median(plan) as plan, median(enrolled) as enrolled, median(students) as students
    from reported group by year, major_code
    union all
    select year, 2, category_code, median(plan), median(enrolled), median(students)
    from reported group by year, category_code
    union all
    select year, 3, level, median(plan), median(enrolled), median(students)
    from reported group by year, level
),

estimates as (
    select r.year, r.school_code, r.major_code, arg_min(e, e.tier) as e
    from rows as r
    join medians as e
        on e.year = r.year
        and e.scope = case e.tier when 1 then r.major_code when 2 then r.category_code else r.level end
    where r.students is null
    group by r.year, r.school_code, r.major_code
)

select
    cast(p.year as INTEGER) as year,
    cast(p.school_code as VARCHAR) as school_code,
    cast(p.major_code as VARCHAR) as major_code,
    cast(coalesce(p.plan, case when p.status = 'active' then round(x.e.plan) else 0 end) as INTEGER) as plan,
    cast(coalesce(p.enrolled, case when p.status = 'active' then round(x.e.enrolled) else 0 end) as INTEGER) as enrolled,
    cast(coalesce(p.students, round(x.e.students)) as INTEGER) as students,
    cast(p.graduates as INTEGER) as graduates_reported,
    cast(p.employment_rate as DOUBLE) as employment_rate,
    cast(p.status as VARCHAR) as status,
    p.students is null as figures_estimated,
    -- The catalogue the row's code was read in ('2021', or higher-2015 / secondary-2010 for
    -- history carried to its 2021 successor) and the code as the file gave it there.
    cast(p.catalogue as VARCHAR) as catalogue,
    cast(p.source_major_code as VARCHAR) as source_major_code
from rows as p
left join estimates as x using (year, school_code, major_code)
