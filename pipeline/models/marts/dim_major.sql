-- Dimension: the loaded majors with the same columns, for the dashboard's labels and filters.
-- grain: major_code
-- accepted values: level in (secondary, higher, bachelor)
select * from stg_majors
