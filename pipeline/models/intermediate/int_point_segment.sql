-- Programme point × industry segment it serves: the grain of supply. A point's graduates are shared
-- across segments by crosswalk weight and kept locally at the retention rate. Supply is held as an
-- exact DECIMAL from here on, so its sums do not depend on the order DuckDB's threads add the rows
-- (a DOUBLE sum can differ in its last bits between two runs, and a published figure with it).
-- grain: year, school_code, major_code, industry_code, segment_code
-- compression: text dictionary
-- not null: level, district_code, ownership, weight, mapped
select
    pp.year,
    pp.school_code,
    pp.major_code,
    pp.level,
    pp.district_code,
    pp.ownership,
    c.industry_code,
    c.segment_code,
    c.weight,
    c.weight > getvariable('coverage_mapped_min_weight') as mapped,
    (pp.graduates * c.weight * getvariable('supply_retention'))::DECIMAL(38, 12) as supply,
    case when pp.graduates_estimated then supply else 0 end as supply_estimated
from int_programme_points as pp
join stg_crosswalk as c using (major_code)
