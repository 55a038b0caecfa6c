-- Active programme points (专业点) with the school's level, district and ownership (the dashboard's
-- filters). Graduates not reported are estimated as students ÷ programme length and flagged; a point
-- of the 备案 listing without figures carries its estimated students (stg_programmes), flagged too.
select
    p.year,
    p.school_code,
    p.major_code,
    s.level,
    s.district_code,
    s.ownership,
    p.students,
    p.figures_estimated,
    coalesce(p.graduates_reported, p.students / m.duration_years) as graduates,
    p.graduates_reported is null as graduates_estimated,
    p.employment_rate,
    m.digital,
    ms.key_matched
from stg_programmes as p
join stg_schools as s using (school_code)
join stg_majors as m using (major_code)
join int_major_served as ms using (major_code)
where p.status = 'active'
