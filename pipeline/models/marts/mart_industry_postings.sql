-- Demand from postings beside the aggregated demand, per year × industry, for the years the
-- postings feed covers. Two sources in separate columns, never added together: demand is the
-- aggregated openings (mart_industry), posting_openings the headcount of classified postings,
-- vocational_posting_openings of those asking for a vocational level (comparable with demand).
-- share_unclassified is the year's: unclassified postings ÷ all postings; share_outside likewise
-- for the postings the rules place outside the key industries.
-- grain: year, industry_code
-- references: industry_code -> dim_industry
with years as (
    select
        year,
        count(*) as postings,
        count(*) filter (where not classified) as unclassified,
        count(*) filter (where outside) as outside
    from int_posting_classified
    group by year
),

postings as (
    select
        year,
        industry_code,
        count(*) as postings,
        sum(headcount) as posting_openings,
        coalesce(sum(headcount) filter (where vocational), 0) as vocational_posting_openings
    from int_posting_classified
    where industry_code is not null
    group by year, industry_code
)

select
    y.year,
    i.industry_code,
    i.name_zh,
    i.name_en,
    coalesce(a.demand, 0)::INTEGER as demand,
    coalesce(p.postings, 0)::INTEGER as postings,
    coalesce(p.posting_openings, 0)::INTEGER as posting_openings,
    coalesce(p.vocational_posting_openings, 0)::INTEGER as vocational_posting_openings,
    (p.vocational_posting_openings / nullif(a.demand, 0))::DOUBLE as posting_share_of_demand,
    y.unclassified::INTEGER as unclassified_postings,
    (y.unclassified / y.postings)::DOUBLE as share_unclassified,
    y.outside::INTEGER as outside_postings,
    (y.outside / y.postings)::DOUBLE as share_outside
from years as y
cross join dim_industry as i
left join mart_industry as a on a.year = y.year and a.industry_code = i.industry_code
left join postings as p on p.year = y.year and p.industry_code = i.industry_code
