-- The classification rules as the posting models use them: the rules file's and the employer
-- table's, whose entries are rules on the employer field with priority 30 (after the title words,
-- before the employer name words). Keywords and exclude words are lower-cased once, as the words
-- of raw_posting_words are. A rule without an industry places a posting outside the key industries.
-- grain: rule_id
-- not null: priority, field, keyword_lower, exclude_words, source
-- The posting marts write '' for no industry, so the rules' codes are checked here.
-- references: industry_code -> dim_industry
-- references: (industry_code, segment_code) -> dim_segment
-- accepted values: field in (title, employer, industry_hint)
select
    rule_id,
    priority,
    field,
    keyword,
    lower(keyword) as keyword_lower,
    list_filter(string_split(lower(coalesce("exclude", '')), '|'), w -> w <> '') as exclude_words,
    industry_code,
    segment_code,
    rationale,
    'rules' as source
from raw_posting_rules

union all

select
    'employer:' || employer,
    30,
    'employer',
    employer,
    lower(employer),
    []::VARCHAR[],
    industry_code,
    segment_code,
    rationale,
    'employers'
from raw_posting_employers
