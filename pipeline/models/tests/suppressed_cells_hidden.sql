-- A cell with too few openings never shows a demand ratio, and only such cells are suppressed.
select year, industry_code, openings, seekers, demand_ratio, suppressed
from mart_industry
where (suppressed and demand_ratio is not null)
    or (suppressed <> (openings < getvariable('signal_min_openings')))
    or (tight and suppressed)
