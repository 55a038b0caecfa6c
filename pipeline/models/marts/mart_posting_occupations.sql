-- The two axes of the postings side by side, per year × month × occupation × industry ×
-- confidence: the occupation the title names (major group of the 国家职业分类大典 2022, 0 and ''
-- when no occupation word), the industry the rules give (scope key), or outside the key industries
-- (scope outside), or none (scope unclassified), and how sure the classification is.
-- A night of new postings recomputes only the months they (and the copies they replace) fall in.
-- incremental: partitions year, month
-- grain: year, month, major_group, occupation, industry_code, scope, confidence
-- accepted values: scope in (key, outside, unclassified)
select
    year,
    month,
    coalesce(major_group, 0)::INTEGER as major_group,
    coalesce(occupation, '') as occupation,
    coalesce(industry_code, '') as industry_code,
    case when industry_code is not null then 'key' when outside then 'outside' else 'unclassified' end as scope,
    coalesce(confidence, '') as confidence,
    count(*)::INTEGER as postings,
    sum(headcount)::INTEGER as posting_openings
from int_posting_classified
group by all
