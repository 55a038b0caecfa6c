-- Aggregated demand per year × district × industry × level asked for; demand means openings.
-- grain: year, district_code, industry_code, level
-- compression: text dictionary
-- not null: openings, seekers
-- references: district_code -> dim_district
-- references: industry_code -> dim_industry
select
    cast(year as INTEGER) as year,
    cast(district_code as VARCHAR) as district_code,
    cast(industry_code as VARCHAR) as industry_code,
    cast(level as VARCHAR) as level,
    cast(openings as INTEGER) as openings,
    cast(seekers as INTEGER) as seekers
from raw_demand
