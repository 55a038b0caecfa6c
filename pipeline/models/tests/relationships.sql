-- Every code points at a row of its dimension: inputs (a point dropped by a join would otherwise
-- vanish silently) and the marts the dashboard joins to the dimensions.
select 'raw_programmes' as model, concat_ws('|', year, school_code, major_code) as row_key, 'unknown school' as problem
from stg_programmes where school_code not in (select school_code from dim_school)
union all
select 'raw_programmes', concat_ws('|', year, school_code, major_code), 'unknown major'
from stg_programmes where major_code not in (select major_code from dim_major)
union all
select 'raw_schools', school_code, 'unknown district'
from dim_school where district_code not in (select district_code from dim_district)
union all
select 'raw_crosswalk', concat_ws('|', major_code, industry_code, segment_code), 'unknown major'
from stg_crosswalk where major_code not in (select major_code from dim_major)
union all
select 'raw_crosswalk', concat_ws('|', c.major_code, c.industry_code, c.segment_code), 'unknown segment'
from stg_crosswalk as c anti join dim_segment as g using (industry_code, segment_code)
union all
select 'raw_industry_segments', concat_ws('|', industry_code, segment_code), 'unknown industry'
from dim_segment where industry_code not in (select industry_code from dim_industry)
union all
select 'raw_demand', concat_ws('|', year, district_code, industry_code, level), 'unknown district or industry'
from stg_demand
where district_code not in (select district_code from dim_district)
    or industry_code not in (select industry_code from dim_industry)
union all
select 'mart_school_programme', concat_ws('|', year, school_code, major_code), 'unknown school or major'
from mart_school_programme
where school_code not in (select school_code from dim_school) or major_code not in (select major_code from dim_major)
union all
select 'mart_supply_slice', concat_ws('|', year, industry_code, district_code), 'unknown industry or district'
from mart_supply_slice
where industry_code not in (select industry_code from dim_industry)
    or district_code not in (select district_code from dim_district)
union all
select 'mart_overview', concat_ws('|', year, level, district_code, ownership), 'unknown district'
from mart_overview where district_code not in (select district_code from dim_district)
