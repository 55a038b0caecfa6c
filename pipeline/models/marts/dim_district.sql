-- Dimension: the loaded districts with the same columns, for the dashboard's labels and filters.
-- grain: district_code
select * from stg_districts
