-- Major → industry: segment weights summed, so a major serving two segments of one industry counts
-- once for it. `mapped` (weight above coverage_mapped_min_weight) drives coverage counts only;
-- supply uses every weight, so a graduate is shared, never dropped or copied. Weights are summed as
-- exact decimals, so 0.1 + 0.2 is 0.3 whichever row comes first.
-- grain: major_code, industry_code
-- not null: weight, mapped, key
select
    c.major_code,
    c.industry_code,
    sum(c.weight::DECIMAL(38, 12))::DOUBLE as weight,
    sum(c.weight::DECIMAL(38, 12))::DOUBLE > getvariable('coverage_mapped_min_weight') as mapped,
    i.key
from stg_crosswalk as c
join stg_industries as i using (industry_code)
group by c.major_code, c.industry_code, i.key
