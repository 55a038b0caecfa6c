-- Programme point × industry: segment rows summed. The point is mapped to the industry when its
-- major's total weight for the industry exceeds coverage_mapped_min_weight.
-- grain: year, school_code, major_code, industry_code
-- compression: text dictionary
-- not null: level, district_code, ownership, weight, mapped
select
    ps.year,
    ps.school_code,
    ps.major_code,
    ps.level,
    ps.district_code,
    ps.ownership,
    ps.industry_code,
    mi.weight,
    mi.mapped,
    sum(ps.supply) as supply,
    sum(ps.supply_estimated) as supply_estimated
from int_point_segment as ps
join int_major_industry as mi using (major_code, industry_code)
group by all
