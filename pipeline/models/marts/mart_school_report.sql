-- School × major for the latest year: every active programme labelled expand / keep / review,
-- plus up to recommend_max_open_per_school majors the school lacks ('open') that serve a shortage
-- industry within its own 专业大类. Each row carries the figures behind its label and a reason.
-- One source for a school's advice: the label agrees with the candidate lists (mart_recommendation)
-- and with the signal of the industry the row names.
--   expand: the school is a listed candidate to expand a shortage industry through this major;
--   review: otherwise, its main industry is oversupplied, or its employment rate is below
--           recommend_review_employment_below unless that industry is balanced (a balanced
--           industry is never advised a cut);
--   expand: otherwise, its main industry is short;
--   keep:   otherwise (balanced, no demand recorded, or no industry served).
-- grain: year, school_code, major_code
-- unique: school_code, position
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

-- anchor majors of a shortage industry in the school's 专业大类 that it does not offer; a major
-- serving several shortage industries is suggested once, for its heaviest-weighted one
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
        c.rank as candidate_rank,
        -- figures as the dashboard prints them: fill ratios and thresholds as percentages, halves rounded up
        format('{:.1f}%', round(i.fill_ratio * 100, 1)) as fill_text,
        format('{:.0f}%', round(getvariable('signal_shortage_below') * 100)) as shortage_text,
        format('{:.0f}%', round(getvariable('signal_oversupply_above') * 100)) as oversupply_text,
        coalesce(format('就业率{:.1f}%。', round(r.employment_rate * 100, 1)), '') as employment_zh,
        coalesce(format('Employment rate {:.1f}%. ', round(r.employment_rate * 100, 1)), '') as employment_en
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
    plan::INTEGER as plan,
    employment_rate,
    fill_ratio,
    industry_code,
    industry_name,
    industry_signal,
    industry_fill_ratio,
    industry_gap,
    coalesce(industries_zh, '') as industries,
    candidate_rank::INTEGER as candidate_rank,
    case label
        when 'expand' then format('{}供需比{}，低于{}（供给不足），缺口{:,}人。', industry_name,
                fill_text, shortage_text,
                round(industry_gap)::INTEGER)
            || coalesce(format('本校列该产业候选院校第{}位。', candidate_rank), '') || employment_zh || '建议扩大招生。'
        when 'review' then
            case when industry_signal = 'oversupply'
                then format('{}供需比{}，高于{}（供给过剩）。', industry_name, fill_text,
                    oversupply_text)
                else '' end
            || case when employment_rate < getvariable('recommend_review_employment_below')
                then format('就业率{:.1f}%，低于{:.1f}%。', round(employment_rate * 100, 1),
                    getvariable('recommend_review_employment_below') * 100)
                else employment_zh end
            || '建议论证调减招生或调整培养方向。'
        when 'keep' then
            case
                when industry_code is null then '未对应所列产业，无供需比可依。'
                when industry_fill_ratio is null then format('{}当年无岗位需求数据。', industry_name)
                else format('{}供需比{}，处于{}–{}之间（基本平衡）。', industry_name, fill_text,
                    shortage_text,
                    oversupply_text)
            end
            || case when employment_rate < getvariable('recommend_review_employment_below')
                then format('就业率{:.1f}%，低于{:.1f}%，宜关注就业质量。', round(employment_rate * 100, 1),
                    getvariable('recommend_review_employment_below') * 100)
                else employment_zh end
            || '建议保持现有规模。'
        else format('{}供需比{}、缺口{:,}人（供给不足）；本校已开设{}的专业{}。建议论证开设。', industry_name,
            fill_text, round(industry_gap)::INTEGER, division_name,
            case when same_category then format('，且已有{}专业', category_name) else '' end)
            || coalesce(format('本校列{}候选院校第{}位。', industry_name, candidate_rank), '')
    end as reason_zh,
    case label
        when 'expand' then format('{} is filled at {}, below {} (shortage), a gap of {:,} graduates. ', industry_name_en,
                fill_text, shortage_text,
                round(industry_gap)::INTEGER)
            || coalesce(format('The school is candidate no. {} for it. ', candidate_rank), '') || employment_en || 'Expand intake.'
        when 'review' then
            case when industry_signal = 'oversupply'
                then format('{} is filled at {}, above {} (oversupply). ', industry_name_en,
                    fill_text, oversupply_text)
                else '' end
            || case when employment_rate < getvariable('recommend_review_employment_below')
                then format('Employment rate {:.1f}% is below {:.1f}%. ', round(employment_rate * 100, 1),
                    getvariable('recommend_review_employment_below') * 100)
                else employment_en end
            || 'Review: reduce intake or reorient the programme.'
        when 'keep' then
            case
                when industry_code is null then 'Serves none of the listed industries. '
                when industry_fill_ratio is null then format('No demand recorded for {} this year. ', industry_name_en)
                else format('{} is filled at {}, within {}–{} (balanced). ', industry_name_en,
                    fill_text, shortage_text,
                    oversupply_text)
            end
            || case when employment_rate < getvariable('recommend_review_employment_below')
                then format('Employment rate {:.1f}% is below {:.1f}%: watch job placement. ', round(employment_rate * 100, 1),
                    getvariable('recommend_review_employment_below') * 100)
                else employment_en end
            || 'Keep.'
        else format('{} is filled at {}, a gap of {:,} graduates (shortage); the school already offers majors of {}{}. '
            || 'Consider opening it.', industry_name_en, fill_text, round(industry_gap)::INTEGER,
            division_name, case when same_category then format(', including {}', category_name) else '' end)
            || coalesce(format(' Ranked {} among candidate schools for {}.', candidate_rank, industry_name_en), '')
    end as reason_en
from described
