-- One row per catalogue major: whether it serves a key industry (the match rate counts any weight
-- above 0) and the names of the industries it is mapped to, heaviest weight first.
-- grain: major_code
-- not null: key_matched, industries
select
    m.major_code,
    coalesce(bool_or(mi.key and mi.weight > 0), false) as key_matched,
    coalesce(
        string_agg(i.name_zh, '、' order by mi.weight desc, mi.industry_code) filter (where mi.mapped), ''
    ) as industries
from stg_majors as m
left join int_major_industry as mi using (major_code)
left join stg_industries as i using (industry_code)
group by m.major_code
