-- Year-on-year changes of demand and of mapped programme points per industry, over the years that
-- have both demand figures for the industry and programme data. A change needs the previous
-- calendar year, so a gap in the series breaks it rather than spanning two years.
-- grain: industry_code, year
-- not null: demand_change, points_change
with series as (
    select
        industry_code,
        year,
        openings - lag(openings) over w as demand_change,
        programme_points - lag(programme_points) over w as points_change,
        year - lag(year) over w as step
    from int_industry_year
    where has_demand and has_programmes
    window w as (partition by industry_code order by year)
)

select industry_code, year, demand_change::DOUBLE as demand_change, points_change::DOUBLE as points_change
from series
where step = 1
