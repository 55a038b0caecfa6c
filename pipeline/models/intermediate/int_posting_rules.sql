-- The classification rules as the posting models use them: keywords lower-cased once, so a
-- keyword matches whatever the case of the posting's text ("smt" finds "SMT贴片操作员").
select
    rule_id,
    priority,
    field,
    keyword,
    lower(keyword) as keyword_lower,
    industry_code,
    segment_code
from raw_posting_rules
