-- Major → industry segment weights; a major's weights sum to at most 1 (checked by a model test).
-- grain: major_code, industry_code, segment_code
-- references: major_code -> dim_major
-- references: (industry_code, segment_code) -> dim_segment
select
    cast(major_code as VARCHAR) as major_code,
    cast(industry_code as VARCHAR) as industry_code,
    cast(segment_code as VARCHAR) as segment_code,
    cast(weight as DOUBLE) as weight
from raw_crosswalk
