-- School × year: how many of a school's majors another school of the same district also offers.
-- Only secondary schools are held to the city's overlap cap.
-- grain: year, school_code
-- not null: overlap_share, over_cap
-- references: school_code -> dim_school
-- references: district_code -> dim_district
with offered as (
    select distinct year, school_code, district_code, major_code
    from int_programme_points
),

shared as (
    select year, district_code, major_code, count(*) as schools
    from offered
    group by year, district_code, major_code
),

per_school as (
    select
        o.year,
        o.school_code,
        count(*)::INTEGER as majors,
        count(*) filter (where sh.schools > 1)::INTEGER as overlapping_majors
    from offered as o
    join shared as sh using (year, district_code, major_code)
    group by o.year, o.school_code
)

select
    p.year,
    p.school_code,
    s.school_name,
    s.level,
    s.district_code,
    p.majors,
    p.overlapping_majors,
    p.overlapping_majors / p.majors as overlap_share,
    s.level = 'secondary' and overlap_share > getvariable('concentration_overlap_cap') as over_cap
from per_school as p
join stg_schools as s using (school_code)
