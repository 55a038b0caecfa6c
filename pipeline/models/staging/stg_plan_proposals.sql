-- The proposals tracked against the actual plan (闭环跟踪): per plan year, school and major, the base
-- plan (the year before), the proposed plan and the change between them. A row that changes nothing
-- proposes nothing and is left out; a base plan of 0 is a programme proposed to open.
-- grain: plan_year, school_code, major_code
-- not null: plan, proposed, proposed_change, new_programme
-- references: school_code -> dim_school
-- references: major_code -> dim_major
select
    plan_year,
    cast(school_code as VARCHAR) as school_code,
    cast(major_code as VARCHAR) as major_code,
    plan,
    proposed,
    proposed - plan as proposed_change,
    plan = 0 as new_programme,
    cast(industry_code as VARCHAR) as industry_code,
    graduation_year,
    future_gap,
    future_gap_planned,
    cast(snapshot as VARCHAR) as snapshot,
    cast(proposed_at as VARCHAR) as proposed_at
from raw_plan_proposals
where proposed <> plan
