-- Per shortage industry and year, the recommend_max_candidates schools best placed to open or
-- expand a programme for it (int_recommend_candidates), with the suggested majors, the evidence
-- figures and a stable id (same year, industry, school and first suggestion → same id); the reason
-- is worded from those figures where it is shown (pipeline/shared/advice.ts). Suggestions: for 'expand', the anchor majors the school offers,
-- largest first; for 'open', the anchor majors of its level in the 专业类 it offers that the
-- catalogue has in the following year's intake, heaviest first.
-- grain: year, industry_code, school_code
-- unique: recommendation_id
-- references: industry_code -> dim_industry
-- references: school_code -> dim_school
-- references: district_code -> dim_district
-- references: suggested_major_code -> dim_major.major_code
with ranked as (
    select * from int_recommend_candidates where rank <= getvariable('recommend_max_candidates')
),

adjacent as (
    select a.*
    from int_recommend_adjacent as a
    semi join ranked as r using (year, industry_code, school_code)
),

suggestions as (
    select year, industry_code, school_code, major_code, major_name,
        row_number() over (partition by year, industry_code, school_code order by students desc, major_code) as pos
    from adjacent
    where mapped
    union all
    select r.year, r.industry_code, r.school_code, a.major_code, a.major_name,
        row_number() over (partition by r.year, r.industry_code, r.school_code order by a.weight desc, a.major_code)
    from ranked as r
    join stg_schools as s on s.school_code = r.school_code
    join (select distinct year, industry_code, school_code, category_code from adjacent) as c
        on c.year = r.year and c.industry_code = r.industry_code and c.school_code = r.school_code
    join int_recommend_anchor as a
        on a.industry_code = r.industry_code and a.category_code = c.category_code and a.level = s.level
        and coalesce(a.added_in, r.year + 1) <= r.year + 1 and coalesce(a.valid_to, r.year + 1) >= r.year + 1
    where r.action = 'open'
),

-- sorted lists instead of string_agg(… order by), which DuckDB runs many times slower
listed as (
    select
        year,
        industry_code,
        school_code,
        arg_min(major_code, pos) as suggested_major_code,
        arg_min(major_name, pos) as suggested_major_name,
        array_to_string(list_transform(list_sort(list({'pos': pos, 'name': major_name})), x -> x.name), '、')
            as suggested_majors,
        array_to_string(list_transform(list_sort(list({'pos': pos, 'code': major_code})), x -> x.code), ',')
            as suggested_major_codes
    from suggestions
    group by year, industry_code, school_code
),

adjacent_listed as (
    select
        year,
        industry_code,
        school_code,
        array_to_string(list_transform(list_sort(list({'students': -students, 'code': major_code, 'name': major_name})),
            x -> x.name), '、') as adjacent_majors
    from adjacent
    group by year, industry_code, school_code
),

described as (
    select
        c.*,
        l.suggested_major_code,
        l.suggested_major_name,
        l.suggested_majors,
        l.suggested_major_codes,
        j.adjacent_majors,
        i.name_zh as industry_name,
        i.name_en as industry_name_en,
        i.supply,
        i.demand,
        i.gap,
        i.fill_ratio,
        i.demand_ratio,
        i.urgency,
        s.school_name,
        s.level,
        s.district_code,
        s.ownership,
        d.district_name,
        d.area_group
    from ranked as c
    join listed as l using (year, industry_code, school_code)
    join adjacent_listed as j using (year, industry_code, school_code)
    join mart_industry as i using (year, industry_code)
    join stg_schools as s using (school_code)
    join stg_districts as d on d.district_code = s.district_code
)

select
    year,
    left(md5(concat_ws('|', year, industry_code, school_code, suggested_major_code)), 12) as recommendation_id,
    industry_code,
    industry_name,
    industry_name_en,
    rank::INTEGER as rank,
    school_code,
    school_name,
    level,
    district_code,
    district_name,
    area_group,
    ownership,
    action,
    suggested_major_code,
    suggested_major_name,
    suggested_majors,
    suggested_major_codes,
    adjacency,
    adjacent_majors,
    adjacent_points::INTEGER as adjacent_points,
    adjacent_students::INTEGER as adjacent_students,
    mapped_points::INTEGER as mapped_points,
    mapped_students::INTEGER as mapped_students,
    proximity,
    district_openings::INTEGER as district_openings,
    area_openings::INTEGER as area_openings,
    students::INTEGER as students,
    adjacency_score::DOUBLE as adjacency_score,
    proximity_score::DOUBLE as proximity_score,
    coalesce(size_score, 0)::DOUBLE as size_score,
    score::DOUBLE as score,
    supply,
    demand,
    gap,
    fill_ratio,
    demand_ratio,
    urgency
from described
