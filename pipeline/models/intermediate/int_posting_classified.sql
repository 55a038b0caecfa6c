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
with best as (
    select field, value, coalesce(industry_code, '') as industry, {'priority': priority, 'rule_id': rule_id} as rank_key
    from int_posting_rule_matches
    qualify row_number() over (partition by field, value order by priority, rule_id) = 1
        and (field <> 'industry_hint'
            or min(coalesce(industry_code, '')) over (partition by field, value)
                = max(coalesce(industry_code, '')) over (partition by field, value))
),

fired as (
    select
        p.*,
        least(t.rank_key, e.rank_key, h.rank_key).rule_id as rule_id,
        list_filter([t.industry, e.industry, h.industry], x -> x is not null) as industries
    from raw_postings as p
    left join best as t on t.field = 'title' and t.value = p.title
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
    p.rule_id,
    r.industry_code,
    r.segment_code,
    p.rule_id is not null as classified,
    p.rule_id is not null and r.industry_code is null as outside,
    case
        when p.rule_id is null then null
        when r.source = 'employers' or len(list_filter(p.industries, x -> x = coalesce(r.industry_code, ''))) >= 2 then 'high'
        when r.priority < getvariable('postings_cross_cutting_priority') then 'medium'
        else 'low'
    end as confidence,
    o.occupation,
    o.major_group,
    case when p.rule_id is null then p.title end as unclassified_title,
    case when p.rule_id is null then p.employer end as unclassified_employer,
    case when p.rule_id is null then p.industry_hint end as unclassified_hint
from fired as p
left join int_posting_rules as r on r.rule_id = p.rule_id
left join int_posting_occupations as o on o.title = p.title
