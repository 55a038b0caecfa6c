-- Industry × major strong enough to build a recommendation on: mapped to the industry with a
-- crosswalk weight of at least recommend_min_weight. A marginal link (a major touching an industry
-- at 0.1) is no reason to open or expand a programme for that industry. Advice given in year t is
-- for the intake of t + 1: a major is suggested to open only where the catalogue has it in that
-- year (added_in ≤ t + 1 ≤ valid_to), never a 增补专业 added later nor a withdrawn one.
-- grain: industry_code, major_code
-- not null: weight, level, category_code
select
    mi.industry_code,
    mi.major_code,
    mi.weight,
    m.major_name,
    m.level,
    m.category_code,
    m.category_name,
    m.division_code,
    m.division_name,
    m.added_in,
    m.valid_to
from int_major_industry as mi
join stg_majors as m using (major_code)
where mi.mapped and mi.weight >= getvariable('recommend_min_weight')
