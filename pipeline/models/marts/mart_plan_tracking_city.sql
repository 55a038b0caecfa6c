-- Loop tracking of the proposed plan, city-wide per plan year: the counts and seats of
-- mart_plan_tracking over every proposal (also those whose major serves no industry), where the
-- proposal came from, and how many industries' future gap came closer to balance (gap_narrowed > 0)
-- of those with both gap figures (industries_with_gap).
-- grain: plan_year
-- not null: proposals, followed, partly, not_acted, opposite, new_proposed, new_opened, seats_proposed, seats_changed, industries, industries_narrowed
with industries as (
    select
        plan_year,
        count(*)::INTEGER as industries,
        count(*) filter (where gap_narrowed > 0)::INTEGER as industries_narrowed,
        count(gap_narrowed)::INTEGER as industries_with_gap
    from mart_plan_tracking
    group by plan_year
)

select
    f.plan_year,
    count(*)::INTEGER as proposals,
    count(*) filter (where f.outcome = 'followed')::INTEGER as followed,
    count(*) filter (where f.outcome = 'partly')::INTEGER as partly,
    count(*) filter (where f.outcome = 'not_acted')::INTEGER as not_acted,
    count(*) filter (where f.outcome = 'opposite')::INTEGER as opposite,
    count(*) filter (where f.outcome = 'followed') / count(*) as share_followed,
    count(*) filter (where f.new_programme)::INTEGER as new_proposed,
    count(*) filter (where f.opened)::INTEGER as new_opened,
    sum(f.proposed_change)::INTEGER as seats_proposed,
    sum(f.actual_change)::INTEGER as seats_changed,
    coalesce(any_value(i.industries), 0)::INTEGER as industries,
    coalesce(any_value(i.industries_narrowed), 0)::INTEGER as industries_narrowed,
    coalesce(any_value(i.industries_with_gap), 0)::INTEGER as industries_with_gap,
    max(f.snapshot) as snapshot,
    max(f.proposed_at) as proposed_at
from int_plan_followed as f
left join industries as i using (plan_year)
group by f.plan_year
