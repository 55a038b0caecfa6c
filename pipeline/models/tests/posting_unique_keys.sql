-- The posting models have one row per key of their grain; a posting is classified once.
select 'int_posting_classified' as model, posting_id as row_key, count(*) as copies
from int_posting_classified group by posting_id having count(*) > 1
union all
select 'mart_posting_demand', concat_ws('|', year, month, industry_code, district_code, education), count(*)
from mart_posting_demand group by year, month, industry_code, district_code, education having count(*) > 1
union all
select 'mart_posting_unclassified', concat_ws('|', year, title), count(*)
from mart_posting_unclassified group by year, title having count(*) > 1
union all
select 'mart_posting_rules', rule_id, count(*) from mart_posting_rules group by rule_id having count(*) > 1
union all
select 'mart_industry_postings', concat_ws('|', year, industry_code), count(*)
from mart_industry_postings group by year, industry_code having count(*) > 1
