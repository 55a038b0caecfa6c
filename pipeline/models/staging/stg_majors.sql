-- Majors of the vocational catalogue (专业目录).
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
    cast(valid_to as INTEGER) as valid_to
from raw_majors
