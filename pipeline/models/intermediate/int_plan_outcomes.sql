-- The outcomes of the tracked proposals (int_plan_followed) counted per plan year and industry, the
-- proposals whose major serves no industry in a row of their own (industry_code NULL):
-- mart_plan_tracking reads the industries' rows and mart_plan_tracking_city adds up every row, so
-- the two count alike.
-- unique: plan_year, industry_code
-- not null: plan_year, proposals, followed, partly, not_acted, opposite, new_proposed, new_opened, seats_proposed, seats_changed
select
    plan_year,
    industry_code,
    count(*)::INTEGER as proposals,
    count(*) filter (where outcome = 'followed')::INTEGER as followed,
    count(*) filter (where outcome = 'partly')::INTEGER as partly,
    count(*) filter (where outcome = 'not_acted')::INTEGER as not_acted,
    count(*) filter (where outcome = 'opposite')::INTEGER as opposite,
    count(*) filter (where new_programme)::INTEGER as new_proposed,
    count(*) filter (where opened)::INTEGER as new_opened,
    sum(proposed_change)::INTEGER as seats_proposed,
    sum(actual_change)::INTEGER as seats_changed,
    max(snapshot) as snapshot,
    max(proposed_at) as proposed_at
from int_plan_followed
group by plan_year, industry_code
