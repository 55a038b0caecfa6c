-- Major → industry segment weights: a major's own rows of crosswalk.csv where it has any, else the
-- defaults of its 专业类 (crosswalk_defaults.csv); the serves-none default row gives no weight.
-- A major's weights sum to at most 1 (checked by a model test).
-- grain: major_code, industry_code, segment_code
-- not null: weight
-- references: major_code -> dim_major
-- references: (industry_code, segment_code) -> dim_segment
with own as (
    select
        cast(major_code as VARCHAR) as major_code,
        cast(industry_code as VARCHAR) as industry_code,
        cast(segment_code as VARCHAR) as segment_code,
        cast(weight as DOUBLE) as weight
    from raw_crosswalk
)
select * from own
union all
select
    cast(m.major_code as VARCHAR) as major_code,
    cast(d.industry_code as VARCHAR) as industry_code,
    cast(d.segment_code as VARCHAR) as segment_code,
    cast(d.weight as DOUBLE) as weight
from raw_majors as m
join raw_crosswalk_defaults as d on d.category_code = m.category_code
where d.industry_code is not null and m.major_code not in (select major_code from own)
