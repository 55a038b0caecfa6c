-- Graduates one more seat of a planner option adds to each industry in its graduation year:
-- completion rate × crosswalk weight × retention, as supply at graduation counts them.
-- grain: school_code, major_code, industry_code
-- not null: year, per_seat
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- references: industry_code -> dim_industry
select
    o.school_code,
    o.major_code,
    o.year,
    mi.industry_code,
    o.completion_rate * mi.weight * getvariable('supply_retention') as per_seat
from mart_plan_options as o
join int_major_industry as mi using (major_code)
where mi.weight > 0
