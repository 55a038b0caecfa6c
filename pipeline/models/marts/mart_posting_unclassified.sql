-- Titles of the postings no rule classifies, most frequent first, for analysts improving the rules:
-- how many postings and openings each stands for, its share of all the year's postings (the shares
-- add up to the year's share unclassified), and the industry hint its postings carry most often.
-- grain: year, title
with unclassified as (
    select c.year, p.title, p.employer, p.industry_hint, c.headcount
    from int_posting_classified as c
    inner join raw_postings as p on p.posting_id = c.posting_id
    where not c.classified
),

year_postings as (
    select year, count(*) as postings from int_posting_classified group by year
),

hints as (
    select year, title, industry_hint, count(*) as n
    from unclassified
    where industry_hint is not null
    group by year, title, industry_hint
    qualify row_number() over (partition by year, title order by n desc, industry_hint) = 1
),

titles as (
    select
        year,
        title,
        count(*) as postings,
        sum(headcount) as posting_openings,
        count(distinct employer) as employers
    from unclassified
    group by year, title
)

select
    t.year,
    t.title,
    t.postings::INTEGER as postings,
    t.posting_openings::INTEGER as posting_openings,
    t.employers::INTEGER as employers,
    coalesce(h.industry_hint, '') as top_industry_hint,
    (t.postings / y.postings)::DOUBLE as share_of_postings,
    row_number() over (partition by t.year order by t.postings desc, t.title)::INTEGER as rank
from titles as t
inner join year_postings as y on y.year = t.year
left join hints as h on h.year = t.year and h.title = t.title
