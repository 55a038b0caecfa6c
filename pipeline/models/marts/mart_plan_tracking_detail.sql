-- Loop tracking of the proposed plan, per proposal (int_plan_followed) with the names the dashboard
-- and the reports show: the proposed and the actual plan of plan_year and the outcome.
-- grain: plan_year, school_code, major_code
-- not null: school_name, major_name, plan, proposed, actual, proposed_change, actual_change, new_programme, opened, outcome
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- references: industry_code -> dim_industry
-- accepted values: outcome in (followed, partly, not_acted, opposite)
select
    f.plan_year,
    f.school_code,
    s.school_name,
    f.major_code,
    m.major_name,
    f.industry_code,
    f.graduation_year,
    f.plan,
    f.proposed,
    f.actual,
    f.proposed_change,
    f.actual_change,
    f.new_programme,
    f.opened,
    f.outcome
from int_plan_followed as f
join stg_schools as s using (school_code)
join stg_majors as m using (major_code)
