-- Dimension: the loaded industry_segments with the same columns, for the dashboard's labels and filters.
-- grain: industry_code, segment_code
-- references: industry_code -> dim_industry
-- accepted values: stage in (upstream, midstream, downstream, service)
select * from stg_industry_segments
