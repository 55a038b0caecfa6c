-- One row per school for the latest year: its size, graduates, key-industry match and overlap.
-- A school with no active point that year stays listed with zeros and no overlap share.
-- grain: school_code
-- not null: school_name, district_name, programme_points
-- references: school_code -> dim_school
-- references: district_code -> dim_district
with latest as (
    select max(year) as year from int_programme_points
),

points as (
    select
        school_code,
        count(*) as programme_points,
        sum(students) as students,
        sum(graduates::DECIMAL(38, 12))::DOUBLE as graduates,
        count(*) filter (where key_matched) as matched_points
    from int_programme_points
    where year = (select year from latest)
    group by school_code
)

select
    (select year from latest) as year,
    s.school_code,
    s.school_name,
    s.level,
    s.district_code,
    d.district_name,
    s.ownership,
    coalesce(p.programme_points, 0)::INTEGER as programme_points,
    coalesce(p.students, 0)::INTEGER as students,
    coalesce(p.graduates, 0)::DOUBLE as graduates,
    coalesce(p.matched_points, 0)::INTEGER as matched_points,
    o.overlap_share
from stg_schools as s
join stg_districts as d using (district_code)
left join points as p using (school_code)
left join mart_school_overlap as o on o.school_code = s.school_code and o.year = (select year from latest)
