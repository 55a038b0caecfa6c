-- Which rules match which distinct field values. Titles, employers and industry hints repeat over
-- thousands of postings, so the keyword search runs once per distinct value, not per posting.
-- A nightly run with only new postings matches only their field values (see run-models.ts).
-- incremental: unique key field, value
with field_values as (
    select distinct 'title' as field, title as value from raw_postings
    union all
    select distinct 'employer' as field, employer as value from raw_postings
    union all
    select distinct 'industry_hint' as field, industry_hint as value from raw_postings
    where industry_hint is not null
)

select
    v.field,
    v.value,
    r.rule_id,
    r.priority,
    r.industry_code,
    r.segment_code
from field_values as v
inner join int_posting_rules as r
    on r.field = v.field and contains(lower(v.value), r.keyword_lower)
