-- Loop tracking of the proposed plan per plan year and industry: how many of the proposals serving
-- the industry (int_plan_followed) were followed, partly followed, not acted on or met by the
-- opposite change (the four add up to proposals); the programmes proposed to open and those opened;
-- the seats the proposals changed by and the seats the same programmes actually changed by; and the
-- industry's future gap in the graduation years the proposals aimed at: as forecast when they were
-- proposed, without the plan (gap_at_proposal) and with it (gap_planned), and as forecast now, with
-- the actual plans and the newer demand outlook (gap_now). gap_change = gap_now − gap_at_proposal
-- (> 0: more graduates missing); gap_narrowed = |gap_at_proposal| − |gap_now| (> 0: closer to
-- balance, for a shortage as for a surplus, the two the planner weighs). Gap columns sum the distinct
-- graduation years; a proposal without archived gaps (a file that does not carry them) leaves
-- gap_at_proposal, gap_planned and what is computed from them NULL.
-- Proposals whose major serves no industry count only in mart_plan_tracking_city. The counts are
-- int_plan_outcomes', which the city-wide mart adds up.
-- grain: plan_year, industry_code
-- not null: name_zh, name_en, proposals, followed, partly, not_acted, opposite, new_proposed, new_opened, seats_proposed, seats_changed
-- references: industry_code -> dim_industry
with years as (
    select plan_year, industry_code, graduation_year,
        -- one forecast per industry and year: every row of the pair carries the same archived figure
        any_value(future_gap) as future_gap,
        any_value(future_gap_planned) as future_gap_planned
    from int_plan_followed
    where industry_code is not null
    group by all
),

gaps as (
    select
        y.plan_year,
        y.industry_code,
        -- NULL when any targeted year lacks the archived figure: a partial sum would look like a move
        case when count(y.future_gap) = count(*) then sum(y.future_gap) end as gap_at_proposal,
        case when count(y.future_gap_planned) = count(*) then sum(y.future_gap_planned) end as gap_planned,
        case when count(g.future_gap) = count(*) then sum(g.future_gap) end as gap_now
    from years as y
    left join mart_future_gap as g on g.industry_code = y.industry_code and g.year = y.graduation_year
    group by all
)

select
    o.plan_year,
    o.industry_code,
    i.name_zh,
    i.name_en,
    o.proposals,
    o.followed,
    o.partly,
    o.not_acted,
    o.opposite,
    o.followed / o.proposals as share_followed,
    o.new_proposed,
    o.new_opened,
    o.seats_proposed,
    o.seats_changed,
    g.gap_at_proposal,
    g.gap_planned,
    g.gap_now,
    g.gap_now - g.gap_at_proposal as gap_change,
    abs(g.gap_at_proposal) - abs(g.gap_now) as gap_narrowed
from int_plan_outcomes as o
join stg_industries as i using (industry_code)
join gaps as g using (plan_year, industry_code)
