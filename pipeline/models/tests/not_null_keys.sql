-- Key and always-defined columns are never NULL (NULL is reserved for "not computable").
select 'mart_overview' as model, concat_ws('|', year, level, district_code, ownership) as row_key
from mart_overview
where year is null or level is null or district_code is null or ownership is null or programme_points is null
    or students is null or graduates is null
union all
select 'mart_industry', concat_ws('|', year, industry_code) from mart_industry
where year is null or industry_code is null or name_zh is null or supply is null or demand is null or gap is null
    or signal is null or suppressed is null or tight is null or uncovered_segments is null or urgency is null
union all
select 'mart_supply_slice', concat_ws('|', year, industry_code) from mart_supply_slice
where year is null or industry_code is null or level is null or district_code is null or ownership is null
    or supply is null
union all
select 'mart_demand_slice', concat_ws('|', year, industry_code) from mart_demand_slice
where year is null or industry_code is null or level is null or district_code is null or demand is null
union all
select 'mart_segment', concat_ws('|', year, industry_code, segment_code) from mart_segment
where year is null or industry_code is null or segment_code is null or segment_name is null or covered is null
union all
select 'mart_major', concat_ws('|', year, major_code) from mart_major
where year is null or major_code is null or major_name is null or share is null or rank is null
    or duplicated is null or industries is null
union all
select 'mart_concentration', year::VARCHAR from mart_concentration
where year is null or top_n_share is null or hhi is null
union all
select 'mart_school_overlap', concat_ws('|', year, school_code) from mart_school_overlap
where year is null or school_code is null or overlap_share is null or over_cap is null
union all
select 'mart_lag', industry_code from mart_lag
where industry_code is null or years_available is null or strength is null
union all
select 'mart_funding', major_code from mart_funding
where major_code is null or cost_factor is null or urgency is null or coefficient is null or budget_impact is null
union all
select 'mart_school', school_code from mart_school
where school_code is null or school_name is null or district_name is null or programme_points is null
union all
select 'mart_school_programme', concat_ws('|', year, school_code, major_code) from mart_school_programme
where year is null or school_code is null or major_code is null or graduates is null or industries is null
    or key_matched is null
