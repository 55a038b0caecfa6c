-- Every posting once, on two axes. Industry: of the rules its title, employer or industry hint
-- match, the one with the lowest priority number (then the lowest rule_id) fires and is recorded
-- as rule_id; a rule without an industry places the posting outside the key industries
-- (classified, industry_code NULL, outside = true). A platform label whose parts name different
-- industries (计算机/互联网/通信/电子) says nothing. The best rule is found per distinct field value
-- first, so each posting only compares three. A posting no rule matches keeps classified = false:
-- counted and listed, never dropped. Occupation: the one its title names (int_posting_occupations).
-- Confidence: high when the employer table placed it or two of its fields agree on the industry,
-- medium when one field names it, low when only a cross-cutting title does (priority at or above
-- postings_cross_cutting_priority). Vocational postings ask for a vocational level (secondary,
-- higher, bachelor), as the aggregated demand counts them. The texts stay in raw_postings (join on
-- posting_id): copying them here would double the cost of the model. Only an unclassified
-- posting (a few per cent) keeps its title, employer and hint here, for mart_posting_unclassified
-- to list without reading every posting's texts. Each posting goes through the rule lookups with
-- its columns: joining the lookups' result back to raw_postings by posting_id cost a third of the
-- model.
-- A nightly run with only new postings classifies only those (see run-models.ts).
-- incremental: unique key posting_id
-- grain: posting_id
-- compression: text dictionary, posting_id fsst, unclassified_title fsst, unclassified_employer fsst, unclassified_hint fsst
with ranked as (
    -- Each rule's place in the order rules fire (lowest priority number, then lowest rule_id): a
    -- posting compares three integers, not three (priority, rule_id) pairs.
    select *, row_number() over (order by priority, rule_id)::INTEGER as rank
    from int_posting_rules
),

best as (
    select m.field, m.value, coalesce(m.industry_code, '') as industry, r.rank
    from int_posting_rule_matches as m
    join ranked as r using (rule_id)
    qualify row_number() over (partition by m.field, m.value order by r.rank) = 1
        and (m.field <> 'industry_hint'
            or min(coalesce(m.industry_code, '')) over (partition by m.field, m.value)
                = max(coalesce(m.industry_code, '')) over (partition by m.field, m.value))
),

-- One lookup per distinct title: its best rule and the occupation it names.
title_facts as (
    select coalesce(b.value, o.title) as title, b.industry, b.rank, o.occupation, o.major_group
    from (select value, industry, rank from best where field = 'title') as b
    full join int_posting_occupations as o on o.title = b.value
),

fired as (
    select
        p.*,
        least(t.rank, e.rank, h.rank) as rank,
        t.occupation,
        t.major_group,
        t.industry as title_industry,
        e.industry as employer_industry,
        h.industry as hint_industry
    from raw_postings as p
    left join title_facts as t on t.title = p.title
    left join best as e on e.field = 'employer' and e.value = p.employer
    left join best as h on h.field = 'industry_hint' and h.value = p.industry_hint
)

select
    p.posting_id,
    p.posted_on,
    year(p.posted_on)::INTEGER as year,
    month(p.posted_on)::INTEGER as month,
    p.district_code,
    p.headcount,
    p.education,
    p.education <> 'other' as vocational,
    r.rule_id,
    r.industry_code,
    r.segment_code,
    p.rank is not null as classified,
    p.rank is not null and r.industry_code is null as outside,
    case
        when p.rank is null then null
        when r.source = 'employers' or coalesce(p.title_industry = coalesce(r.industry_code, ''), false)::INTEGER
            + coalesce(p.employer_industry = coalesce(r.industry_code, ''), false)::INTEGER
            + coalesce(p.hint_industry = coalesce(r.industry_code, ''), false)::INTEGER >= 2 then 'high'
        when r.priority < getvariable('postings_cross_cutting_priority') then 'medium'
        else 'low'
    end as confidence,
    p.occupation,
    p.major_group,
    case when p.rank is null then p.title end as unclassified_title,
    case when p.rank is null then p.employer end as unclassified_employer,
    case when p.rank is null then p.industry_hint end as unclassified_hint
from fired as p
left join ranked as r on r.rank = p.rank
