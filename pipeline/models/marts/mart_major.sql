-- Major × year among active points: how widely each major is offered. rank 1 is the most offered;
-- ties are broken by students, then code, so the top-N share always counts exactly N majors.
-- grain: year, major_code
-- not null: major_name, share, rank, duplicated, industries
-- references: major_code -> dim_major
with offered as (
    select
        year,
        major_code,
        count(distinct school_code) as schools,
        count(*) as programme_points,
        sum(students) as students
    from int_programme_points
    group by year, major_code
)

select
    o.year,
    o.major_code,
    m.major_name,
    m.level,
    m.division_name,
    m.category_name,
    o.schools::INTEGER as schools,
    o.programme_points::INTEGER as programme_points,
    o.students::INTEGER as students,
    o.programme_points / sum(o.programme_points) over (partition by o.year) as share,
    row_number() over (
        partition by o.year order by o.programme_points desc, o.students desc, o.major_code
    )::INTEGER as rank,
    o.schools > getvariable('concentration_duplicated_above_schools') as duplicated,
    ms.industries
from offered as o
join stg_majors as m using (major_code)
join int_major_served as ms using (major_code)
