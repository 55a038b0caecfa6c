-- Dimension: the loaded industries with the same columns, for the dashboard's labels and filters.
-- grain: industry_code
select * from stg_industries
