-- Vocational schools; each has one level, district and ownership.
-- grain: school_code
-- not null: school_name, level, district_code, ownership
select
    cast(school_code as VARCHAR) as school_code,
    cast(school_name as VARCHAR) as school_name,
    cast(level as VARCHAR) as level,
    cast(district_code as VARCHAR) as district_code,
    cast(ownership as VARCHAR) as ownership
from raw_schools
