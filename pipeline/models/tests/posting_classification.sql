-- per row of: int_posting_classified
-- A classified posting carries a rule that exists and the rule's industry (and segment, which
-- belongs to that industry), or none when the rule places it outside the key industries, and a
-- confidence; an unclassified one carries neither rule, industry nor confidence.
select c.posting_id, c.rule_id, c.industry_code, c.segment_code
from int_posting_classified as c
left join int_posting_rules as r on r.rule_id = c.rule_id
left join dim_segment as s on s.industry_code = c.industry_code and s.segment_code = c.segment_code
where (c.classified and (r.rule_id is null or c.industry_code is distinct from r.industry_code
        or c.segment_code is distinct from r.segment_code
        or (c.segment_code is not null and s.segment_code is null)
        or c.outside <> (c.industry_code is null)
        or c.confidence not in ('high', 'medium', 'low')))
    or (not c.classified and (c.rule_id is not null or c.industry_code is not null or c.outside or c.confidence is not null))
