-- Openings per industry and year: the demand input's years as recorded (kind 'actual') and the
-- outlook stage's forecast for the next years with its 80 % and 95 % intervals (kind 'outlook').
-- grain: industry_code, year
-- not null: horizon, kind, openings
-- references: industry_code -> dim_industry
-- accepted values: kind in (actual, outlook)
select
    industry_code,
    year,
    0 as horizon,
    'actual' as kind,
    null::VARCHAR as method,
    openings::DOUBLE as openings,
    null::DOUBLE as openings_lo80,
    null::DOUBLE as openings_hi80,
    null::DOUBLE as openings_lo95,
    null::DOUBLE as openings_hi95
from int_industry_year
-- The demand input's own years: int_industry_year has every programme year, 0 openings where demand has none.
where year in (select distinct year from stg_demand)

union all

select
    industry_code,
    year,
    horizon,
    'outlook' as kind,
    method,
    openings,
    openings_lo80,
    openings_hi80,
    openings_lo95,
    openings_hi95
from raw_outlook
