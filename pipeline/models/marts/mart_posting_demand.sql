-- Demand from job postings per year × month × industry × district × education asked for:
-- postings and the openings they carry (headcount). Postings of the key industries only; the
-- unclassified are listed in mart_posting_unclassified, those outside the key industries counted in
-- mart_industry_postings. Shown beside the aggregated demand, never added to it.
-- A night of new postings recomputes only the months they (and the copies they replace) fall in.
-- incremental: partitions year, month
-- grain: year, month, industry_code, district_code, education
-- compression: text dictionary
-- references: industry_code -> dim_industry
-- references: district_code -> dim_district
select
    year,
    month,
    industry_code,
    district_code,
    education,
    count(*)::INTEGER as postings,
    sum(headcount)::INTEGER as posting_openings
from int_posting_classified
where industry_code is not null
group by year, month, industry_code, district_code, education
