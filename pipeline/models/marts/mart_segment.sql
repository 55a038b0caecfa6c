-- Chain segment × year: who serves each segment of an industry, and which segments nobody serves.
-- grain: year, industry_code, segment_code
-- not null: segment_name, covered
-- references: (industry_code, segment_code) -> dim_segment
select
    year,
    industry_code,
    segment_code,
    segment_name,
    segment_name_en,
    stage,
    schools,
    programme_points,
    supply,
    covered
from int_segment_year
