-- No posting is lost between raw_postings and the marts: per year, postings of the key industries
-- (by industry, and by the rule that fired), those outside them and the unclassified add up to
-- every posting, on both axes; the unclassified listed never exceed the unclassified.
with counted as (
    select
        year,
        count(*) as postings,
        sum(headcount) as posting_openings,
        count(*) filter (where not classified) as unclassified,
        count(*) filter (where outside) as outside
    from int_posting_classified group by year
),

classified as (
    select year, sum(postings) as postings, sum(posting_openings) as posting_openings
    from mart_posting_demand group by year
),

listed as (
    select year, field, sum(postings) as postings
    from mart_posting_unclassified group by year, field
),

by_industry as (
    select year, sum(postings) as postings, any_value(unclassified_postings) as unclassified,
        any_value(outside_postings) as outside
    from mart_industry_postings group by year
),

by_occupation as (
    select year, sum(postings) as postings, sum(postings) filter (where scope = 'key') as key_postings
    from mart_posting_occupations group by year
)

select c.year, c.postings, k.postings as classified, c.unclassified, i.postings as by_industry
from counted as c
left join classified as k on k.year = c.year
left join by_industry as i on i.year = c.year
left join by_occupation as o on o.year = c.year
where coalesce(k.postings, 0) + c.unclassified + c.outside <> c.postings
    or coalesce(i.postings, 0) <> coalesce(k.postings, 0)
    or coalesce(i.unclassified, 0) <> c.unclassified
    or coalesce(i.outside, 0) <> c.outside
    or o.postings <> c.postings
    or coalesce(o.key_postings, 0) <> coalesce(k.postings, 0)
    or exists (select 1 from listed as l where l.year = c.year and l.postings > c.unclassified)
union all
select null, (select count(*) from raw_postings), (select sum(fired) from mart_posting_rules), null, null
where (select count(*) from raw_postings) <> (select count(*) from int_posting_classified)
    or (select coalesce(sum(fired), 0) from mart_posting_rules)
        <> (select count(*) from int_posting_classified where classified)
