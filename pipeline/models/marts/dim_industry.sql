-- Dimension: the loaded industries with the same columns, for the dashboard's labels and filters.
select * from stg_industries
