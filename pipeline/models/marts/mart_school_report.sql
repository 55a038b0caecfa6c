-- School × major for the latest year: every active programme labelled expand / keep / review,
-- plus up to recommend_max_open_per_school majors the school lacks ('open') that serve a shortage
-- industry within its own 专业大类. Each row carries the figures behind its label; the reason is worded
-- from them where it is shown (pipeline/shared/advice.ts).
-- One source for a school's advice: the label agrees with the candidate lists (mart_recommendation)
-- and with the signal of the industry the row names.
--   expand: the school is a listed candidate to expand a shortage industry through this major;
--   review: otherwise, its main industry is oversupplied, or its employment rate is below
--           recommend_review_employment_below unless that industry is balanced (a balanced
--           industry is never advised a cut);
--   expand: otherwise, its main industry is short;
--           An industry served by none of the listed ones is not balanced either.
--   keep:   otherwise (balanced, no demand recorded, or no industry served and employment not low).
-- figures_estimated / graduates_estimated say which of a row's figures are estimates (NULL on 'open' rows).
-- grain: year, school_code, major_code
-- unique: school_code, position
-- references: school_code -> dim_school
-- references: major_code -> dim_major
-- references: industry_code -> dim_industry
with latest as (
    select max(year) as year from int_programme_points
),

-- the majors a listed 'expand' candidacy names, each for its best-ranked industry
candidacy as (
    select year, school_code, major_code, industry_code, rank
    from (
        select r.year, r.school_code, unnest(string_split(r.suggested_major_codes, ',')) as major_code,
            r.industry_code, r.rank, r.urgency
        from mart_recommendation as r
        where r.action = 'expand' and r.year = (select year from latest)
    )
    qualify row_number() over (partition by school_code, major_code order by rank, urgency desc, industry_code) = 1
),

offered as (
    select
        pp.year,
        pp.school_code,
        pp.major_code,
        pp.students,
        pp.graduates,
        pp.figures_estimated,
        pp.graduates_estimated,
        p.plan,
        pp.employment_rate,
        f.fill_ratio,
        coalesce(c.industry_code, f.industry_code) as industry_code,
        f.industries_zh,
        f.industries_en,
        case
            when c.industry_code is not null then 'expand'
            when i.signal = 'oversupply' then 'review'
            when pp.employment_rate < getvariable('recommend_review_employment_below')
                and i.signal is distinct from 'balanced' then 'review'
            when i.signal = 'shortage' then 'expand'
            else 'keep'
        end as label
    from int_programme_points as pp
    join stg_programmes as p using (year, school_code, major_code)
    left join int_recommend_major_fill as f using (year, major_code)
    left join candidacy as c using (year, school_code, major_code)
    left join mart_industry as i on i.year = pp.year and i.industry_code = coalesce(c.industry_code, f.industry_code)
    where pp.year = (select year from latest) and p.status = 'active'
),

school_majors as (
    select distinct o.year, o.school_code, s.level, m.division_code, m.category_code
    from offered as o
    join stg_schools as s using (school_code)
    join stg_majors as m using (major_code)
),

-- anchor majors of a shortage industry in the school's 专业大类 that it does not offer and the
-- catalogue has in the next intake; a major serving several shortage industries is suggested once,
-- for its heaviest-weighted one
missing as (
    select
        sd.year,
        sd.school_code,
        a.major_code,
        a.industry_code,
        a.weight,
        i.urgency,
        sc.category_code is not null as same_category
    from (select distinct year, school_code, level, division_code from school_majors) as sd
    join int_recommend_anchor as a on a.division_code = sd.division_code and a.level = sd.level
        and coalesce(a.added_in, sd.year + 1) <= sd.year + 1 and coalesce(a.valid_to, sd.year + 1) >= sd.year + 1
    join mart_industry as i on i.industry_code = a.industry_code and i.year = sd.year and i.signal = 'shortage'
    left join (select distinct school_code, category_code from school_majors) as sc
        on sc.school_code = sd.school_code and sc.category_code = a.category_code
    anti join offered as o on o.school_code = sd.school_code and o.major_code = a.major_code
    qualify row_number() over (
        partition by sd.school_code, a.major_code order by a.weight desc, i.urgency desc, a.industry_code
    ) = 1
),

open_rows as (
    select
        m.year,
        m.school_code,
        m.major_code,
        null::INTEGER as students,
        null::DOUBLE as graduates,
        null::INTEGER as plan,
        null::DOUBLE as employment_rate,
        f.fill_ratio,
        m.industry_code,
        f.industries_zh,
        f.industries_en,
        'open' as label,
        m.same_category,
        -- same 专业类 as a major the school offers first, then the more urgent industry, the heavier weight
        row_number() over (
            partition by m.school_code order by m.same_category desc, m.urgency desc, m.weight desc, m.major_code
        ) as open_rank
    from missing as m
    left join int_recommend_major_fill as f using (year, major_code)
    qualify open_rank <= getvariable('recommend_max_open_per_school')
),

rows as (
    select * from offered
    union all by name
    select * from open_rows
),

described as (
    select
        r.*,
        s.school_name,
        mj.major_name,
        mj.category_name,
        mj.division_name,
        i.name_zh as industry_name,
        i.name_en as industry_name_en,
        i.signal as industry_signal,
        i.fill_ratio as industry_fill_ratio,
        i.gap as industry_gap,
        c.rank as candidate_rank
    from rows as r
    join stg_schools as s using (school_code)
    join stg_majors as mj using (major_code)
    left join mart_industry as i using (year, industry_code)
    left join int_recommend_candidates as c
        on c.year = r.year and c.industry_code = r.industry_code and c.school_code = r.school_code
        and c.rank <= getvariable('recommend_max_candidates')
)

select
    year,
    school_code,
    school_name,
    major_code,
    major_name,
    category_name,
    division_name,
    label,
    left(md5(concat_ws('|', year, school_code, major_code, label)), 12) as recommendation_id,
    label <> 'open' as offered,
    row_number() over (
        partition by school_code
        order by array_position(['expand', 'open', 'review', 'keep'], label), students desc nulls last, open_rank,
            major_code
    )::INTEGER as position,
    students::INTEGER as students,
    graduates::DOUBLE as graduates,
    figures_estimated,
    graduates_estimated,
    plan::INTEGER as plan,
    employment_rate,
    fill_ratio,
    industry_code,
    industry_name,
    industry_name_en,
    industry_signal,
    industry_fill_ratio,
    industry_gap,
    coalesce(industries_zh, '') as industries,
    candidate_rank::INTEGER as candidate_rank,
    same_category
from described
