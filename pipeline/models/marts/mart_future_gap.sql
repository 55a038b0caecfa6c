-- The future gap per industry and outlook year: openings expected (with intervals) minus the
-- graduates the cohort flow brings to the industry that year (crosswalk weight × retention, as
-- today's supply). Supply counts as known, so each interval of the gap is the demand interval
-- shifted by it. Years the cohort flow does not reach have NULL supply and gap.
-- grain: industry_code, year
-- not null: horizon, method, openings
-- references: industry_code -> dim_industry
with latest as (
    select max(year) as y from stg_programmes
),

supply as (
    select
        cf.year,
        mi.industry_code,
        -- exact decimal sums, as today's supply: the figure does not depend on the order of the rows
        sum((cf.graduates * mi.weight * getvariable('supply_retention'))::DECIMAL(38, 12))::DOUBLE as supply,
        sum((cf.graduates * mi.weight * getvariable('supply_retention'))::DECIMAL(38, 12))
            filter (where cf.assumed_intake)::DOUBLE as supply_assumed,
        sum((cf.graduates * mi.weight * getvariable('supply_retention'))::DECIMAL(38, 12))
            filter (where cf.cohort_estimated)::DOUBLE as supply_estimated
    from int_cohort_flow as cf
    join int_major_industry as mi using (major_code)
    group by all
),

reached as (
    select
        o.*,
        o.year between l.y + 1 and l.y + getvariable('outlook_horizon') as reached
    from raw_outlook as o
    cross join latest as l
)

select
    r.industry_code,
    r.year,
    r.horizon,
    r.method,
    r.openings,
    r.openings_lo80,
    r.openings_hi80,
    r.openings_lo95,
    r.openings_hi95,
    case when r.reached then coalesce(s.supply, 0) end as supply_at_graduation,
    case when r.reached then coalesce(s.supply_assumed, 0) end as supply_assumed,
    case when r.reached then coalesce(s.supply_estimated, 0) end as supply_estimated,
    r.openings - supply_at_graduation as future_gap,
    r.openings_lo80 - supply_at_graduation as future_gap_lo80,
    r.openings_hi80 - supply_at_graduation as future_gap_hi80,
    r.openings_lo95 - supply_at_graduation as future_gap_lo95,
    r.openings_hi95 - supply_at_graduation as future_gap_hi95
from reached as r
left join supply as s using (industry_code, year)
