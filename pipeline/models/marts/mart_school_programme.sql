-- Every active programme point of every year with what a school page shows beside it.
-- grain: year, school_code, major_code
-- compression: text dictionary
-- not null: graduates, industries, key_matched
-- references: school_code -> dim_school
-- references: major_code -> dim_major
select
    pp.year,
    pp.school_code,
    pp.major_code,
    m.major_name,
    m.category_name,
    m.division_name,
    pp.students,
    pp.figures_estimated,
    pp.graduates,
    pp.graduates_estimated,
    pp.employment_rate,
    ms.industries,
    pp.key_matched
from int_programme_points as pp
join stg_majors as m using (major_code)
join int_major_served as ms using (major_code)
