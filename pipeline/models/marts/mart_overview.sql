-- Year × level × district × ownership totals of active programme points. Every column adds up, so
-- the dashboard filters by summing rows: match rate = matched_points ÷ programme_points, enrolment-
-- weighted match rate = matched_students ÷ students, digital share = digital_students ÷ students.
-- grain: year, level, district_code, ownership
-- not null: programme_points, students, graduates
-- references: district_code -> dim_district
select
    year,
    level,
    district_code,
    ownership,
    count(distinct school_code)::INTEGER as schools,
    count(*)::INTEGER as programme_points,
    count(*) filter (where key_matched)::INTEGER as matched_points,
    sum(students)::INTEGER as students,
    count(*) filter (where figures_estimated)::INTEGER as estimated_points,
    coalesce(sum(students) filter (where figures_estimated), 0)::INTEGER as estimated_students,
    coalesce(sum(students) filter (where key_matched), 0)::INTEGER as matched_students,
    coalesce(sum(students) filter (where digital), 0)::INTEGER as digital_students,
    -- exact decimal sums: estimated graduates are fractions, and a DOUBLE sum's last digits vary with the order rows arrive in
    sum(graduates::DECIMAL(38, 12))::DOUBLE as graduates,
    coalesce(sum(graduates::DECIMAL(38, 12)) filter (where graduates_estimated), 0)::DOUBLE as estimated_graduates
from int_programme_points
group by year, level, district_code, ownership
