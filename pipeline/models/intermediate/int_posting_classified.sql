-- Every posting once, classified: of the rules its title, employer or industry hint match, the one
-- with the lowest priority number (then the lowest rule_id) fires and is recorded as rule_id. The
-- best rule is found per distinct field value first, so each posting only compares three. A posting
-- no rule matches keeps industry_code NULL and classified = false: counted and listed, never
-- dropped. Vocational postings ask for a vocational level (secondary, higher, bachelor), as the
-- aggregated demand counts them. The texts stay in raw_postings (join on posting_id): copying them
-- here would double the cost of the model.
-- A nightly run with only new postings classifies only those (see run-models.ts).
-- incremental: unique key posting_id
-- grain: posting_id
with best as (
    select field, value, {'priority': priority, 'rule_id': rule_id} as rank_key
    from int_posting_rule_matches
    qualify row_number() over (partition by field, value order by priority, rule_id) = 1
),

fired as (
    select
        p.posting_id,
        least(t.rank_key, e.rank_key, h.rank_key).rule_id as rule_id
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
    f.rule_id,
    r.industry_code,
    r.segment_code,
    f.rule_id is not null as classified
from raw_postings as p
inner join fired as f on f.posting_id = p.posting_id
left join int_posting_rules as r on r.rule_id = f.rule_id
