-- Districts (区县) as loaded; explicit columns so a stray input column never reaches a mart.
-- grain: district_code
-- not null: district_name, area_group
select
    cast(district_code as VARCHAR) as district_code,
    cast(district_name as VARCHAR) as district_name,
    cast(area_group as VARCHAR) as area_group
from raw_districts
