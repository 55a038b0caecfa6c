-- Loop tracking of the proposed plan, city-wide per plan year: the counts and seats of
-- mart_plan_tracking over every proposal (also those whose major serves no industry), where the
-- proposal came from, and how many industries' future gap came closer to balance (gap_narrowed > 0)
-- of those with both gap figures (industries_with_gap). The counts add up int_plan_outcomes' rows,
-- those of the industries and that of the proposals serving none.
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
    o.plan_year,
    sum(o.proposals)::INTEGER as proposals,
    sum(o.followed)::INTEGER as followed,
    sum(o.partly)::INTEGER as partly,
    sum(o.not_acted)::INTEGER as not_acted,
    sum(o.opposite)::INTEGER as opposite,
    sum(o.followed) / sum(o.proposals) as share_followed,
    sum(o.new_proposed)::INTEGER as new_proposed,
    sum(o.new_opened)::INTEGER as new_opened,
    sum(o.seats_proposed)::INTEGER as seats_proposed,
    sum(o.seats_changed)::INTEGER as seats_changed,
    coalesce(any_value(i.industries), 0)::INTEGER as industries,
    coalesce(any_value(i.industries_narrowed), 0)::INTEGER as industries_narrowed,
    coalesce(any_value(i.industries_with_gap), 0)::INTEGER as industries_with_gap,
    max(o.snapshot) as snapshot,
    max(o.proposed_at) as proposed_at
from int_plan_outcomes as o
left join industries as i using (plan_year)
group by o.plan_year
