-- Shortage industry × year × active programme point in the same 专业类 as an anchor major of the
-- industry (int_recommend_anchor) that the catalogue has in the following year's intake: the points
-- that make a school a candidate to respond. `mapped`: the point's own major is an anchor, so the
-- school can expand rather than open.
-- grain: year, industry_code, school_code, major_code
-- not null: category_code, mapped
-- The anchors' 专业类 open in each shortage year are found first: with its range conditions inside the
-- semi join, DuckDB compared every point with every anchor (a nested loop).
with open_category as (
    select distinct s.year, s.industry_code, c.category_code
    from int_industry_balance as s
    join int_recommend_anchor as c using (industry_code)
    where s.signal = 'shortage'
        and coalesce(c.added_in, s.year + 1) <= s.year + 1 and coalesce(c.valid_to, s.year + 1) >= s.year + 1
)

select
    o.year,
    o.industry_code,
    pp.school_code,
    pp.major_code,
    m.major_name,
    m.category_code,
    pp.students,
    a.major_code is not null as mapped
from open_category as o
join int_programme_points as pp on pp.year = o.year
join stg_majors as m on m.major_code = pp.major_code and m.category_code = o.category_code
left join int_recommend_anchor as a on a.industry_code = o.industry_code and a.major_code = pp.major_code
