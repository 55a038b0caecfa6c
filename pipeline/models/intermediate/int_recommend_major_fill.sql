-- Major × year: the industries a major serves. Its main industry (the heaviest-weighted one) is the
-- one a programme's expand / keep / review label rests on; fill_ratio, shown beside it, is the
-- weight-averaged fill ratio of the industries the major is mapped to that have demand that year
-- (NULL when none has). Reads int_industry_balance so that the fill ratio and signal have one definition.
-- The weighted sums are exact decimals, so the average does not depend on the order of the rows.
-- grain: year, major_code
-- not null: industry_code, industries_zh, industries_en
select
    i.year,
    mi.major_code,
    (sum((mi.weight * i.fill_ratio)::DECIMAL(38, 12)) filter (where i.fill_ratio is not null)
        / sum(mi.weight::DECIMAL(38, 12)) filter (where i.fill_ratio is not null))::DOUBLE as fill_ratio,
    arg_min(mi.industry_code, (-mi.weight, mi.industry_code)) as industry_code,
    -- lists sorted by struct (heaviest weight first, then code): much faster than string_agg(… order by)
    array_to_string(list_transform(list_sort(list({
        'weight': -mi.weight, 'code': mi.industry_code,
        'text': i.name_zh || ' ' || coalesce(printf('%.1f%%', round(i.fill_ratio * 100, 1)), '无需求数据')
    })), x -> x.text), '、') as industries_zh,
    array_to_string(list_transform(list_sort(list({
        'weight': -mi.weight, 'code': mi.industry_code,
        'text': i.name_en || ' ' || coalesce(printf('%.1f%%', round(i.fill_ratio * 100, 1)), 'no demand data')
    })), x -> x.text), ', ') as industries_en
from int_major_industry as mi
join int_industry_balance as i using (industry_code)
where mi.mapped
group by i.year, mi.major_code
