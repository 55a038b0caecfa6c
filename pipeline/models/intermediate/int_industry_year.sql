-- Industry × year on a complete grid (every industry in every year that has programmes or demand),
-- so a year without supply or demand reads 0 instead of going missing from growth and lag.
-- grain: year, industry_code
-- not null: schools, programme_points, supply, supply_estimated, openings, seekers, has_demand, has_programmes
with years as (
    select year from stg_programmes
    union
    select year from stg_demand
),

supply as (
    select
        year,
        industry_code,
        count(distinct school_code) filter (where mapped) as schools,
        count(*) filter (where mapped) as programme_points,
        sum(supply) as supply,
        sum(supply_estimated) as supply_estimated
    from int_point_industry
    group by year, industry_code
),

demand as (
    select year, industry_code, sum(openings) as openings, sum(seekers) as seekers
    from stg_demand
    group by year, industry_code
)

select
    y.year,
    i.industry_code,
    coalesce(s.schools, 0)::INTEGER as schools,
    coalesce(s.programme_points, 0)::INTEGER as programme_points,
    coalesce(s.supply, 0)::DOUBLE as supply,
    coalesce(s.supply_estimated, 0)::DOUBLE as supply_estimated,
    coalesce(d.openings, 0)::INTEGER as openings,
    coalesce(d.seekers, 0)::INTEGER as seekers,
    d.industry_code is not null as has_demand,
    y.year in (select year from int_programme_points) as has_programmes
from years as y
cross join stg_industries as i
left join supply as s on s.year = y.year and s.industry_code = i.industry_code
left join demand as d on d.year = y.year and d.industry_code = i.industry_code
