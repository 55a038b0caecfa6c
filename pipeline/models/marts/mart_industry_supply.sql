-- Programme point × industry it supplies: what is behind an industry's supply, for the dashboard's
-- drill-down from an industry to its majors and the schools offering them. Rows add up to
-- mart_supply_slice (same supply, same level, district and ownership of the school). Each point says
-- whether its graduates, or its students too (a 备案 listing row without figures), are estimated.
-- grain: year, industry_code, school_code, major_code
-- compression: text dictionary
-- not null: school_name, major_name, level, district_code, ownership, weight, graduates, supply, figures_estimated, graduates_estimated
-- references: industry_code -> dim_industry
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- references: district_code -> dim_district
select
    pi.year,
    pi.industry_code,
    pi.school_code,
    s.school_name,
    pi.major_code,
    m.major_name,
    pi.level,
    pi.district_code,
    pi.ownership,
    pi.weight,
    pp.graduates::DOUBLE as graduates,
    pi.supply::DOUBLE as supply,
    pp.figures_estimated,
    pp.graduates_estimated
from int_point_industry as pi
join int_programme_points as pp using (year, school_code, major_code)
join stg_schools as s using (school_code)
join stg_majors as m using (major_code)
where pi.weight > 0
