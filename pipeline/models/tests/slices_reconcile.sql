-- The additive marts add up: slices to the city-wide industry figures, overview to the active
-- programme rows (so no point is lost by a join) and to the concentration totals.
with supply as (
    select year, industry_code, sum(schools) as schools, sum(programme_points) as points, sum(supply) as supply
    from mart_supply_slice group by year, industry_code
),

demand as (
    select year, industry_code, sum(openings) as openings, sum(seekers) as seekers
    from mart_demand_slice group by year, industry_code
),

overview as (
    select year, sum(programme_points) as points from mart_overview group by year
),

active as (
    select year, count(*) as points from stg_programmes where status = 'active' group by year
)

select 'mart_supply_slice' as model, concat_ws('|', i.year, i.industry_code) as row_key, 'supply slices ≠ mart_industry' as problem
from mart_industry as i
left join supply as s using (year, industry_code)
where abs(coalesce(s.supply, 0) - i.supply) > 1e-6
    or coalesce(s.points, 0) <> i.programme_points or coalesce(s.schools, 0) <> i.schools
union all
select 'mart_demand_slice', concat_ws('|', i.year, i.industry_code), 'demand slices ≠ mart_industry'
from mart_industry as i
left join demand as d using (year, industry_code)
where coalesce(d.openings, 0) <> i.openings or coalesce(d.seekers, 0) <> i.seekers or i.demand <> i.openings
union all
select 'mart_overview', coalesce(a.year, o.year)::VARCHAR, 'overview points ≠ active programme rows'
from active as a
full join overview as o using (year)
where coalesce(a.points, 0) <> coalesce(o.points, 0)
union all
select 'mart_concentration', c.year::VARCHAR, 'concentration points ≠ overview'
from mart_concentration as c
left join overview as o using (year)
where c.programme_points <> coalesce(o.points, 0)
