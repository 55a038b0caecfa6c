-- Recommendation marts hold only the values the reports and the dashboard can label, the columns
-- every row needs are filled, the paired columns agree (expand ⇔ already offers an anchor major),
-- and a major suggested to open is in the catalogue in the intake the advice is for (year + 1).
select 'mart_recommendation' as model, recommendation_id as row_key, 'unknown value or missing field' as problem
from mart_recommendation
where action not in ('expand', 'open') or adjacency not in ('mapped', 'category')
    or proximity not in ('district', 'area', 'none') or (action = 'expand') <> (adjacency = 'mapped')
    or recommendation_id is null or suggested_major_code is null or suggested_majors is null
    or score is null or rank is null
    -- the figures its reason is worded from
    or industry_name is null or industry_name_en is null or fill_ratio is null or gap is null or district_name is null
    or area_group is null
union all
select 'mart_school_report', concat_ws('|', school_code, major_code), 'unknown label or missing field'
from mart_school_report
where label not in ('expand', 'keep', 'review', 'open') or offered <> (label <> 'open')
    or recommendation_id is null or position is null or industries is null
    or (label = 'open' and industry_signal is distinct from 'shortage')
    -- the figures its reason is worded from
    or (label = 'open') <> (same_category is not null)
    or (label in ('expand', 'open') and (industry_fill_ratio is null or industry_gap is null))
    or (industry_code is not null and (industry_name is null or industry_name_en is null))
union all
select 'mart_loop_detail', recommendation_id, 'unknown outcome'
from mart_loop_detail
where outcome not in ('opened', 'expanded', 'reduced', 'not_acted') or acted <> (outcome in ('opened', 'expanded'))
    or follow_year <> year + 1
union all
select 'mart_recommendation', r.recommendation_id, 'suggests opening ' || r.major_code || ', not in the catalogue in ' || (r.year + 1)
from (select recommendation_id, year, unnest(string_split(suggested_major_codes, ',')) as major_code
      from mart_recommendation where action = 'open') as r
join stg_majors as m using (major_code)
where m.added_in > r.year + 1 or m.valid_to < r.year + 1
union all
select 'mart_school_report', concat_ws('|', s.school_code, s.major_code), 'suggests opening a major not in the catalogue in ' || (s.year + 1)
from mart_school_report as s
join stg_majors as m using (major_code)
where s.label = 'open' and (m.added_in > s.year + 1 or m.valid_to < s.year + 1)
