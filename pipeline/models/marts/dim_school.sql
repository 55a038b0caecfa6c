-- Dimension: the loaded schools with the same columns, for the dashboard's labels and filters.
-- grain: school_code
-- references: district_code -> dim_district
-- accepted values: level in (secondary, higher, bachelor)
-- accepted values: ownership in (public, private)
select * from stg_schools
