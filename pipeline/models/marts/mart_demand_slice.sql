-- Demand side by year × industry × level asked for × district. Demand has no ownership; the
-- dashboard applies suppression (signal_min_openings) to the summed openings of its selection.
-- grain: year, industry_code, level, district_code
-- compression: text dictionary
-- not null: demand
-- references: industry_code -> dim_industry
-- references: district_code -> dim_district
-- accepted values: level in (secondary, higher, bachelor)
select
    year,
    industry_code,
    level,
    district_code,
    sum(openings)::INTEGER as openings,
    sum(seekers)::INTEGER as seekers,
    sum(openings)::INTEGER as demand
from stg_demand
group by year, industry_code, level, district_code
