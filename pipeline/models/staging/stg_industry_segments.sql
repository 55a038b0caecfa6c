-- Chain segments (上游/中游/下游/服务) of each industry.
-- grain: industry_code, segment_code
-- not null: segment_name, segment_name_en, stage
select
    cast(industry_code as VARCHAR) as industry_code,
    cast(segment_code as VARCHAR) as segment_code,
    cast(segment_name as VARCHAR) as segment_name,
    cast(segment_name_en as VARCHAR) as segment_name_en,
    cast(stage as VARCHAR) as stage
from raw_industry_segments
