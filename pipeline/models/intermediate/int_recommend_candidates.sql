-- Shortage industry × year × candidate school (one with a point in int_recommend_adjacent), scored
-- 0..1 on adjacency (already offers an anchor major: 1; only its 专业类: recommend_adjacency_category),
-- proximity to the demand at the school's level (its district's openings against the busiest
-- district's, its area group's against the busiest group's, mixed by recommend_proximity_district)
-- and size (students against the largest candidate's), then ranked by the weighted score.
-- grain: year, industry_code, school_code
-- unique: year, industry_code, rank
-- not null: action, adjacency, proximity
with per_school as (
    select
        year,
        industry_code,
        school_code,
        count(*) as adjacent_points,
        sum(students) as adjacent_students,
        count(*) filter (where mapped) as mapped_points,
        coalesce(sum(students) filter (where mapped), 0) as mapped_students
    from int_recommend_adjacent
    group by year, industry_code, school_code
),

district_demand as (
    select d.year, d.industry_code, d.level, d.district_code, x.area_group, sum(d.openings) as openings
    from stg_demand as d
    join stg_districts as x using (district_code)
    group by all
),

area_demand as (
    select year, industry_code, level, area_group, sum(openings) as openings
    from district_demand
    group by all
),

peaks as (
    select year, industry_code, level, max(openings) as district_peak, any_value(area_peak) as area_peak
    from district_demand
    join (
        select year, industry_code, level, max(openings) as area_peak from area_demand group by all
    ) using (year, industry_code, level)
    group by all
),

size as (
    select year, school_code, sum(students) as students from int_programme_points group by year, school_code
),

scored as (
    select
        ps.*,
        case when ps.mapped_points > 0 then 'expand' else 'open' end as action,
        case when ps.mapped_points > 0 then 'mapped' else 'category' end as adjacency,
        coalesce(dd.openings, 0) as district_openings,
        coalesce(ad.openings, 0) as area_openings,
        case when dd.openings > 0 then 'district' when ad.openings > 0 then 'area' else 'none' end as proximity,
        sz.students,
        case when ps.mapped_points > 0 then 1 else getvariable('recommend_adjacency_category') end as adjacency_score,
        getvariable('recommend_proximity_district') * coalesce(dd.openings / nullif(pk.district_peak, 0), 0)
            + (1 - getvariable('recommend_proximity_district')) * coalesce(ad.openings / nullif(pk.area_peak, 0), 0)
            as proximity_score,
        coalesce(sz.students / nullif(max(sz.students) over (partition by ps.year, ps.industry_code), 0), 0)
            as size_score
    from per_school as ps
    join stg_schools as sc on sc.school_code = ps.school_code
    join stg_districts as x on x.district_code = sc.district_code
    join size as sz on sz.year = ps.year and sz.school_code = ps.school_code
    left join district_demand as dd
        on dd.year = ps.year and dd.industry_code = ps.industry_code and dd.level = sc.level
        and dd.district_code = sc.district_code
    left join area_demand as ad
        on ad.year = ps.year and ad.industry_code = ps.industry_code and ad.level = sc.level
        and ad.area_group = x.area_group
    left join peaks as pk on pk.year = ps.year and pk.industry_code = ps.industry_code and pk.level = sc.level
),

weighted as (
    select
        *,
        (
            getvariable('recommend_w_adjacency') * adjacency_score
            + getvariable('recommend_w_proximity') * proximity_score
            + getvariable('recommend_w_size') * size_score
        ) / (
            getvariable('recommend_w_adjacency') + getvariable('recommend_w_proximity') + getvariable('recommend_w_size')
        ) as score
    from scored
)

select
    *,
    row_number() over (partition by year, industry_code order by score desc, students desc, school_code) as rank
from weighted
