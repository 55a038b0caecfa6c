-- How many postings carry each distinct title, employer and industry hint: what a rule matching
-- the value matches (mart_posting_rules). Counted over every posting each night would read all
-- their texts again; a night adds its new postings and takes away the copies they replaced.
-- incremental: sums by field, value
-- grain: field, value
select field, value, count(*)::INTEGER as postings
from (
    select 'title' as field, title as value from raw_postings
    union all
    select 'employer', employer from raw_postings
    union all
    select 'industry_hint', industry_hint from raw_postings where industry_hint is not null
)
group by field, value
