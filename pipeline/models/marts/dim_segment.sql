-- Dimension: the loaded industry_segments with the same columns, for the dashboard's labels and filters.
select * from stg_industry_segments
