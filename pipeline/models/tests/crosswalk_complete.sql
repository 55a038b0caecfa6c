-- Every catalogue major has a crosswalk: rows of its own, or its 专业类's defaults, which are either
-- weights or the one explicit "serves none" row (empty industry and segment, weight 0), never both.
select 'stg_majors' as model, m.major_code as row_key, 'no crosswalk rows and no default for ' || m.category_code as problem
from stg_majors as m
where m.major_code not in (select major_code from raw_crosswalk)
    and m.category_code not in (select category_code from raw_crosswalk_defaults)
union all
select 'raw_crosswalk_defaults', category_code, 'serves none and has weights'
from raw_crosswalk_defaults
group by category_code
having count(*) filter (where industry_code is null) > 0 and count(*) > 1
union all
select 'raw_crosswalk_defaults', concat_ws('|', category_code, industry_code, segment_code), 'weight ' || weight
from raw_crosswalk_defaults
where (industry_code is null) <> (segment_code is null) or (industry_code is null) <> (weight = 0)
