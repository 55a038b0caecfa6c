-- Industries and clusters the city prioritises.
-- grain: industry_code
-- not null: name_zh, name_en, tier, key
select
    cast(industry_code as VARCHAR) as industry_code,
    cast(name_zh as VARCHAR) as name_zh,
    cast(name_en as VARCHAR) as name_en,
    cast(tier as INTEGER) as tier,
    cast(key as BOOLEAN) as key
from raw_industries
