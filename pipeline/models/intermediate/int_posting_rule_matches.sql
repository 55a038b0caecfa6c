-- Which rules match which distinct field values: a value matches a rule when one of its words is
-- the rule's keyword (an employer also by its whole name) and none of its words is one of the
-- rule's exclude words. Titles, employers and hints repeat over thousands of postings, so the
-- matching runs once per distinct value, on the words raw_posting_words holds for it.
-- A nightly run with only new postings matches only the values new to the warehouse (see run-models.ts).
-- incremental: unique key field, value
-- grain: field, value, rule_id
-- not null: priority
with words as (
    select distinct field, value, unnest(words) as word from raw_posting_words
    union
    select field, value, lower(value) from raw_posting_words where field = 'employer'
),

hits as (
    select w.field, w.value, r.rule_id, r.priority, r.industry_code, r.segment_code, r.exclude_words
    from words as w
    inner join int_posting_rules as r on r.field = w.field and r.keyword_lower = w.word
)

select
    h.field,
    h.value,
    h.rule_id,
    h.priority,
    h.industry_code,
    h.segment_code
from hits as h
inner join raw_posting_words as v on v.field = h.field and v.value = h.value
where not list_has_any(v.words, h.exclude_words)
