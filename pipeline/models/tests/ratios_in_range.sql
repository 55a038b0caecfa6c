-- Ratios, shares and scores stay in their documented ranges; parts never exceed their wholes.
select 'mart_industry' as model, concat_ws('|', year, industry_code) as row_key, 'ratio or score out of range' as problem
from mart_industry
where fill_ratio < 0 or demand_ratio < 0 or supply < 0 or supply_estimated > supply + 1e-9
    or chain_coverage not between 0 and 1 or segments_covered > segments_total
    or urgency not between 0 and 1 or shortage_score not between 0 and 1 or tightness_score not between 0 and 1
    or tier_score not between 0 and 1 or growth_score not between 0 and 1
union all
select 'mart_overview', concat_ws('|', year, level, district_code, ownership), 'part exceeds whole'
from mart_overview
where matched_points > programme_points or matched_students > students or digital_students > students
    or estimated_graduates > graduates + 1e-9 or schools > programme_points
union all
select 'mart_major', concat_ws('|', year, major_code), 'share out of range'
from mart_major where share not between 0 and 1
union all
select 'mart_concentration', year::VARCHAR, 'concentration out of range'
from mart_concentration where top_n_share not between 0 and 1 or hhi not between 0 and 10000
union all
select 'mart_school_overlap', concat_ws('|', year, school_code), 'overlap out of range'
from mart_school_overlap where overlap_share not between 0 and 1 or overlapping_majors > majors
union all
select 'mart_lag', industry_code, 'correlation out of range'
from mart_lag where correlation not between -1 - 1e-9 and 1 + 1e-9
union all
select 'mart_funding', major_code, 'coefficient outside the funding band'
from mart_funding
where coefficient not between getvariable('funding_band_low') and getvariable('funding_band_high')
    or urgency not between 0 and 1
union all
select 'mart_school_programme', concat_ws('|', year, school_code, major_code), 'employment rate out of range'
from mart_school_programme where employment_rate not between 0 and 1
