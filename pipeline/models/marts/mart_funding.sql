-- Funding coefficient proposal (生均拨款系数) per major offered in the latest year:
-- base × cost factor of the major's cost tier × (1 + α × urgency), clipped to the band, where
-- urgency is the weight-averaged urgency of the industries the major is mapped to (0 when none).
-- The students and budget impact that rest on estimated students (备案 listing rows without figures)
-- are given apart, so the budget can say how much of it is an estimate.
-- grain: major_code
-- not null: cost_factor, urgency, coefficient, budget_impact, estimated_students, budget_impact_estimated
-- references: major_code -> dim_major
with latest as (
    select max(year) as year from int_programme_points
),

enrolment as (
    select
        year,
        major_code,
        sum(students)::INTEGER as students,
        coalesce(sum(students) filter (where figures_estimated), 0)::INTEGER as estimated_students
    from int_programme_points
    where year = (select year from latest)
    group by year, major_code
),

served as (
    -- exact decimal sums: the average does not depend on the order of the rows
    select
        mi.major_code,
        (sum((mi.weight * u.urgency)::DECIMAL(38, 12)) / sum(mi.weight::DECIMAL(38, 12)))::DOUBLE as urgency
    from int_major_industry as mi
    join mart_industry as u
        on u.industry_code = mi.industry_code and u.year = (select year from latest)
    where mi.mapped
    group by mi.major_code
),

priced as (
    select
        e.year,
        e.major_code,
        m.major_name,
        m.level,
        m.cost_tier,
        case m.cost_tier
            when 1 then getvariable('funding_cost_factor_1')
            when 2 then getvariable('funding_cost_factor_2')
            when 3 then getvariable('funding_cost_factor_3')
        end as cost_factor,
        e.students,
        e.estimated_students,
        coalesce(s.urgency, 0) as urgency
    from enrolment as e
    join stg_majors as m using (major_code)
    left join served as s using (major_code)
)

select
    p.*,
    greatest(
        getvariable('funding_band_low'),
        least(
            getvariable('funding_band_high'),
            getvariable('funding_base') * p.cost_factor * (1 + getvariable('funding_alpha') * p.urgency)
        )
    ) as coefficient,
    p.students * getvariable('funding_per_student_base') * (coefficient - 1) as budget_impact,
    p.estimated_students * getvariable('funding_per_student_base') * (coefficient - 1) as budget_impact_estimated
from priced as p
