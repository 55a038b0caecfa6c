-- Majors of the vocational catalogue (专业目录).
-- grain: major_code
-- not null: major_name, level, division_code, division_name, category_code, category_name, duration_years, digital, cost_tier, valid_from
select
    cast(major_code as VARCHAR) as major_code,
    cast(major_name as VARCHAR) as major_name,
    cast(level as VARCHAR) as level,
    cast(division_code as VARCHAR) as division_code,
    cast(division_name as VARCHAR) as division_name,
    cast(category_code as VARCHAR) as category_code,
    cast(category_name as VARCHAR) as category_name,
    cast(duration_years as INTEGER) as duration_years,
    cast(digital as BOOLEAN) as digital,
    cast(cost_tier as INTEGER) as cost_tier,
    cast(valid_from as INTEGER) as valid_from,
    cast(valid_to as INTEGER) as valid_to,
    -- The year a 增补专业 entered the catalogue after its first publication; NULL for the majors
    -- published with it, in which every year's programmes are read (older codes carried to them,
    -- and mapping.json may read the catalogue from before its first year).
    case when valid_from > min(valid_from) over (partition by level) then cast(valid_from as INTEGER) end as added_in
from raw_majors
