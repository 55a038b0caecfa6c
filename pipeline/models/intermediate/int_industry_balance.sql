-- City-wide industry × year: coverage, supply against demand, demand ratio with small-cell
-- suppression, chain coverage and urgency. Every threshold is a policy variable. Published as
-- mart_industry; the recommendation models read it here, so no intermediate model reads a mart.
-- The rules of its other columns are those of mart_industry, which publishes it whole.
-- grain: year, industry_code
with chain as (
    select
        year,
        industry_code,
        count(*)::INTEGER as segments_total,
        count(*) filter (where covered)::INTEGER as segments_covered,
        coalesce(
            string_agg(
                segment_name, '、'
                order by array_position(['upstream', 'midstream', 'downstream', 'service'], stage), segment_code
            ) filter (where not covered),
            ''
        ) as uncovered_segments
    from int_segment_year
    group by year, industry_code
),

measures as (
    select
        iy.*,
        iy.openings as demand,
        iy.openings - iy.supply as gap,
        -- To 9 decimals: a weighted supply carries binary residue (32.8 ÷ 41 = 0.7999…), and a ratio
        -- exactly on a signal threshold must read as on it. The dashboard rounds alike (lib/balance.ts).
        case when iy.openings > 0 then round(iy.supply / iy.openings, 9) end as fill_ratio,
        iy.openings < getvariable('signal_min_openings') as suppressed,
        case when not suppressed and iy.seekers > 0 then iy.openings / iy.seekers end as demand_ratio,
        coalesce(demand_ratio > getvariable('signal_tight_above'), false) as tight,
        case
            when lag(iy.year) over w = iy.year - 1 and lag(iy.openings) over w > 0
                then (iy.openings - lag(iy.openings) over w) / lag(iy.openings) over w
        end as demand_growth
    from int_industry_year as iy
    window w as (partition by iy.industry_code order by iy.year)
),

scored as (
    select
        m.*,
        i.name_zh,
        i.name_en,
        i.key,
        i.tier,
        greatest(0, least(1, coalesce(1 - m.fill_ratio, 0))) as shortage_score,
        least(1, coalesce(m.demand_ratio, 0) / getvariable('urgency_tightness_cap')) as tightness_score,
        case when i.key then (3 - i.tier) / 2 else 0 end as tier_score,
        greatest(0, least(1, coalesce(m.demand_growth, 0) / getvariable('urgency_growth_cap'))) as growth_score
    from measures as m
    join stg_industries as i using (industry_code)
)

select
    s.year,
    s.industry_code,
    s.name_zh,
    s.name_en,
    s.key,
    s.tier,
    s.schools,
    s.programme_points,
    s.supply,
    s.supply_estimated,
    s.demand,
    s.gap,
    s.fill_ratio,
    case
        when s.demand = 0 then 'no_demand'
        when s.fill_ratio < getvariable('signal_shortage_below') then 'shortage'
        when s.fill_ratio > getvariable('signal_oversupply_above') then 'oversupply'
        else 'balanced'
    end as signal,
    s.openings,
    s.seekers,
    s.demand_ratio,
    s.suppressed,
    s.tight,
    coalesce(c.segments_total, 0) as segments_total,
    coalesce(c.segments_covered, 0) as segments_covered,
    c.segments_covered / c.segments_total as chain_coverage,
    coalesce(c.uncovered_segments, '') as uncovered_segments,
    s.demand_growth,
    s.shortage_score::DOUBLE as shortage_score,
    s.tightness_score::DOUBLE as tightness_score,
    s.tier_score::DOUBLE as tier_score,
    s.growth_score::DOUBLE as growth_score,
    (
        getvariable('urgency_w_shortage') * s.shortage_score
        + getvariable('urgency_w_tightness') * s.tightness_score
        + getvariable('urgency_w_tier') * s.tier_score
        + getvariable('urgency_w_growth') * s.growth_score
    ) / (
        getvariable('urgency_w_shortage') + getvariable('urgency_w_tightness')
        + getvariable('urgency_w_tier') + getvariable('urgency_w_growth')
    ) as urgency
from scored as s
left join chain as c using (year, industry_code)
