-- Per industry: the shift k (years) after which programme points follow demand most closely. The
-- best k is the one with the highest correlation over at least lag_min_pairs pairs; only a positive
-- correlation of at least lag_weak_below counts as a clear response.
-- grain: industry_code
-- not null: years_available, strength
-- references: industry_code -> dim_industry
-- accepted values: strength in (clear, no_clear_response, insufficient_data)
with available as (
    select industry_code, count(*) filter (where has_demand and has_programmes)::INTEGER as years_available
    from int_industry_year
    group by industry_code
),

best as (
    select industry_code, shift, correlation
    from int_lag_shifts
    where pairs >= getvariable('lag_min_pairs') and isfinite(correlation)
    qualify row_number() over (partition by industry_code order by correlation desc, shift) = 1
),

judged as (
    select
        i.industry_code,
        i.name_zh,
        i.name_en,
        a.years_available,
        a.years_available >= getvariable('lag_min_years') as sufficient,
        b.shift,
        b.correlation
    from stg_industries as i
    join available as a using (industry_code)
    left join best as b using (industry_code)
)

select
    industry_code,
    name_zh,
    name_en,
    years_available,
    case when sufficient then shift end as lag_years,
    case when sufficient then correlation end as correlation,
    case
        when not sufficient then 'insufficient_data'
        when correlation >= getvariable('lag_weak_below') then 'clear'
        else 'no_clear_response'
    end as strength
from judged
