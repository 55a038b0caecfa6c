-- What the rules do not classify, for analysts improving them: the titles (as classified, campaign
-- text and places taken out, so 急招普工(包吃住) and 普工 are one line) and the employers of the
-- unclassified postings, most frequent first, the first postings_unclassified_listed of each per
-- year: how many postings and openings each stands for, its share of all the year's postings, and
-- the industry hint its postings carry most often.
-- grain: year, field, value
-- accepted values: field in (title, employer)
with unclassified as (
    select year, unclassified_title as title, unclassified_employer as employer, unclassified_hint as industry_hint, headcount
    from int_posting_classified
    where not classified
),

listed as (
    select u.year, 'title' as field, coalesce(nullif(w.clean, ''), u.title) as value, u.industry_hint, u.headcount
    from unclassified as u
    left join raw_posting_words as w on w.field = 'title' and w.value = u.title
    union all
    select year, 'employer', employer, industry_hint, headcount
    from unclassified
),

year_postings as (
    select year, count(*) as postings from int_posting_classified group by year
),

hints as (
    select year, field, value, industry_hint, count(*) as n
    from listed
    where industry_hint is not null
    group by year, field, value, industry_hint
    qualify row_number() over (partition by year, field, value order by n desc, industry_hint) = 1
),

grouped as (
    select year, field, value, count(*) as postings, sum(headcount) as posting_openings
    from listed
    group by year, field, value
),

ranked as (
    select
        g.year,
        g.field,
        g.value,
        g.postings::INTEGER as postings,
        g.posting_openings::INTEGER as posting_openings,
        coalesce(h.industry_hint, '') as top_industry_hint,
        (g.postings / y.postings)::DOUBLE as share_of_postings,
        row_number() over (partition by g.year, g.field order by g.postings desc, g.value)::INTEGER as rank
    from grouped as g
    inner join year_postings as y on y.year = g.year
    left join hints as h on h.year = g.year and h.field = g.field and h.value = g.value
)

select * from ranked
where rank <= getvariable('postings_unclassified_listed')
