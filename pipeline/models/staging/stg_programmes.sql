-- Programme rows (专业点 × year). Reported graduates are renamed so that `graduates` downstream
-- always means "reported, or estimated where missing".
-- grain: year, school_code, major_code
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- accepted values: status in (active, suspended, closed)
select
    cast(year as INTEGER) as year,
    cast(school_code as VARCHAR) as school_code,
    cast(major_code as VARCHAR) as major_code,
    cast(plan as INTEGER) as plan,
    cast(enrolled as INTEGER) as enrolled,
    cast(students as INTEGER) as students,
    cast(graduates as INTEGER) as graduates_reported,
    cast(employment_rate as DOUBLE) as employment_rate,
    cast(status as VARCHAR) as status,
    -- The catalogue the row's code was read in ('2021', or higher-2015 / secondary-2010 for
    -- history carried to its 2021 successor) and the code as the file gave it there.
    cast(catalogue as VARCHAR) as catalogue,
    cast(source_major_code as VARCHAR) as source_major_code
from raw_programmes
