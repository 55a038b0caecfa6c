-- Chain segment × year on the same year grid as int_industry_year: a segment is covered when at
-- least one active point is mapped to it (segment weight above coverage_mapped_min_weight).
-- grain: year, industry_code, segment_code
-- not null: stage, schools, programme_points, supply, covered
with served as (
    select
        year,
        industry_code,
        segment_code,
        count(distinct school_code) filter (where mapped) as schools,
        count(*) filter (where mapped) as programme_points,
        sum(supply) as supply
    from int_point_segment
    group by year, industry_code, segment_code
)

select
    y.year,
    g.industry_code,
    g.segment_code,
    g.segment_name,
    g.segment_name_en,
    g.stage,
    coalesce(s.schools, 0)::INTEGER as schools,
    coalesce(s.programme_points, 0)::INTEGER as programme_points,
    coalesce(s.supply, 0)::DOUBLE as supply,
    coalesce(s.programme_points, 0) > 0 as covered
from (select distinct year from int_industry_year) as y
cross join stg_industry_segments as g
left join served as s
    on s.year = y.year and s.industry_code = g.industry_code and s.segment_code = g.segment_code
