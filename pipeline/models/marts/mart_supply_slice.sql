-- Supply side of an industry by the dashboard's filters: year × industry × level × district ×
-- ownership. Rows add up to mart_industry (a school sits in one slice, so schools add up too).
-- grain: year, industry_code, level, district_code, ownership
-- compression: text dictionary
-- not null: supply
-- references: industry_code -> dim_industry
-- references: district_code -> dim_district
select
    year,
    industry_code,
    level,
    district_code,
    ownership,
    count(distinct school_code) filter (where mapped)::INTEGER as schools,
    count(*) filter (where mapped)::INTEGER as programme_points,
    sum(supply)::DOUBLE as supply,
    sum(supply_estimated)::DOUBLE as supply_estimated
from int_point_industry
group by year, industry_code, level, district_code, ownership
