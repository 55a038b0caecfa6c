-- Each dimension and mart has exactly one row per key of its grain.
select 'dim_district' as model, district_code as row_key, count(*) as copies
from dim_district group by district_code having count(*) > 1
union all
select 'dim_major', major_code, count(*) from dim_major group by major_code having count(*) > 1
union all
select 'dim_school', school_code, count(*) from dim_school group by school_code having count(*) > 1
union all
select 'dim_industry', industry_code, count(*) from dim_industry group by industry_code having count(*) > 1
union all
select 'dim_segment', concat_ws('|', industry_code, segment_code), count(*)
from dim_segment group by industry_code, segment_code having count(*) > 1
union all
select 'mart_overview', concat_ws('|', year, level, district_code, ownership), count(*)
from mart_overview group by year, level, district_code, ownership having count(*) > 1
union all
select 'mart_industry', concat_ws('|', year, industry_code), count(*)
from mart_industry group by year, industry_code having count(*) > 1
union all
select 'mart_supply_slice', concat_ws('|', year, industry_code, level, district_code, ownership), count(*)
from mart_supply_slice group by year, industry_code, level, district_code, ownership having count(*) > 1
union all
select 'mart_demand_slice', concat_ws('|', year, industry_code, level, district_code), count(*)
from mart_demand_slice group by year, industry_code, level, district_code having count(*) > 1
union all
select 'mart_segment', concat_ws('|', year, industry_code, segment_code), count(*)
from mart_segment group by year, industry_code, segment_code having count(*) > 1
union all
select 'mart_major', concat_ws('|', year, major_code), count(*)
from mart_major group by year, major_code having count(*) > 1
union all
select 'mart_concentration', year::VARCHAR, count(*) from mart_concentration group by year having count(*) > 1
union all
select 'mart_school_overlap', concat_ws('|', year, school_code), count(*)
from mart_school_overlap group by year, school_code having count(*) > 1
union all
select 'mart_lag', industry_code, count(*) from mart_lag group by industry_code having count(*) > 1
union all
select 'mart_funding', major_code, count(*) from mart_funding group by major_code having count(*) > 1
union all
select 'mart_school', school_code, count(*) from mart_school group by school_code having count(*) > 1
union all
select 'mart_school_programme', concat_ws('|', year, school_code, major_code), count(*)
from mart_school_programme group by year, school_code, major_code having count(*) > 1
