-- Every classification rule (the employer table's entries among them) with its reason and its
-- effect on the postings: how many it matches and how many it classified (fired). A rule that
-- matches but never fires is shadowed by a higher-priority one; a rule that matches nothing may be
-- misspelt or not a word of its own. A rule searches one field, so the postings it matches are
-- those carrying one of the values it matches in that field. industry_code is '' for a rule that
-- places postings outside the key industries.
-- grain: rule_id
with matched as (
    select m.rule_id, sum(c.postings) as matched
    from int_posting_rule_matches as m
    inner join int_posting_value_counts as c on c.field = m.field and c.value = m.value
    group by m.rule_id
),

fired as (
    select rule_id, count(*) as fired, sum(headcount) as posting_openings
    from int_posting_classified
    where classified
    group by rule_id
)

select
    r.rule_id,
    r.priority,
    r.field,
    r.keyword,
    array_to_string(r.exclude_words, '|') as exclude,
    coalesce(r.industry_code, '') as industry_code,
    coalesce(r.segment_code, '') as segment_code,
    r.rationale,
    coalesce(m.matched, 0)::INTEGER as matched,
    coalesce(f.fired, 0)::INTEGER as fired,
    coalesce(f.posting_openings, 0)::INTEGER as posting_openings
from int_posting_rules as r
left join matched as m on m.rule_id = r.rule_id
left join fired as f on f.rule_id = r.rule_id
