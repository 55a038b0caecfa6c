-- No posting is lost between raw_postings and the marts: per year, classified postings (by
-- industry, and by the rule that fired) plus unclassified ones add up to every posting.
with counted as (
    select year, count(*) as postings, sum(headcount) as posting_openings
    from int_posting_classified group by year
),

classified as (
    select year, sum(postings) as postings, sum(posting_openings) as posting_openings
    from mart_posting_demand group by year
),

unclassified as (
    select year, sum(postings) as postings, sum(posting_openings) as posting_openings
    from mart_posting_unclassified group by year
),

by_industry as (
    select year, sum(postings) as postings, any_value(unclassified_postings) as unclassified
    from mart_industry_postings group by year
)

select c.year, c.postings, k.postings as classified, u.postings as unclassified, i.postings as by_industry
from counted as c
left join classified as k on k.year = c.year
left join unclassified as u on u.year = c.year
left join by_industry as i on i.year = c.year
where coalesce(k.postings, 0) + coalesce(u.postings, 0) <> c.postings
    or coalesce(k.posting_openings, 0) + coalesce(u.posting_openings, 0) <> c.posting_openings
    or coalesce(i.postings, 0) <> coalesce(k.postings, 0)
    or coalesce(i.unclassified, 0) <> coalesce(u.postings, 0)
union all
select null, (select count(*) from raw_postings), (select sum(fired) from mart_posting_rules), null, null
where (select count(*) from raw_postings) <> (select count(*) from int_posting_classified)
    or (select coalesce(sum(fired), 0) from mart_posting_rules)
        <> (select count(*) from int_posting_classified where classified)
