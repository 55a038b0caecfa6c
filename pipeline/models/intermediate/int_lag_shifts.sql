-- Correlation, per industry and shift k in 0..lag_max_shift, between the demand change in year t and
-- the programme-point change in year t + k; mart_lag picks the best shift.
-- grain: industry_code, shift
-- not null: pairs
select
    d.industry_code,
    k.shift::INTEGER as shift,
    count(*)::INTEGER as pairs,
    corr(p.points_change, d.demand_change) as correlation
from int_lag_changes as d
cross join range(0, getvariable('lag_max_shift')::INTEGER + 1) as k(shift)
join int_lag_changes as p on p.industry_code = d.industry_code and p.year = d.year + k.shift
group by d.industry_code, k.shift
