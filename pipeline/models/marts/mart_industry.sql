-- City-wide industry × year: coverage, supply against demand, demand ratio with small-cell
-- suppression, chain coverage and urgency (computed in int_industry_balance, see there).
-- grain: year, industry_code
-- not null: name_zh, supply, demand, gap, signal, suppressed, tight, uncovered_segments, urgency
-- references: industry_code -> dim_industry
-- accepted values: signal in (shortage, balanced, oversupply, no_demand)
select * from int_industry_balance
