-- Concentration of programme points per year: share held by the top-N majors, HHI over majors'
-- shares in percent (0..10000) and the number of majors offered by too many schools.
-- grain: year
-- not null: top_n_share, hhi
select
    year,
    sum(programme_points)::INTEGER as programme_points,
    count(*)::INTEGER as majors,
    coalesce(sum(share) filter (where rank <= getvariable('concentration_top_n')), 0)::DOUBLE as top_n_share,
    sum(power(share * 100, 2))::DOUBLE as hhi,
    count(*) filter (where duplicated)::INTEGER as duplicated_majors
from mart_major
group by year
